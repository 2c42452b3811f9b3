package org.cabildo.sensing.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cabildo.sensing.sql.Translations.filter;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.cabildo.sensing.model.EntityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The SQL of representative filters on each entity type: columns, operators, and values only as parameters. */
class FilterTranslationTest {

	static Stream<Arguments> filters() {
		return Stream.of(
				Arguments.of(EntityType.THING, "name eq 'Hylke''s Thing'", List.of("t0.name = ?"),
						List.of("Hylke's Thing")),
				Arguments.of(EntityType.THING, "name eq 'Alpha' and description ne 'Bravo' or not (id gt 3)",
						List.of("t0.name = ?", " AND ", "t0.description <> ?", " OR ", "NOT (", "t0.id > ?"),
						List.of("Alpha", "Bravo", 3L)),
				Arguments.of(EntityType.LOCATION, "encodingType eq 'application/geo+json'",
						List.of("t0.encoding_type = ?"), List.of("application/geo+json")),
				Arguments.of(EntityType.DATASTREAM, "unitOfMeasurement/symbol eq 'degC'",
						List.of("cabildo_json_text(t0.unit_of_measurement, ?) = ?"), List.of("symbol", "degC")),
				Arguments.of(EntityType.DATASTREAM, "observationType ne 'OM_Observation' and id le 10",
						List.of("t0.observation_type <> ?", "t0.id <= ?"), List.of("OM_Observation", 10L)),
				Arguments.of(EntityType.SENSOR, "encodingType eq 'application/pdf' and metadata eq 'http://x/s.pdf'",
						List.of("t0.encoding_type = ?", "cabildo_json_text(t0.metadata, ?) = ?"),
						List.of("application/pdf", "", "http://x/s.pdf")),
				Arguments.of(EntityType.OBSERVED_PROPERTY, "definition eq 'http://example.org/temperature'",
						List.of("t0.definition = ?"), List.of("http://example.org/temperature")),
				Arguments.of(EntityType.OBSERVATION, "result le 3.5 and FeatureOfInterest/id eq 1",
						List.of("t0.result_number <= ?", "t0.feature_of_interest_id = ?"), List.of(3.5, 1L)),
				Arguments.of(EntityType.OBSERVATION, "result eq 'switched on'",
						List.of("COALESCE(cabildo_number_text(t0.result_number), cabildo_json_text(t0.result_json, ?)) = ?"),
						List.of("", "switched on")),
				Arguments.of(EntityType.OBSERVATION, "parameters/depth/unit eq 'metre'",
						List.of("cabildo_json_text(t0.parameters, ?) = ?"), List.of("depth/unit", "metre")),
				Arguments.of(EntityType.FEATURE_OF_INTEREST, "properties/kind eq 'river'",
						List.of("cabildo_json_text(t0.properties, ?) = ?"), List.of("kind", "river")),
				Arguments.of(EntityType.THING, "properties/list[2]/size gt 4",
						List.of("cabildo_json_number(t0.properties, ?) > ?"), List.of("list/2/size", 4L)),
				Arguments.of(EntityType.THING, "properties/active eq true",
						List.of("cabildo_json_boolean(t0.properties, ?) = ?"), List.of("active", true)));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("filters")
	void translatesToColumnsAndParameters(EntityType type, String filter, List<String> sqlParts,
			List<Object> parameters) {
		SqlFragment sql = filter(type, filter);
		assertThat(sql.text()).contains(sqlParts);
		assertThat(sql.parameters()).containsExactlyElementsOf(parameters);
		for (Object parameter : parameters) {
			if (parameter instanceof String text && !text.isEmpty()) {
				assertThat(sql.text()).doesNotContain(text);
			}
		}
	}

	@Test
	void aDateTimeIsBoundAsTheSameInstant() {
		SqlFragment sql = filter(EntityType.HISTORICAL_LOCATION, "time gt 2020-01-01T02:00:00+02:00");
		assertThat(sql.text()).contains("t0.time > ?");
		assertThat(sql.parameters()).singleElement()
			.isInstanceOfSatisfying(OffsetDateTime.class,
					time -> assertThat(time).isAtSameInstantAs(OffsetDateTime.parse("2020-01-01T00:00:00Z")));
	}

	@Test
	void aDateNextToATimestampMeansTheStartOfThatDayInUtc() {
		SqlFragment sql = filter(EntityType.OBSERVATION, "resultTime lt 2020-01-02");
		assertThat(sql.parameters()).containsExactly(OffsetDateTime.parse("2020-01-02T00:00:00Z"));
	}

	@Test
	void sqlInAStringIsOnlyEverAParameter() {
		SqlFragment sql = filter(EntityType.THING, "name eq 'x'' OR 1=1 --' or description eq 'a''); DROP TABLE things; --'");
		assertThat(sql.text()).doesNotContain("OR 1=1", "DROP", "--");
		assertThat(sql.parameters()).containsExactly("x' OR 1=1 --", "a'); DROP TABLE things; --");
	}

	@Test
	void likeWildcardsInAPrefixAreEscaped() {
		SqlFragment sql = filter(EntityType.THING, "startswith(name, '50%_off\\')");
		assertThat(sql.text()).contains("t0.name LIKE ? ESCAPE '\\'");
		assertThat(sql.parameters()).containsExactly("50\\%\\_off\\\\%");
	}

	@Test
	void comparingWithNullTestsForNull() {
		assertThat(filter(EntityType.THING, "description eq null").text()).contains("t0.description IS NULL");
		assertThat(filter(EntityType.THING, "null ne description").text()).contains("NOT (t0.description IS NULL)");
		assertThat(filter(EntityType.OBSERVATION, "result eq null").text())
			.contains("t0.result_number IS NULL AND t0.result_json IS NULL");
	}

	@Test
	void orderingAgainstNullIsNeverTrue() {
		SqlFragment sql = filter(EntityType.THING, "name gt null");
		assertThat(sql.text()).isEqualTo("CAST(NULL AS BOOLEAN)");
	}

	@Test
	void booleanOperatorsKeepTheStructureOfTheExpression() {
		SqlFragment sql = filter(EntityType.THING, "name eq 'a' and (description eq 'b' or description eq 'c')");
		assertThat(sql.text()).matches("\\(\\(t0\\.name = \\?\\) AND \\(\\(t0\\.description = \\?\\) OR "
				+ "\\(t0\\.description = \\?\\)\\)\\)");
		assertThat(sql.parameters()).containsExactly("a", "b", "c");
	}

}
