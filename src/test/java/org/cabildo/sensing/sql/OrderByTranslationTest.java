package org.cabildo.sensing.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cabildo.sensing.sql.Translations.orderBy;
import static org.cabildo.sensing.sql.Translations.orderByError;

import java.time.OffsetDateTime;
import java.util.List;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.query.QueryException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** $orderby keys, run on H2: nulls first ascending and last descending, ties broken by the next key. */
class OrderByTranslationTest {

	private static H2Database database;

	private static OffsetDateTime at(int hour) {
		return OffsetDateTime.parse("2020-01-01T00:00:00Z").plusHours(hour);
	}

	/**
	 * Things 1..4 named b, a, c, a with properties x = 10, 2, "z", none. Datastreams 1 (of thing
	 * 1, 'zeta') and 2 (of thing 2, 'alpha'). Observations: 1 = [10h, 12h) result 9 resultTime 1h,
	 * 2 = [10h, 11h) result 10, 3 = 10h result none resultTime 2h, 4 = 9h result 9.5 resultTime 3h.
	 */
	@BeforeAll
	static void createData() {
		database = new H2Database();
		Rows rows = new Rows(database);
		rows.thing(1, "b", "", "{\"x\": 10}");
		rows.thing(2, "a", "", "{\"x\": 2}");
		rows.thing(3, "c", "", "{\"x\": \"z\"}");
		rows.thing(4, "a", "", null);
		rows.datastream(1, 1, "zeta");
		rows.datastream(2, 2, "alpha");
		rows.observation(1, 1, at(10), at(12), at(1), 9.0, null);
		rows.observation(2, 2, at(10), at(11), null, 10.0, null);
		rows.observation(3, 1, at(10), null, at(2), null, null);
		rows.observation(4, 2, at(9), null, at(3), 9.5, null);
	}

	@AfterAll
	static void dropData() {
		database.close();
	}

	private static List<Long> order(EntityType type, String orderBy) {
		return database.idsInOrder(type, orderBy(type, orderBy));
	}

	@ParameterizedTest(name = "Things by {0}")
	@CsvSource(delimiter = '|', value = { "name | 2,4,1,3", "name desc | 3,1,2,4", "name, id desc | 4,2,1,3",
			"id desc | 4,3,2,1", "length(name) desc, id | 1,2,3,4" })
	void thingsInTheOrderAsked(String orderBy, String expected) {
		assertThat(order(EntityType.THING, orderBy)).containsExactlyElementsOf(ids(expected));
	}

	@Test
	void jsonPropertiesSortNumbersAsNumbers() {
		List<Long> order = order(EntityType.THING, "properties/x");
		assertThat(order.indexOf(2L)).isLessThan(order.indexOf(1L));
	}

	@ParameterizedTest(name = "Observations by {0}")
	@CsvSource(delimiter = '|', value = { "result | 3,1,4,2", "result desc | 2,4,1,3", "resultTime | 2,1,3,4",
			"resultTime desc | 4,3,1,2", "phenomenonTime | 4,3,2,1", "phenomenonTime desc | 1,2,3,4",
			"Datastream/name, id | 2,4,1,3", "Datastream/Thing/name desc, result | 3,1,4,2" })
	void observationsInTheOrderAsked(String orderBy, String expected) {
		assertThat(order(EntityType.OBSERVATION, orderBy)).containsExactlyElementsOf(ids(expected));
	}

	@Test
	void aToOnePathSortsByAScalarSubquery() {
		SqlFragment key = orderBy(EntityType.OBSERVATION, "Datastream/name desc").get(0);
		assertThat(key.text()).matches("\\(SELECT (j\\d+)\\.name FROM datastreams \\1 WHERE \\1\\.id = "
				+ "t0\\.datastream_id\\) DESC");
	}

	@Test
	void anIntervalSortsByStartThenEnd() {
		assertThat(orderBy(EntityType.DATASTREAM, "phenomenonTime desc")).extracting(SqlFragment::text)
			.containsExactly("t0.phenomenon_time_start DESC NULLS LAST",
					"COALESCE(t0.phenomenon_time_end, t0.phenomenon_time_start) DESC NULLS LAST");
	}

	@Test
	void aToManyPathCannotBeSortedBy() {
		QueryException error = orderByError(EntityType.THING, "name, Datastreams/name");
		assertThat(error.option()).isEqualTo("$orderby");
		assertThat(error.position()).isEqualTo(6);
		assertThat(error.getMessage()).contains("single related entities");
	}

	@Test
	void aGeometrySortsByItsTypeThenTheTextOfItsCoordinates() {
		List<SqlFragment> keys = orderBy(EntityType.LOCATION, "location desc");
		assertThat(keys).hasSize(2);
		assertThat(keys.get(0).text()).isEqualTo("cabildo_json_text(t0.location, ?) DESC NULLS LAST");
		assertThat(keys.get(0).parameters()).containsExactly("type");
		assertThat(keys.get(1).text()).isEqualTo(
				"COALESCE(cabildo_json_text(t0.location, ?), cabildo_json_text(t0.location, ?)) DESC NULLS LAST");
		assertThat(keys.get(1).parameters()).containsExactly("coordinates", "geometries");
	}

	private static List<Long> ids(String expected) {
		return List.of(expected.split(",")).stream().map(Long::valueOf).toList();
	}

}
