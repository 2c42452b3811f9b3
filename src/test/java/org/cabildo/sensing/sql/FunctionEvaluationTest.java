package org.cabildo.sensing.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cabildo.sensing.sql.Translations.filter;

import java.time.OffsetDateTime;

import org.cabildo.sensing.model.EntityType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the functions compute, run on H2 against one Thing named 'Sensor Things' and one
 * Observation with result 3.5 at 2015-06-07T08:09:10.25Z. The expected values come from the
 * standard's examples and OData's definitions (0-based indexof and substring).
 */
class FunctionEvaluationTest {

	private static final long THING = 1;

	private static final long OBSERVATION = 1;

	private static H2Database database;

	@BeforeAll
	static void createData() {
		database = new H2Database();
		Rows rows = new Rows(database);
		rows.thing(THING, "Sensor Things", "  padded ", "{\"n\": 5, \"tag\": \"x\"}");
		rows.thing(2, "50% off_sale", "", null);
		rows.datastream(1, THING, "d");
		rows.observation(OBSERVATION, 1, OffsetDateTime.parse("2015-06-07T00:00:00Z"),
				OffsetDateTime.parse("2015-06-08T00:00:00Z"), OffsetDateTime.parse("2015-06-07T08:09:10.25Z"), 3.5,
				null);
	}

	@AfterAll
	static void dropData() {
		database.close();
	}

	private static boolean holds(EntityType type, long id, String filter) {
		return database.ids(type, filter(type, filter)).contains(id);
	}

	/**
	 * The portal's latest readings ask for up to 200 streams as {@code id eq 1 or id eq 2 ...}: one
	 * level of parentheses, not 200, or the embedded database's parser overflowed the stack of a
	 * thread of 512 KB (the server's {@code -Xss}) while the JIT had not yet compiled it.
	 */
	@Test
	void aChainOf200OrIsOneLevelAndRunsOnASmallStack() throws Exception {
		String chain = String.join(" or ", java.util.stream.LongStream.rangeClosed(1000, 1196)
			.mapToObj(id -> "id eq " + id)
			.toList()) + " or id eq " + THING + " or (name eq 'x' and id eq 2)";
		SqlFragment sql = filter(EntityType.THING, chain);
		int depth = 0;
		int deepest = 0;
		for (char c : sql.text().toCharArray()) {
			depth += c == '(' ? 1 : c == ')' ? -1 : 0;
			deepest = Math.max(deepest, depth);
		}
		assertThat(deepest).as(sql.text()).isLessThanOrEqualTo(3);
		assertThat(sql.text()).contains(" OR ((t0.name = ?) AND (t0.id = ?)))");
		java.util.concurrent.atomic.AtomicReference<Object> answer = new java.util.concurrent.atomic.AtomicReference<>();
		Thread small = Thread.ofPlatform().stackSize(256 * 1024).start(() -> {
			try {
				answer.set(database.ids(EntityType.THING, sql));
			}
			catch (Throwable e) {
				answer.set(e);
			}
		});
		small.join();
		assertThat(answer.get()).isEqualTo(java.util.List.of(THING));
	}

	@ParameterizedTest
	@ValueSource(strings = { "substringof('Sensor Things', name)", "substringof('or Th', name)",
			"not substringof('x', name)", "endswith(name, 'Things')", "startswith(name, 'Sensor')",
			"not startswith(name, 'Things')", "not endswith(name, 'Sensor')", "length(name) eq 13",
			"indexof(name, 'Things') eq 7", "indexof(name, 'S') eq 0", "indexof(name, 'zzz') eq -1",
			"substring(name, 1) eq 'ensor Things'", "substring(name, 2, 4) eq 'nsor'", "tolower(name) eq 'sensor things'",
			"toupper(name) eq 'SENSOR THINGS'", "trim(description) eq 'padded'",
			"concat(concat(name, ', '), 'x') eq 'Sensor Things, x'", "startswith(name, substring(name, 0, 3))",
			"endswith(name, substring(name, 7))", "properties/n eq 5", "properties/n add 1 eq 6",
			"properties/tag eq 'x'", "properties/missing eq null" })
	void textFunctionsOnAThing(String filter) {
		assertThat(holds(EntityType.THING, THING, filter)).as(filter).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "startswith(name, '50%')", "startswith(name, '50% off_')", "endswith(name, '_sale')",
			"substringof('% off_', name)" })
	void likeWildcardsInArgumentsMatchOnlyThemselves(String filter) {
		assertThat(holds(EntityType.THING, 2, filter)).as(filter).isTrue();
		assertThat(holds(EntityType.THING, THING, filter)).as(filter).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "startswith(name, '5_')", "startswith(name, '%')", "endswith(name, '%')",
			"startswith(name, '50\\')" })
	void likeWildcardsDoNotMatchOtherText(String filter) {
		assertThat(holds(EntityType.THING, 2, filter)).as(filter).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "year(resultTime) eq 2015", "month(resultTime) eq 6", "day(resultTime) eq 7",
			"hour(resultTime) eq 8", "minute(resultTime) eq 9", "second(resultTime) eq 10",
			"fractionalseconds(resultTime) eq 0.25", "date(resultTime) eq 2015-06-07",
			"time(resultTime) eq 08:09:10.25", "time(resultTime) gt 08:09:10", "totaloffsetminutes(resultTime) eq 0",
			"year(phenomenonTime) eq 2015", "day(phenomenonTime) eq 7", "resultTime lt now()",
			"resultTime gt now() sub duration'P36500D'", "resultTime add duration'P1D' eq 2015-06-08T08:09:10.25Z",
			"resultTime sub duration'PT1H' eq 2015-06-07T07:09:10.25Z",
			"resultTime add duration'PT0.75S' eq 2015-06-07T08:09:11Z",
			"resultTime ge mindatetime() and resultTime le maxdatetime()",
			"mindatetime(phenomenonTime) eq 2015-06-07T00:00:00Z", "maxdatetime(phenomenonTime) eq 2015-06-08T00:00:00Z",
			"phenomenonTime eq 2015-06-07T00:00:00Z/2015-06-08T00:00:00Z" })
	void timeFunctionsOnAnObservation(String filter) {
		assertThat(holds(EntityType.OBSERVATION, OBSERVATION, filter)).as(filter).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "round(result) eq 4", "floor(result) eq 3", "ceiling(result) eq 4",
			"result add 1 eq 4.5", "result sub 1 eq 2.5", "result mul 2 eq 7", "result div 2 eq 1.75",
			"result mod 2 eq 1.5", "result mod 3 eq 0.5", "- result eq -3.5", "result sub 5 lt 0",
			"(result sub 5) mul 2 eq -3", "result div 0.5 eq 7" })
	void arithmeticOnAnObservation(String filter) {
		assertThat(holds(EntityType.OBSERVATION, OBSERVATION, filter)).as(filter).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "result div 0 eq 1", "result div 0 ne 1", "result mod 0 eq 1", "result mod 0 ne 1",
			"time(resultTime) eq 08:09:10", "year(resultTime) eq 2016" })
	void conditionsWithoutAnAnswerOrWithTheWrongOneDropTheEntity(String filter) {
		assertThat(holds(EntityType.OBSERVATION, OBSERVATION, filter)).as(filter).isFalse();
	}

}
