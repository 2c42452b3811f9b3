package org.cabildo.sensing.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cabildo.sensing.query.Exprs.call;
import static org.cabildo.sensing.query.Exprs.eq;
import static org.cabildo.sensing.query.Exprs.parse;
import static org.cabildo.sensing.query.Exprs.parseError;
import static org.cabildo.sensing.query.Exprs.path;
import static org.cabildo.sensing.query.Exprs.string;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FilterParserFunctionTest {

	private static String callText(Function function, int arguments) {
		return function.functionName() + "(" + String.join(", ", Collections.nCopies(arguments, "x")) + ")";
	}

	private static Expr.FunctionCall expected(Function function, int arguments) {
		List<Expr> args = new ArrayList<>(Collections.nCopies(arguments, path("x")));
		return new Expr.FunctionCall(function, args);
	}

	@ParameterizedTest
	@EnumSource(Function.class)
	void everyFunctionParsesWithEachArgumentCountItAccepts(Function function) {
		for (int n = function.minArguments(); n <= function.maxArguments(); n++) {
			assertThat(parse(callText(function, n))).isEqualTo(expected(function, n));
		}
	}

	@ParameterizedTest
	@EnumSource(Function.class)
	void everyFunctionRefusesOneArgumentTooMany(Function function) {
		String text = "y eq " + callText(function, function.maxArguments() + 1);
		QueryException error = parseError(text);
		assertThat(error.getMessage()).contains(function.functionName())
			.contains("got " + (function.maxArguments() + 1));
		assertThat(error.position()).isEqualTo(5);
	}

	@ParameterizedTest
	@EnumSource(Function.class)
	void everyFunctionRefusesOneArgumentTooFew(Function function) {
		assumeTrue(function.minArguments() > 0, "takes no arguments");
		QueryException error = parseError("y eq " + callText(function, function.minArguments() - 1));
		assertThat(error.getMessage()).contains(function.functionName())
			.contains("got " + (function.minArguments() - 1));
		assertThat(error.position()).isEqualTo(5);
	}

	@Test
	void theArityIsThatOfTheStandard() {
		assertThat(Function.SUBSTRING.minArguments()).isEqualTo(2);
		assertThat(Function.SUBSTRING.maxArguments()).isEqualTo(3);
		assertThat(Function.ST_RELATE.minArguments()).isEqualTo(3);
		assertThat(Function.NOW.maxArguments()).isZero();
		assertThat(Function.SUBSTRINGOF.minArguments()).isEqualTo(2);
		assertThat(Function.LENGTH.maxArguments()).isEqualTo(1);
	}

	@Test
	void functionNamesAreCaseInsensitive() {
		assertThat(parse("STARTSWITH(name, 'a')")).isEqualTo(parse("startswith(name, 'a')"));
		assertThat(parse("Geo.Distance(location, location) lt 1"))
			.isEqualTo(parse("geo.distance(location, location) lt 1"));
	}

	@Test
	void anUnknownFunctionIsNamedInTheError() {
		QueryException error = parseError("name eq frobnicate(name)");
		assertThat(error.getMessage()).contains("unknown function 'frobnicate'");
		assertThat(error.position()).isEqualTo(8);
	}

	@Test
	void argumentsAreWholeExpressions() {
		assertThat(parse("concat(concat(unitOfMeasurement/symbol,', '), unitOfMeasurement/name) eq 'degree, Celsius'"))
			.isEqualTo(eq(call(Function.CONCAT, call(Function.CONCAT, path("unitOfMeasurement", "symbol"), string(", ")),
					path("unitOfMeasurement", "name")), string("degree, Celsius")));
		assertThat(parse("round(a add b)")).isEqualTo(call(Function.ROUND, Exprs.add(path("a"), path("b"))));
	}

	@Test
	void geospatialFunctionsTakeGeometryLiterals() {
		assertThat(parse("geo.intersects(location, geography'POLYGON ((30 10, 10 20, 20 40, 40 40, 30 10))')"))
			.isEqualTo(call(Function.GEO_INTERSECTS, path("location"),
					new Expr.GeometryLiteral("POLYGON ((30 10, 10 20, 20 40, 40 40, 30 10))")));
		assertThat(parse("st_relate(location, geography'POINT (1 2)', 'T********')")).isEqualTo(call(
				Function.ST_RELATE, path("location"), new Expr.GeometryLiteral("POINT (1 2)"), string("T********")));
	}

	@Test
	void aMissingArgumentBetweenCommasIsRefused() {
		assertThat(parseError("substring(name,,1)").position()).isEqualTo(15);
		assertThat(parseError("length(name,)").position()).isEqualTo(12);
	}

	@Test
	void anUnclosedArgumentListIsRefusedAtTheEnd() {
		QueryException error = parseError("length(name");
		assertThat(error.position()).isEqualTo(11);
		assertThat(error.getMessage()).contains("end of expression");
	}

	@Test
	void aFunctionNameWithoutParenthesesIsAPropertyName() {
		assertThat(parse("time eq 1")).isEqualTo(eq(path("time"), Exprs.number("1")));
	}

}
