package org.cabildo.sensing.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cabildo.sensing.sql.Translations.filter;
import static org.cabildo.sensing.sql.Translations.filterError;
import static org.cabildo.sensing.sql.Translations.orderBy;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.model.Property;
import org.cabildo.sensing.sql.SelectBuilder.Columns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Thing's {@code district}, derived from {@code thing_districts}: a subquery on the row, run
 * on H2, from the Thing itself and through the paths to it; never among the standard's properties.
 */
class DerivedPropertyTest {

	private static final OffsetDateTime T = OffsetDateTime.parse("2020-01-01T00:00:00Z");

	private static H2Database database;

	/**
	 * Things 1 and 2 in district 'a', 3 in 'b', 4 in none; one Datastream and one Observation
	 * each; Location 1 of Things 1 and 4, Location 2 of Thing 3.
	 */
	@BeforeAll
	static void createData() {
		database = new H2Database();
		Rows rows = new Rows(database);
		for (String district : List.of("a", "b", "c")) {
			database.execute("INSERT INTO districts (id, name, properties, boundary, area_km2, imported_at) "
					+ "VALUES (?, ?, '{}', '{}', 1, CURRENT_TIMESTAMP)", district, district);
		}
		for (long thing = 1; thing <= 4; thing++) {
			rows.thing(thing, "T" + thing);
			rows.datastream(10 * thing, thing, "D" + thing);
			rows.observation(100 * thing, 10 * thing, T, null, null, 1.0, null);
		}
		rows.location(1, "L1", 1, 4);
		rows.location(2, "L2", 3);
		database.execute("INSERT INTO thing_districts (thing_id, district_id) VALUES (1, 'a'), (2, 'a'), (3, 'b')");
	}

	@AfterAll
	static void dropData() {
		database.close();
	}

	@ParameterizedTest(name = "{0}?$filter={1}")
	@CsvSource(delimiter = '|', value = { "THING | district eq 'a' | 1,2", "THING | district eq 'b' | 3",
			"THING | district eq 'c' | ''", "THING | district ne 'a' | 3",
			"THING | district eq 'a' or district eq 'b' | 1,2,3", "THING | district eq null | 4",
			"THING | startswith(district, 'b') | 3", "THING | district gt 'a' | 3",
			"DATASTREAM | Thing/district eq 'a' | 10,20", "DATASTREAM | Thing/district eq null | 40",
			"OBSERVATION | Datastream/Thing/district eq 'b' | 300",
			"OBSERVATION | Datastream/Thing/district eq 'a' and result eq 1 | 100,200",
			"LOCATION | Things/district eq 'a' | 1", "LOCATION | Things/district ne 'a' | 2" })
	void filtersOnTheDistrict(EntityType type, String filter, String expected) {
		List<Long> ids = expected.isEmpty() ? List.of() : Arrays.stream(expected.split(",")).map(Long::valueOf).toList();
		assertThat(database.ids(type, filter(type, filter))).containsExactlyElementsOf(ids);
	}

	@Test
	void theValueIsABindParameterAndTheDistrictASubqueryOnTheThing() {
		SqlFragment sql = filter(EntityType.OBSERVATION, "Datastream/Thing/district eq 'x'");
		assertThat(sql.text()).matches("t0\\.datastream_id IN \\(SELECT (j\\d+)\\.id FROM datastreams \\1 JOIN things "
				+ "(j\\d+) ON \\2\\.id = \\1\\.thing_id WHERE \\(\\(SELECT thing_districts\\.district_id FROM "
				+ "thing_districts WHERE thing_districts\\.thing_id = \\2\\.id\\) = \\?\\)\\)");
		assertThat(sql.parameters()).containsExactly("x");
		assertThat(filter(EntityType.THING, "district eq 'x'").text()).isEqualTo(
				"((SELECT thing_districts.district_id FROM thing_districts WHERE thing_districts.thing_id = t0.id) = ?)");
	}

	@Test
	void ordersByTheDistrict() {
		assertThat(database.idsInOrder(EntityType.THING, orderBy(EntityType.THING, "district desc")))
			.containsExactly(3L, 1L, 2L, 4L);
		assertThat(database.idsInOrder(EntityType.DATASTREAM, orderBy(EntityType.DATASTREAM, "Thing/district")))
			.containsExactly(40L, 10L, 20L, 30L);
	}

	@Test
	void isNotAPropertyOfTheStandardNorOfOtherTypes() {
		Property district = EntityType.THING.property("district").orElseThrow();
		assertThat(district.derived()).isTrue();
		assertThat(district.computed()).as("never written").isTrue();
		assertThat(EntityType.THING.properties()).as("the default representation").doesNotContain(district);
		assertThat(EntityType.THING.derivedProperties()).containsExactly(district);
		assertThat(EntityType.DATASTREAM.property("district")).isEmpty();
		assertThat(filterError(EntityType.DATASTREAM, "district eq 'a'").getMessage())
			.contains("'district' is not a property of Datastream");
		assertThat(filterError(EntityType.THING, "district/x eq 'a'").getMessage()).contains("has no properties");
	}

	@Test
	void isSelectedAsASubquery() {
		Property district = EntityType.THING.property("district").orElseThrow();
		Property name = EntityType.THING.property("name").orElseThrow();
		String columns = Columns.of(EntityType.THING, List.of(name, district)).sql();
		assertThat(columns).startsWith("t0.id, t0.name, (SELECT thing_districts.district_id FROM thing_districts "
				+ "WHERE thing_districts.thing_id = t0.id)");
	}

}
