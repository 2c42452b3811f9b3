package org.cabildo.sensing.sql;

import java.time.OffsetDateTime;

/** Inserts the few columns each test cares about; everything else gets a harmless value. */
final class Rows {

	private final H2Database database;

	private boolean datastreamParents;

	Rows(H2Database database) {
		this.database = database;
	}

	void thing(long id, String name) {
		thing(id, name, "a thing", null);
	}

	void thing(long id, String name, String description, String properties) {
		database.execute("INSERT INTO things (id, name, description, properties) VALUES (?, ?, ?, ?)", id, name,
				description, properties);
	}

	void location(long id, String name, long... things) {
		database.execute("INSERT INTO locations (id, name, description, encoding_type, location) "
				+ "VALUES (?, ?, '', 'application/geo+json', '{\"type\":\"Point\",\"coordinates\":[0,0]}')", id, name);
		for (long thing : things) {
			database.execute("INSERT INTO thing_locations (thing_id, location_id) VALUES (?, ?)", thing, id);
		}
	}

	void datastream(long id, long thing, String name) {
		datastream(id, thing, name, null, null);
	}

	void datastream(long id, long thing, String name, OffsetDateTime phenomenonStart, OffsetDateTime phenomenonEnd) {
		if (!datastreamParents) {
			database.execute("INSERT INTO sensors (id, name, description, encoding_type, metadata) "
					+ "VALUES (1, 's', '', 'text/plain', '\"m\"')");
			database.execute("INSERT INTO observed_properties (id, name, definition, description) "
					+ "VALUES (1, 'p', 'http://example.org/p', '')");
			datastreamParents = true;
		}
		database.execute("INSERT INTO datastreams (id, name, description, unit_of_measurement, observation_type, "
				+ "phenomenon_time_start, phenomenon_time_end, thing_id, sensor_id, observed_property_id) "
				+ "VALUES (?, ?, '', '{}', 'OM_Measurement', ?, ?, ?, 1, 1)", id, name, phenomenonStart, phenomenonEnd,
				thing);
	}

	/** An observation whose phenomenonTime is an instant ({@code end} null) or an interval. */
	void observation(long id, long datastream, OffsetDateTime phenomenonStart, OffsetDateTime phenomenonEnd) {
		observation(id, datastream, phenomenonStart, phenomenonEnd, null, null, null);
	}

	void observation(long id, long datastream, OffsetDateTime phenomenonStart, OffsetDateTime phenomenonEnd,
			OffsetDateTime resultTime, Double resultNumber, String resultJson) {
		database.execute("INSERT INTO observations (id, phenomenon_time, phenomenon_time_end, result_time, "
				+ "result_number, result_json, datastream_id, feature_of_interest_id) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
				id, phenomenonStart, phenomenonEnd, resultTime, resultNumber, resultJson, datastream);
	}

}
