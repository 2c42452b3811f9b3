package org.cabildo.sensing.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cabildo.sensing.query.Exprs.eq;
import static org.cabildo.sensing.query.Exprs.parse;
import static org.cabildo.sensing.query.Exprs.parseError;
import static org.cabildo.sensing.query.Exprs.path;
import static org.cabildo.sensing.query.Exprs.string;

import java.math.BigDecimal;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

/** Input a client may send by mistake or on purpose: always a 400 that points into the text. */
class FilterParserHostileInputTest {

	private static final int DEEP = 10_000;

	private static void assertRefusedInsideText(String text) {
		assertThatThrownBy(() -> FilterParser.parse(text)).isInstanceOfSatisfying(QueryException.class, error -> {
			assertThat(error.status()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(error.option()).isEqualTo("$filter");
			assertThat(error.position()).isBetween(0, text.length());
			assertThat(error.details()).containsEntry("position", error.position());
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "name eq 'abc", "name eq 'it''s", "'", "name eq abc'", "(name eq 'a'", "name eq 'a')",
			"((name eq 'a')", "length(name eq 3", "name eq 'a' name", "name eq 'a' and", "name eq", "eq 'a'",
			"name 'a'", "name eq 'a' 'b'", "()", "name eq #", "name eq \"a\"", "name eq 1.", "name eq .5", "name ! 1",
			"name eq ;", "not", "-", "name eq 1e", "name eq 'a' or or name eq 'b'", "name/ eq 1", "x eq 3-5" })
	void malformedFiltersAreRefused(String text) {
		assertRefusedInsideText(text);
	}

	@Test
	void anUnclosedStringIsReportedWhereItOpens() {
		assertThat(parseError("name eq 'abc").position()).isEqualTo(8);
	}

	@Test
	void anUnclosedParenthesisIsReportedAtTheEnd() {
		assertThat(parseError("(name eq 'a'").position()).isEqualTo(12);
	}

	@Test
	void trailingTextIsReportedWhereItStarts() {
		QueryException error = parseError("name eq 'a' garbage");
		assertThat(error.position()).isEqualTo(12);
		assertThat(error.getMessage()).contains("'garbage'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t\n" })
	void anEmptyFilterIsRefused(String text) {
		assertRefusedInsideText(text);
	}

	@Test
	void unicodeOutsideStringsThatIsNotALetterIsRefused() {
		assertRefusedInsideText("😀 eq 1");
		assertRefusedInsideText("name eq 1 ∧ x eq 2");
		assertRefusedInsideText("name eq ‘typographic quotes’");
	}

	@Test
	void unicodeIdentifiersAndTextAreAccepted() {
		assertThat(parse("properties/straße eq 'Ærøskøbing 😀'"))
			.isEqualTo(eq(path("properties", "straße"), string("Ærøskøbing 😀")));
	}

	static Stream<Arguments> deepNesting() {
		return Stream.of(Arguments.of("parentheses", "(".repeat(DEEP) + "a eq 1" + ")".repeat(DEEP)),
				Arguments.of("unclosed parentheses", "(".repeat(DEEP)),
				Arguments.of("not", "not ".repeat(DEEP) + "a"), Arguments.of("not(", "not(".repeat(DEEP) + "a"),
				Arguments.of("spaced unary minus", "- ".repeat(DEEP) + "a eq 1"),
				Arguments.of("unary minus", "-".repeat(DEEP) + "a eq 1"),
				Arguments.of("a hundred thousand unary minus", "-".repeat(100_000) + "a"),
				Arguments.of("function calls", "length(".repeat(DEEP) + "a" + ")".repeat(DEEP)),
				Arguments.of("mixed", "not (-(round(".repeat(DEEP) + "a"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("deepNesting")
	void deepNestingIsRefusedInsteadOfExhaustingTheStack(String kind, String text) {
		assertRefusedInsideText(text);
		assertThat(parseError(text).getMessage()).contains("nested");
	}

	@Test
	void nestingUpToTheLimitIsAccepted() {
		int depth = FilterParser.MAX_DEPTH - 1;
		assertThat(parse("(".repeat(depth) + "a eq 1" + ")".repeat(depth))).isEqualTo(parse("a eq 1"));
	}

	@ParameterizedTest
	@ValueSource(strings = { " or a", " and a", " add 1", " mul 1" })
	void endlessOperatorChainsAreRefusedInsteadOfExhaustingTheStackLater(String link) {
		String text = "a" + link.repeat(100_000);
		assertRefusedInsideText(text);
		assertThat(parseError(text).getMessage()).contains("operators");
	}

	@Test
	void aLongOrListWithinTheLimitIsAccepted() {
		StringBuilder text = new StringBuilder("id eq 0");
		for (int i = 1; i <= FilterParser.MAX_OPERATORS; i++) {
			text.append(" or id eq ").append(i);
		}
		assertThat(parse(text.toString())).isInstanceOf(Expr.Logical.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1e400", "-1e400", "1e99999999999", "1e-99999999999", "1E+2147483648", "9e308" })
	void numbersBeyondTheRangeOfADoubleAreRefusedClearly(String number) {
		String text = "result eq " + number;
		assertRefusedInsideText(text);
		QueryException error = parseError(text);
		assertThat(error.getMessage()).contains("out of range");
		assertThat(error.position()).isEqualTo(10);
	}

	@Test
	void aNumberWithManyDigitsIsKeptExactly() {
		Expr parsed = ((Expr.Comparison) parse("result eq 99999999999999999999999")).right();
		assertThat(parsed).isEqualTo(new Expr.NumberLiteral(new BigDecimal("99999999999999999999999")));
	}

	@Test
	void aNumberOfThousandsOfDigitsIsRefused() {
		assertRefusedInsideText("result eq 1" + "0".repeat(5000));
	}

	@Test
	void sqlInAStringStaysInsideTheString() {
		assertThat(parse("name eq 'x'' OR 1=1 --'")).isEqualTo(eq(path("name"), string("x' OR 1=1 --")));
		assertThat(parse("name eq 'a''; DROP TABLE things; --'"))
			.isEqualTo(eq(path("name"), string("a'; DROP TABLE things; --")));
	}

	@Test
	void aQuoteThatClosesTheStringEarlyLeavesGarbageThatIsRefused() {
		assertRefusedInsideText("name eq 'x' OR 1=1 --'");
	}

}
