package org.cabildo.sensing.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

class FilterParserPropertiesTest {

	/** Pieces of the filter language and of things that break lexers, to be glued together at random. */
	private static final List<String> FRAGMENTS = List.of("(", ")", "'", "''", ",", "/", "-", " ", "not", "and", "or",
			"eq", "gt", "add", "mul", "div", "name", "Datastream/Thing/name", "properties/a", "@iot.id", "substring(",
			"startswith(", "now()", "mindatetime(", "geo.distance(", "st_relate(", "geography'", "geography'POINT(1 2)'",
			"duration'", "duration'P1D'", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00 01:00", "2020-01-01", "/2020",
			"12:00", "25:61", "1e99999999999", "1e400", "99999999999999999999999", "1.5e3", "-5", "0", ".", "'a''b'",
			"true", "null", "😀", "é", "\u0000", "\uD800", "T", "Z", "+01:00", "asc", "desc", "[", "]", "$", "%", ";",
			"--", "'x'' OR 1=1 --'");

	@Provide
	Arbitrary<String> filterLikeText() {
		return Arbitraries.of(FRAGMENTS).list().ofMaxSize(30).map(parts -> String.join("", parts));
	}

	@Provide
	Arbitrary<String> spacedFilterLikeText() {
		return Arbitraries.of(FRAGMENTS).list().ofMaxSize(30).map(parts -> String.join(" ", parts));
	}

	@Property(tries = 2000)
	void anyTextEitherParsesOrGivesAQueryExceptionInsideTheText(@ForAll String text) {
		assertOnlyQueryException(text);
	}

	@Property(tries = 3000)
	void textMadeOfLanguagePiecesEitherParsesOrGivesAQueryExceptionInsideTheText(
			@ForAll("filterLikeText") String glued, @ForAll("spacedFilterLikeText") String spaced) {
		assertOnlyQueryException(glued);
		assertOnlyQueryException(spaced);
	}

	@Property(tries = 2000)
	void anyTextGivesAnOrderByOrAQueryException(@ForAll("spacedFilterLikeText") String text) {
		try {
			FilterParser.parseOrderBy(text);
		}
		catch (QueryException e) {
			assertThat(e.position()).isBetween(0, text.length());
		}
	}

	private static void assertOnlyQueryException(String text) {
		try {
			FilterParser.parse(text);
		}
		catch (QueryException e) {
			assertThat(e.position()).isBetween(0, text.length());
			assertThat(e.option()).isEqualTo("$filter");
		}
	}

	@Property(tries = 2000)
	void aPrintedTreeParsesBackToTheSameTree(@ForAll("trees") Expr tree) {
		String text = ExprPrinter.print(tree);
		assertThat(Exprs.parse(text)).as(text).isEqualTo(tree);
	}

	@Provide
	Arbitrary<Expr> trees() {
		return ExprArbitraries.expressions(4);
	}

	@Property(tries = 1000)
	void anyStringLiteralReadsBackExactly(@ForAll String value) {
		Expr parsed = Exprs.parse("name eq " + ExprPrinter.quote(value));
		assertThat(parsed).isEqualTo(Exprs.eq(Exprs.path("name"), new Expr.StringLiteral(value)));
	}

	@Property(tries = 1000)
	void anyDecimalReadsBackExactlyInScientificOrPlainNotation(@ForAll("decimals") BigDecimal value) {
		assertThat(number(value.toString())).isEqualTo(value);
		assertThat(number(value.toPlainString())).isEqualByComparingTo(value);
		assertThat(number(value.toEngineeringString())).isEqualByComparingTo(value);
	}

	@Provide
	Arbitrary<BigDecimal> decimals() {
		return ExprArbitraries.numbers();
	}

	@Property(tries = 1000)
	void anyLongReadsBackExactly(@ForAll long value) {
		assertThat(number(Long.toString(value))).isEqualTo(BigDecimal.valueOf(value));
	}

	@Property(tries = 1000)
	void anyFiniteDoubleReadsBackAsTheSameDouble(
			@ForAll @DoubleRange(min = -Double.MAX_VALUE, max = Double.MAX_VALUE) double value) {
		assertThat(number(Double.toString(value)).doubleValue()).isEqualTo(value);
	}

	private static BigDecimal number(String text) {
		Expr.Comparison comparison = (Expr.Comparison) Exprs.parse("result eq " + text);
		return ((Expr.NumberLiteral) comparison.right()).value();
	}

}
