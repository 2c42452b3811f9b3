package org.cabildo.sensing.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cabildo.sensing.sql.Translations.filter;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Map.Entry;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.query.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The built-in functions on both databases; what they compute is checked on H2 in FunctionEvaluationTest. */
class FunctionTranslationTest {

	/** A filter on Observations (times, numbers) or Things (text) that uses each non-spatial function. */
	private static final Map<Function, Entry<EntityType, String>> USES = Map.ofEntries(
			Map.entry(Function.SUBSTRINGOF, Map.entry(EntityType.THING, "substringof('ens', name)")),
			Map.entry(Function.ENDSWITH, Map.entry(EntityType.THING, "endswith(name, 'gs')")),
			Map.entry(Function.STARTSWITH, Map.entry(EntityType.THING, "startswith(name, 'Se')")),
			Map.entry(Function.LENGTH, Map.entry(EntityType.THING, "length(name) eq 13")),
			Map.entry(Function.INDEXOF, Map.entry(EntityType.THING, "indexof(name, 'Th') eq 7")),
			Map.entry(Function.SUBSTRING, Map.entry(EntityType.THING, "substring(name, 2, 4) eq 'nsor'")),
			Map.entry(Function.TOLOWER, Map.entry(EntityType.THING, "tolower(name) eq 'x'")),
			Map.entry(Function.TOUPPER, Map.entry(EntityType.THING, "toupper(name) eq 'X'")),
			Map.entry(Function.TRIM, Map.entry(EntityType.THING, "trim(name) eq 'x'")),
			Map.entry(Function.CONCAT, Map.entry(EntityType.THING, "concat(name, 'x') eq 'yx'")),
			Map.entry(Function.YEAR, Map.entry(EntityType.OBSERVATION, "year(resultTime) eq 2015")),
			Map.entry(Function.MONTH, Map.entry(EntityType.OBSERVATION, "month(resultTime) eq 6")),
			Map.entry(Function.DAY, Map.entry(EntityType.OBSERVATION, "day(resultTime) eq 7")),
			Map.entry(Function.HOUR, Map.entry(EntityType.OBSERVATION, "hour(resultTime) eq 8")),
			Map.entry(Function.MINUTE, Map.entry(EntityType.OBSERVATION, "minute(resultTime) eq 9")),
			Map.entry(Function.SECOND, Map.entry(EntityType.OBSERVATION, "second(resultTime) eq 10")),
			Map.entry(Function.FRACTIONALSECONDS,
					Map.entry(EntityType.OBSERVATION, "fractionalseconds(resultTime) eq 0.25")),
			Map.entry(Function.DATE, Map.entry(EntityType.OBSERVATION, "date(resultTime) eq 2015-06-07")),
			Map.entry(Function.TIME, Map.entry(EntityType.OBSERVATION, "time(resultTime) le 12:00:00")),
			Map.entry(Function.TOTALOFFSETMINUTES,
					Map.entry(EntityType.OBSERVATION, "totaloffsetminutes(resultTime) eq 0")),
			Map.entry(Function.NOW, Map.entry(EntityType.OBSERVATION, "resultTime lt now()")),
			Map.entry(Function.MINDATETIME, Map.entry(EntityType.OBSERVATION, "mindatetime(phenomenonTime) lt now()")),
			Map.entry(Function.MAXDATETIME, Map.entry(EntityType.OBSERVATION, "maxdatetime(phenomenonTime) lt now()")),
			Map.entry(Function.ROUND, Map.entry(EntityType.OBSERVATION, "round(result) eq 4")),
			Map.entry(Function.FLOOR, Map.entry(EntityType.OBSERVATION, "floor(result) eq 3")),
			Map.entry(Function.CEILING, Map.entry(EntityType.OBSERVATION, "ceiling(result) eq 4")));

	@ParameterizedTest
	@EnumSource(value = Function.class, mode = EnumSource.Mode.MATCH_NONE, names = { "GEO_.*", "ST_.*" })
	void everyNonSpatialFunctionTranslatesOnBothDatabases(Function function) {
		Entry<EntityType, String> use = USES.get(function);
		assertThat(use).as("a use of " + function).isNotNull();
		for (String database : new String[] { "H2", "PostgreSQL" }) {
			SqlFragment sql = filter(database, use.getKey(), use.getValue());
			assertThat(sql.text()).as(database).isNotBlank();
		}
	}

	@Test
	void substringofUsesEachDatabasesPositionFunction() {
		assertThat(filter("H2", EntityType.THING, "substringof('ens', name)").text())
			.isEqualTo("(LOCATE(?, t0.name) > 0)");
		assertThat(filter("PostgreSQL", EntityType.THING, "substringof('ens', name)").text())
			.isEqualTo("(STRPOS(t0.name, ?) > 0)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "H2", "PostgreSQL" })
	void indexofIsZeroBased(String database) {
		SqlFragment sql = filter(database, EntityType.THING, "indexof(name, 'Th') eq 7");
		assertThat(sql.text()).contains(" - 1) = ?");
		assertThat(sql.parameters()).containsExactly("Th", 7L);
	}

	@ParameterizedTest
	@ValueSource(strings = { "H2", "PostgreSQL" })
	void substringIsZeroBasedWithAnOptionalLength(String database) {
		SqlFragment sql = filter(database, EntityType.THING, "substring(name, 2, 4) eq 'nsor'");
		assertThat(sql.text()).contains("SUBSTRING(t0.name FROM CAST(? AS INTEGER) + 1 FOR CAST(? AS INTEGER))");
		assertThat(sql.parameters()).containsExactly(2L, 4L, "nsor");
	}

	@Test
	void fractionalSecondsDifferPerDatabase() {
		assertThat(filter("H2", EntityType.OBSERVATION, "fractionalseconds(resultTime) eq 0").text())
			.contains("EXTRACT(NANOSECOND FROM t0.result_time)");
		assertThat(filter("PostgreSQL", EntityType.OBSERVATION, "fractionalseconds(resultTime) eq 0").text())
			.contains("EXTRACT(SECOND FROM t0.result_time) - FLOOR(EXTRACT(SECOND FROM t0.result_time))");
	}

	@Test
	void durationArithmeticDiffersPerDatabase() {
		String filter = "resultTime ge now() sub duration'PT60S'";
		SqlFragment h2 = filter("H2", EntityType.OBSERVATION, filter);
		SqlFragment postgres = filter("PostgreSQL", EntityType.OBSERVATION, filter);
		assertThat(h2.text()).contains("DATEADD(MICROSECOND");
		assertThat(postgres.text()).contains("INTERVAL '1 second'");
		assertThat(h2.parameters()).containsExactlyInAnyOrder(Translations.NOW, 60.0);
		assertThat(postgres.parameters()).containsExactlyInAnyOrder(Translations.NOW, 60.0);
	}

	@Test
	void moduloDiffersPerDatabase() {
		assertThat(filter("H2", EntityType.OBSERVATION, "result mod 2 eq 1").text()).contains("MOD(").contains("DECFLOAT");
		assertThat(filter("PostgreSQL", EntityType.OBSERVATION, "result mod 2 eq 1").text()).contains("MOD(")
			.contains("NUMERIC");
	}

	@Test
	void divisionByZeroGivesNullInsteadOfAnError() {
		assertThat(filter(EntityType.OBSERVATION, "result div 0 eq 1").text())
			.contains("/ NULLIF(CAST(? AS DOUBLE PRECISION), 0)");
	}

	@Test
	void nowIsTheClockOfTheTranslator() {
		assertThat(filter(EntityType.OBSERVATION, "resultTime lt now()").parameters())
			.containsExactly(Translations.NOW);
	}

	@Test
	void theExtremeDateTimesAreBound() {
		assertThat(filter(EntityType.OBSERVATION, "resultTime gt mindatetime()").parameters()).singleElement()
			.isInstanceOfSatisfying(OffsetDateTime.class, time -> assertThat(time.getYear()).isEqualTo(1));
		assertThat(filter(EntityType.OBSERVATION, "resultTime lt maxdatetime()").parameters()).singleElement()
			.isInstanceOfSatisfying(OffsetDateTime.class, time -> assertThat(time.getYear()).isEqualTo(9999));
	}

	@Test
	void prefixAndSuffixOfAnotherPropertyCompareTheEnds() {
		assertThat(filter(EntityType.THING, "startswith(name, description)").text())
			.isEqualTo("(LEFT(t0.name, CHAR_LENGTH(t0.description)) = t0.description)");
		assertThat(filter(EntityType.THING, "endswith(name, description)").text())
			.isEqualTo("(RIGHT(t0.name, CHAR_LENGTH(t0.description)) = t0.description)");
	}

	@Test
	void theDatabaseIsChosenByProductName() {
		assertThat(Dialect.of("PostgreSQL").partitionsObservations()).isTrue();
		assertThat(Dialect.of("H2").partitionsObservations()).isFalse();
		assertThat(Dialect.of("PostgreSQL").jsonParameter()).isEqualTo("CAST(? AS JSONB)");
		assertThat(Dialect.of("H2").jsonParameter()).isEqualTo("?");
	}

}
