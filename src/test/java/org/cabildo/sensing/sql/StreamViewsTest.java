package org.cabildo.sensing.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cabildo.sensing.model.EntityType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Datastreams and MultiDatastreams are rows of one table, streams, each type read through its
 * own view: no read of one sees the other, and the writes H2 makes through the datastreams
 * view (as PostgreSQL makes them by itself) reach only Datastreams.
 */
class StreamViewsTest {

	private H2Database database;

	private Rows rows;

	@BeforeEach
	void setUp() {
		database = new H2Database();
		rows = new Rows(database);
		rows.thing(1, "station");
		rows.datastream(10, 1, "ozone");
		database.execute("INSERT INTO streams (id, name, description, observation_type, unit_of_measurements,"
				+ " multi_observation_data_types, thing_id, sensor_id, multi) VALUES (11, 'weather', '', 'complex',"
				+ " '[{}, {}]', '[\"m\", \"m\"]', 1, 1, TRUE)");
	}

	@AfterEach
	void tearDown() {
		database.close();
	}

	@Test
	void eachTypeReadsOnlyItsOwnRows() {
		SqlFragment all = SqlFragment.of("TRUE");
		assertThat(database.ids(EntityType.DATASTREAM, all)).containsExactly(10L);
		assertThat(database.ids(EntityType.MULTI_DATASTREAM, all)).containsExactly(11L);
		assertThat(EntityType.DATASTREAM.storedIn()).isEqualTo(EntityType.MULTI_DATASTREAM.storedIn());
	}

	@Test
	void writesThroughTheDatastreamsViewReachOnlyDatastreams() {
		database.execute("UPDATE datastreams SET name = 'renamed'");
		database.execute("DELETE FROM datastreams WHERE id IN (10, 11)");
		SqlFragment all = SqlFragment.of("TRUE");
		assertThat(database.ids(EntityType.DATASTREAM, all)).isEmpty();
		assertThat(database.ids(EntityType.MULTI_DATASTREAM, SqlFragment.of("t0.name = 'weather'")))
			.containsExactly(11L);
	}

	@Test
	void aStreamIsEitherKindWholly() {
		assertThatThrownBy(() -> database.execute("INSERT INTO streams (id, name, description, observation_type,"
				+ " unit_of_measurement, thing_id, sensor_id, observed_property_id, multi) VALUES (12, 'half', '', 'x',"
				+ " '{}', 1, 1, 1, TRUE)")).cause().hasMessageContaining("STREAMS_KIND");
	}

}
