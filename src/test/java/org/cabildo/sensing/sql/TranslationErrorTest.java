package org.cabildo.sensing.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.cabildo.sensing.sql.Translations.filterError;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.query.FilterParser;
import org.cabildo.sensing.query.QueryException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Filters that parse but mean nothing for the entity type: a 400 naming the place and the problem. */
class TranslationErrorTest {

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = { "THING | name gt 5 | 5 | cannot compare text with a number",
			"OBSERVATION | phenomenonTime eq 'x' | 15 | cannot compare a time interval with text",
			"THING | name eq 'a' and id eq 'b' | 19 | cannot compare a number with text",
			"OBSERVATION | resultTime eq true | 11 | cannot compare a date-time with a boolean",
			"THING | nope eq 1 | 0 | 'nope' is not a property of Thing",
			"OBSERVATION | Datastream/nope eq 1 | 0 | 'nope' is not a property of Datastream",
			"THING | Datastreams eq 1 | 0 | navigation property 'Datastreams' cannot be used as a value",
			"THING | name/first eq 'a' | 0 | 'name' has no properties",
			"THING | id/x eq 1 | 0 | 'id' has no properties", "THING | name | 0 | expected a condition but found text",
			"THING | name add 1 eq 2 | 0 | expected a number but found text",
			"THING | length(id) eq 1 | 7 | expected text but found a number",
			"THING | year(id) eq 1 | 5 | expected a time but found a number",
			"OBSERVATION | resultTime add 5 eq now() | 11 | only a duration",
			"THING | name eq geography'POINT(1 2)' | 8 | geography literal",
			"LOCATION | location eq 3 | 9 | cannot compare a geometry with a number",
			"THING | round(name) eq 1 | 6 | expected a number but found text",
			"THING | not name | 4 | expected a condition but found text" })
	void aMeaninglessFilterIsA400AtThePlaceOfTheProblem(EntityType type, String filter, int position, String message) {
		QueryException error = filterError(type, filter);
		assertThat(error).as(filter).isNotNull();
		assertThat(error.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(error.position()).isEqualTo(position);
		assertThat(error.getMessage()).contains(message).contains("at position " + position);
	}

	@Test
	void theErrorNamesTheOptionItCameFrom() {
		String option = "$expand/Datastreams/$filter";
		QueryException error = catchThrowableOfType(QueryException.class,
				() -> Translations.translator("H2")
					.condition(EntityType.DATASTREAM, "t0", FilterParser.parse("name gt 1", option), option,
							new Aliases()));
		assertThat(error.option()).isEqualTo(option);
		assertThat(error.details()).containsEntry("option", option).containsEntry("position", 5);
	}

}
