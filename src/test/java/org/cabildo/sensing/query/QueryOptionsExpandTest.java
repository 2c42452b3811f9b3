package org.cabildo.sensing.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cabildo.sensing.query.QueryOptionsParserTest.error;
import static org.cabildo.sensing.query.QueryOptionsParserTest.parse;

import java.util.List;

import org.cabildo.platform.ApiException;
import org.cabildo.sensing.query.QueryOptions.Expand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

class QueryOptionsExpandTest {

	private static List<Expand> expand(String value) {
		return parse("$expand", value).expand();
	}

	private static Expand only(List<Expand> expands) {
		assertThat(expands).hasSize(1);
		return expands.get(0);
	}

	/** A path of n navigation steps, Things/Datastreams/... alternating. */
	private static String path(int steps) {
		StringBuilder path = new StringBuilder();
		for (int i = 0; i < steps; i++) {
			path.append(i == 0 ? "" : "/").append(i % 2 == 0 ? "Datastreams" : "Thing");
		}
		return path.toString();
	}

	private static String nested(int levels) {
		return "Datastreams($expand=".repeat(levels - 1) + "Datastreams" + ")".repeat(levels - 1);
	}

	@Test
	void aListOfNavigationProperties() {
		assertThat(expand("Datastreams,Locations")).containsExactly(new Expand("Datastreams", QueryOptions.NONE),
				new Expand("Locations", QueryOptions.NONE));
	}

	@Test
	void nestedOptionsApplyToTheExpandedEntities() {
		Expand datastreams = only(
				expand("Datastreams($filter=name eq 'a;b';$top=1;$expand=Observations($orderby=phenomenonTime desc))"));
		assertThat(datastreams.navigation()).isEqualTo("Datastreams");
		QueryOptions options = datastreams.options();
		assertThat(options.filter().expr()).isEqualTo(Exprs.parse("name eq 'a;b'"));
		assertThat(options.top()).isEqualTo(1);
		Expand observations = only(options.expand());
		assertThat(observations.navigation()).isEqualTo("Observations");
		assertThat(observations.options().orderBy())
			.containsExactly(new FilterParser.OrderItem(Exprs.path("phenomenonTime"), true, 0));
	}

	@Test
	void separatorsInsideQuotesAndParenthesesDoNotSplit() {
		List<Expand> expands = expand("Datastreams($filter=name eq 'a,b)(' or length(name) gt 1;$select=id,name),Sensor");
		assertThat(expands).extracting(Expand::navigation).containsExactly("Datastreams", "Sensor");
		assertThat(expands.get(0).options().filter().expr())
			.isEqualTo(Exprs.parse("name eq 'a,b)(' or length(name) gt 1"));
		assertThat(expands.get(0).options().select()).containsExactly("id", "name");
	}

	@Test
	void aMultiLevelPathExpandsEachStep() {
		Expand datastreams = only(expand("Datastreams/Sensor"));
		assertThat(datastreams.navigation()).isEqualTo("Datastreams");
		assertThat(datastreams.options().filter()).isNull();
		assertThat(only(datastreams.options().expand())).isEqualTo(new Expand("Sensor", QueryOptions.NONE));
	}

	@Test
	void optionsAfterAMultiLevelPathApplyToTheLastStep() {
		Expand datastreams = only(expand("Datastreams/Observations($top=2)"));
		assertThat(datastreams.options().top()).isNull();
		assertThat(only(datastreams.options().expand()).options().top()).isEqualTo(2);
	}

	@Test
	void repeatedNavigationsAreMergedIntoOne() {
		Expand datastreams = only(expand("Datastreams/Sensor,Datastreams/ObservedProperty,Datastreams"));
		assertThat(datastreams.options().expand()).extracting(Expand::navigation)
			.containsExactly("Sensor", "ObservedProperty");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Datastreams($top=1),Datastreams/Sensor", "Datastreams/Sensor,Datastreams($top=1)" })
	void mergingKeepsTheOptionsOfEitherSide(String value) {
		Expand datastreams = only(expand(value));
		assertThat(datastreams.options().top()).isEqualTo(1);
		assertThat(datastreams.options().expand()).extracting(Expand::navigation).containsExactly("Sensor");
	}

	@Test
	void expansionsUpToTheDepthLimitAreAccepted() {
		int limit = QueryOptionsParser.MAX_EXPAND_DEPTH;
		assertThat(expand(nested(limit))).hasSize(1);
		assertThat(expand(path(limit))).hasSize(1);
		assertThat(expand(path(limit - 1) + "($expand=Thing)")).hasSize(1);
	}

	@Test
	void nestingBeyondTheDepthLimitIsRefused() {
		QueryException error = error("$expand", nested(QueryOptionsParser.MAX_EXPAND_DEPTH + 1));
		assertThat(error.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(error.getMessage()).contains("nested");
	}

	@Test
	void aMultiLevelPathBeyondTheDepthLimitIsRefused() {
		QueryException error = error("$expand", path(QueryOptionsParser.MAX_EXPAND_DEPTH + 1));
		assertThat(error.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(error.getMessage()).contains("nested");
	}

	@Test
	void pathsAndNestingTogetherCountAgainstTheLimit() {
		int limit = QueryOptionsParser.MAX_EXPAND_DEPTH;
		assertThat(error("$expand", path(limit - 1) + "($expand=Thing/Datastreams)")).isNotNull();
		assertThat(error("$expand", path(limit) + "($expand=Thing)")).isNotNull();
	}

	@Test
	void tenThousandLevelsAreRefusedInsteadOfExhaustingTheStack() {
		assertThat(error("$expand", nested(10_000))).isNotNull();
		assertThat(error("$expand", path(10_000))).isNotNull();
	}

	@Test
	void anErrorInANestedFilterNamesTheNestedOptionAndThePositionInIt() {
		QueryException error = error("$expand", "Datastreams($filter=name eq 'a' and)");
		assertThat(error.option()).isEqualTo("$expand/Datastreams/$filter");
		assertThat(error.position()).isEqualTo(15);
	}

	@Test
	void anUnknownNestedOptionIsA400() {
		QueryException error = error("$expand", "Datastreams($foo=1)");
		assertThat(error.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(error.option()).isEqualTo("$expand/Datastreams/$foo");
	}

	@Test
	void aNestedODataOnlyOptionIsA501() {
		assertThatThrownBy(() -> expand("Datastreams($search=x)")).isInstanceOfSatisfying(ApiException.class,
				error -> assertThat(error.status()).isEqualTo(HttpStatus.NOT_IMPLEMENTED));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Datastreams($top=1", "Datastreams)", "Datastreams($top=1))", ",Datastreams",
			"Datastreams,", "Datastreams(top)", "Datastreams($top=1;$top=2)", "Datastreams($filter='a)", "()",
			"Datastreams($top=1;)", "Datastreams($top=x)", "Datastreams//Sensor", "Datastreams/", "/Sensor", "/" })
	void malformedExpandsAreA400(String value) {
		QueryException error = error("$expand", value);
		assertThat(error).isNotNull();
		assertThat(error.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(error.option()).startsWith("$expand");
	}

}
