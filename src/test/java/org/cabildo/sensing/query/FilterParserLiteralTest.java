package org.cabildo.sensing.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cabildo.sensing.query.Exprs.negate;
import static org.cabildo.sensing.query.Exprs.number;
import static org.cabildo.sensing.query.Exprs.parse;
import static org.cabildo.sensing.query.Exprs.parseError;
import static org.cabildo.sensing.query.Exprs.path;
import static org.cabildo.sensing.query.Exprs.sub;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of literal, read as the right side of {@code x eq ...}. */
class FilterParserLiteralTest {

	private static Expr literal(String text) {
		return ((Expr.Comparison) parse("x eq " + text)).right();
	}

	@Test
	void aDoubledQuoteInAStringIsOneQuote() {
		assertThat(literal("'Hylke''s Thing'")).isEqualTo(new Expr.StringLiteral("Hylke's Thing"));
		assertThat(literal("''''")).isEqualTo(new Expr.StringLiteral("'"));
		assertThat(literal("''")).isEqualTo(new Expr.StringLiteral(""));
	}

	@Test
	void stringsKeepSpacesAndAnyUnicodeText() {
		assertThat(literal("'  two  spaces '")).isEqualTo(new Expr.StringLiteral("  two  spaces "));
		assertThat(literal("'Zürich 日本語 😀 \u0000'")).isEqualTo(new Expr.StringLiteral("Zürich 日本語 😀 \u0000"));
	}

	@Test
	void keywordsInsideAStringAreText() {
		assertThat(literal("'a eq b and not c'")).isEqualTo(new Expr.StringLiteral("a eq b and not c"));
	}

	@ParameterizedTest
	@CsvSource({ "5, 5", "0, 0", "10.00, 10.00", "1.5e3, 1500", "1.5E-3, 0.0015", "2E+2, 200", "-5, -5", "-1.5e-3, -0.0015",
			"99999999999999999999999, 99999999999999999999999" })
	void numbersKeepTheirExactValue(String text, String value) {
		Expr literal = literal(text);
		assertThat(literal).isInstanceOf(Expr.NumberLiteral.class);
		assertThat(((Expr.NumberLiteral) literal).value()).isEqualByComparingTo(new BigDecimal(value));
	}

	@Test
	void aMinusSignGluedToANumberMakesANegativeNumber() {
		assertThat(literal("-5")).isEqualTo(number("-5"));
		assertThat(parse("x sub -5")).isEqualTo(sub(path("x"), number("-5")));
	}

	@Test
	void aMinusSignBeforeAnythingElseIsNegation() {
		assertThat(literal("- 5")).isEqualTo(negate(number("5")));
		assertThat(literal("-x")).isEqualTo(negate(path("x")));
		assertThat(literal("-(5)")).isEqualTo(negate(number("5")));
	}

	@ParameterizedTest
	@CsvSource({ "true, true", "false, false", "TRUE, true", "False, false" })
	void booleans(String text, boolean value) {
		assertThat(literal(text)).isEqualTo(new Expr.BooleanLiteral(value));
	}

	@Test
	void nullIsALiteral() {
		assertThat(literal("null")).isEqualTo(new Expr.NullLiteral());
	}

	@Test
	void dateTimeInUtc() {
		assertThat(literal("2010-06-01T00:00:00Z"))
			.isEqualTo(new Expr.DateTimeLiteral(OffsetDateTime.of(2010, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
	}

	@ParameterizedTest
	@CsvSource({ "'2010-06-01T12:00:00+01:00', 1", "'2010-06-01T12:00:00-05:30', -5.5",
			"'2010-06-01T12:00:00+14:00', 14" })
	void dateTimeWithAnOffsetKeepsTheOffset(String text, double hours) {
		assertThat(literal(text)).isEqualTo(new Expr.DateTimeLiteral(OffsetDateTime.of(2010, 6, 1, 12, 0, 0, 0,
				ZoneOffset.ofTotalSeconds((int) (hours * 3600)))));
	}

	@Test
	void aPlusOfAnOffsetThatArrivedAsASpaceFromAFormEncodedUrlIsStillAPlus() {
		assertThat(literal("2010-06-01T12:00:00 01:00")).isEqualTo(literal("2010-06-01T12:00:00+01:00"));
		assertThat(parse("resultTime ge 2010-06-01T12:00:00 01:00 and x eq 1"))
			.isEqualTo(parse("resultTime ge 2010-06-01T12:00:00+01:00 and x eq 1"));
	}

	@Test
	void dateTimeWithFractionOrWithoutSeconds() {
		assertThat(literal("2010-06-01T12:30:45.123456789Z")).isEqualTo(
				new Expr.DateTimeLiteral(OffsetDateTime.of(2010, 6, 1, 12, 30, 45, 123_456_789, ZoneOffset.UTC)));
		assertThat(literal("2010-06-01T12:30Z"))
			.isEqualTo(new Expr.DateTimeLiteral(OffsetDateTime.of(2010, 6, 1, 12, 30, 0, 0, ZoneOffset.UTC)));
	}

	@Test
	void date() {
		assertThat(literal("2015-01-01")).isEqualTo(new Expr.DateLiteral(LocalDate.of(2015, 1, 1)));
	}

	@ParameterizedTest
	@CsvSource({ "12:00:00, 12:00", "12:30, 12:30", "23:59:59.5, 23:59:59.5", "00:00:00.000000001, 00:00:00.000000001" })
	void timeOfDay(String text, String value) {
		assertThat(literal(text)).isEqualTo(new Expr.TimeLiteral(LocalTime.parse(value)));
	}

	@Test
	void intervalOfTwoDateTimes() {
		assertThat(literal("2016-01-02T01:01:01Z/2016-01-03T23:59:59+01:00")).isEqualTo(new Expr.IntervalLiteral(
				OffsetDateTime.parse("2016-01-02T01:01:01Z"), OffsetDateTime.parse("2016-01-03T23:59:59+01:00")));
	}

	@Test
	void anIntervalMayBeEmptyButNotReversed() {
		assertThat(literal("2016-01-02T00:00:00Z/2016-01-02T00:00:00Z")).isInstanceOf(Expr.IntervalLiteral.class);
		QueryException error = parseError("x eq 2016-01-03T00:00:00Z/2016-01-02T00:00:00Z");
		assertThat(error.getMessage()).contains("ends before it starts");
		assertThat(error.position()).isEqualTo(5);
	}

	@ParameterizedTest
	@CsvSource({ "P1D, PT24H", "PT60S, PT1M", "P1DT2H3M4.5S, PT26H3M4.5S", "-PT1H, PT-1H" })
	void durations(String text, String value) {
		assertThat(literal("duration'" + text + "'")).isEqualTo(new Expr.DurationLiteral(Duration.parse(value)));
	}

	@Test
	void anInvalidDurationIsReportedAtItsText() {
		QueryException error = parseError("x eq duration'one day'");
		assertThat(error.getMessage()).contains("duration").contains("one day");
		assertThat(error.position()).isBetween(5, 13);
	}

	@ParameterizedTest
	@ValueSource(strings = { "geography'POINT(1 2)'", "geometry'POINT(1 2)'", "GEOGRAPHY'POINT(1 2)'",
			"geography' POINT(1 2) '" })
	void geometriesKeepTheirWellKnownText(String text) {
		assertThat(literal(text)).isEqualTo(new Expr.GeometryLiteral("POINT(1 2)"));
	}

	@Test
	void aGeometryKeepsItsSridPrefix() {
		assertThat(literal("geography'SRID=4326;POINT (30 10)'"))
			.isEqualTo(new Expr.GeometryLiteral("SRID=4326;POINT (30 10)"));
	}

	@Test
	void aQuotedLiteralWithAnUnknownTypeIsRefused() {
		QueryException error = parseError("x eq binary'AAAA'");
		assertThat(error.getMessage()).contains("binary");
		assertThat(error.position()).isEqualTo(5);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2020-02-30T00:00:00Z", "2020-13-01T00:00:00Z", "2020-01-01T24:00:00Z",
			"2020-01-01T00:00:00+18:01", "2020-02-30", "25:00", "12:60:00" })
	void impossibleDatesAndTimesAreRefusedWhereTheyStart(String text) {
		QueryException error = parseError("x eq " + text);
		assertThat(error.position()).isEqualTo(5);
		assertThat(error.getMessage()).contains(text);
	}

}
