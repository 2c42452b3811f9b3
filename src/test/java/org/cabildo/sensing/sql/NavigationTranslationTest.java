package org.cabildo.sensing.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cabildo.sensing.sql.Translations.filter;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cabildo.sensing.model.EntityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Paths through navigation properties become semi-joins: an uncorrelated {@code key IN (SELECT ...)}
 * when the condition reads only related entities, a correlated EXISTS when it also reads the
 * filtered row; a to-one id is read from the foreign key.
 */
class NavigationTranslationTest {

	private static final String ALIAS = "([jl]\\d+)";

	private static int occurrences(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

	@ParameterizedTest
	@CsvSource({ "OBSERVATION, Datastream/id, t0.datastream_id", "OBSERVATION, Datastream/@iot.id, t0.datastream_id",
			"OBSERVATION, FeatureOfInterest/id, t0.feature_of_interest_id", "DATASTREAM, Thing/id, t0.thing_id",
			"DATASTREAM, Sensor/id, t0.sensor_id", "DATASTREAM, ObservedProperty/id, t0.observed_property_id",
			"HISTORICAL_LOCATION, Thing/id, t0.thing_id" })
	void theIdOfAToOneRelationIsReadFromTheForeignKey(EntityType type, String path, String column) {
		SqlFragment sql = filter(type, path + " eq 5");
		assertThat(sql.text()).isEqualTo("(" + column + " = ?)");
		assertThat(sql.parameters()).containsExactly(5L);
	}

	@Test
	void aToOnePropertyIsASemiJoinOnTheForeignKey() {
		SqlFragment sql = filter(EntityType.OBSERVATION, "Datastream/name eq 'x'");
		assertThat(sql.text()).matches("t0\\.datastream_id IN \\(SELECT " + ALIAS + "\\.id FROM datastreams \\1 WHERE "
				+ "\\(\\1\\.name = \\?\\)\\)");
		assertThat(sql.parameters()).containsExactly("x");
	}

	@Test
	void aToManyPropertyIsASemiJoinOnTheReverseKey() {
		SqlFragment sql = filter(EntityType.THING, "Datastreams/name eq 'x'");
		assertThat(sql.text()).matches("t0\\.id IN \\(SELECT " + ALIAS + "\\.thing_id FROM datastreams \\1 WHERE "
				+ "\\(\\1\\.name = \\?\\)\\)");
	}

	@Test
	void aManyToManyPropertyGoesThroughTheLinkTable() {
		SqlFragment sql = filter(EntityType.THING, "Locations/name eq 'x'");
		assertThat(sql.text()).matches("t0\\.id IN \\(SELECT " + ALIAS + "\\.thing_id FROM thing_locations \\1 JOIN "
				+ "locations " + ALIAS + " ON \\2\\.id = \\1\\.location_id WHERE \\(\\2\\.name = \\?\\)\\)");
	}

	@Test
	void aLongerPathJoinsEachStepInsideOneSubquery() {
		SqlFragment sql = filter(EntityType.THING, "Datastreams/Observations/result gt 3");
		assertThat(sql.text()).matches("t0\\.id IN \\(SELECT " + ALIAS + "\\.thing_id FROM datastreams \\1 JOIN "
				+ "observations " + ALIAS + " ON \\2\\.datastream_id = \\1\\.id WHERE \\(\\2\\.result_number > \\?\\)\\)");
		assertThat(sql.parameters()).containsExactly(3L);
	}

	@Test
	void aPathEndingInAToOneIdStopsAtTheForeignKey() {
		SqlFragment sql = filter(EntityType.OBSERVATION, "Datastream/Thing/id eq 7");
		assertThat(sql.text()).matches("t0\\.datastream_id IN \\(SELECT " + ALIAS + "\\.id FROM datastreams \\1 WHERE "
				+ "\\(\\1\\.thing_id = \\?\\)\\)");
		assertThat(sql.text()).doesNotContain("things");
	}

	@Test
	void aConditionThatAlsoReadsTheFilteredRowIsACorrelatedExists() {
		SqlFragment sql = filter(EntityType.DATASTREAM, "Thing/name eq name");
		assertThat(sql.text()).matches("EXISTS \\(SELECT 1 FROM things " + ALIAS + " WHERE \\1\\.id = "
				+ "t0\\.thing_id AND \\(\\1\\.name = t0\\.name\\)\\)");
	}

	@Test
	void twoFirstStepsAreACorrelatedExists() {
		SqlFragment sql = filter(EntityType.OBSERVATION, "Datastream/name eq FeatureOfInterest/name");
		assertThat(sql.text()).startsWith("EXISTS (SELECT 1 FROM datastreams").contains("features_of_interest")
			.contains(".id = t0.datastream_id").contains(".id = t0.feature_of_interest_id");
	}

	@Test
	void aPathUsedTwiceInOneComparisonIsJoinedOnce() {
		SqlFragment sql = filter(EntityType.OBSERVATION, "Datastream/name eq Datastream/description");
		assertThat(occurrences(sql.text(), "datastreams")).isEqualTo(1);
	}

	@Test
	void eachConditionHasItsOwnExistsWithItsOwnAliases() {
		SqlFragment sql = filter(EntityType.THING, "Datastreams/name eq 'a' and Datastreams/description eq 'b'");
		assertThat(occurrences(sql.text(), " IN (SELECT ")).isEqualTo(2);
		Matcher aliases = Pattern.compile("datastreams (j\\d+)").matcher(sql.text());
		assertThat(aliases.find()).isTrue();
		String first = aliases.group(1);
		assertThat(aliases.find()).isTrue();
		assertThat(aliases.group(1)).isNotEqualTo(first);
	}

	@Test
	void aHistoricalLocationReachesItsLocationsThroughItsLinkTable() {
		SqlFragment sql = filter(EntityType.HISTORICAL_LOCATION, "Locations/name eq 'x'");
		assertThat(sql.text()).startsWith("t0.id IN (SELECT ").contains("historical_location_locations")
			.contains(".historical_location_id FROM");
	}

}
