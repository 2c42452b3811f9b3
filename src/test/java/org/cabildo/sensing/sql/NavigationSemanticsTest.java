package org.cabildo.sensing.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cabildo.sensing.sql.Translations.filter;

import java.time.OffsetDateTime;
import java.util.List;

import org.cabildo.sensing.model.EntityType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Filters over navigation paths, run on H2: a path over a to-many relation holds when any
 * related entity satisfies the condition ("Things that have any observations of ...").
 */
class NavigationSemanticsTest {

	private static final OffsetDateTime T = OffsetDateTime.parse("2020-01-01T00:00:00Z");

	private static H2Database database;

	@BeforeAll
	static void createData() {
		database = new H2Database();
		Rows rows = new Rows(database);
		rows.thing(1, "T1");
		rows.thing(2, "T2");
		rows.thing(3, "T3");
		rows.location(1, "A", 1);
		rows.location(2, "B", 2);
		rows.location(3, "C", 1, 2);
		rows.datastream(11, 1, "temp");
		rows.datastream(12, 1, "hum");
		rows.datastream(21, 2, "wind");
		rows.observation(111, 11, T, null, null, 5.0, null);
		rows.observation(112, 11, T, null, null, 15.0, null);
		rows.observation(121, 12, T, null, null, 50.0, null);
		rows.observation(211, 21, T, null, null, 3.0, null);
	}

	@AfterAll
	static void dropData() {
		database.close();
	}

	private static List<Long> ids(EntityType type, String filter) {
		return database.ids(type, filter(type, filter));
	}

	@ParameterizedTest(name = "{1}")
	@CsvSource(delimiter = '|', value = { "THING | Datastreams/name eq 'hum' | 1",
			"THING | Datastreams/name ne 'hum' | 1,2", "THING | not (Datastreams/name eq 'hum') | 2,3",
			"THING | Datastreams/name eq 'temp' and Datastreams/name eq 'hum' | 1",
			"THING | Datastreams/Observations/result gt 10 | 1", "THING | Datastreams/Observations/result lt 4 | 2",
			"THING | Locations/name eq 'C' | 1,2", "THING | Locations/name eq 'B' | 2",
			"LOCATION | Things/name eq 'T1' | 1,3", "DATASTREAM | Thing/name eq 'T1' | 11,12",
			"DATASTREAM | Observations/result gt 10 | 11,12", "OBSERVATION | Datastream/id eq 11 | 111,112",
			"OBSERVATION | Datastream/Thing/name eq 'T1' | 111,112,121",
			"OBSERVATION | Datastream/Thing/id eq 2 | 211",
			"OBSERVATION | Datastream/name eq 'temp' and result gt 10 | 112" })
	void aPathSelectsTheEntitiesWithAnyRelatedEntityThatMatches(EntityType type, String filter, String expected) {
		List<Long> ids = List.of(expected.split(",")).stream().map(Long::valueOf).toList();
		assertThat(ids(type, filter)).isEqualTo(ids);
	}

}
