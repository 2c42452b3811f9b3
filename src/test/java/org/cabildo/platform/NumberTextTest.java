package org.cabildo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The text of a number as a filter compares it with a string (H2's {@code cabildo_number_text}):
 * the canonical JSON form of RFC 8785, which ECMAScript writes. {@code NumberTextDatabaseTest}
 * checks that PostgreSQL's function writes the same.
 */
class NumberTextTest {

	/** ECMAScript's forms: digits with no needless fraction, or one digit, a fraction and e±n. */
	private static final String CANONICAL = "-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?|-?[1-9](\\.[0-9]*[1-9])?e[+-][1-9][0-9]*";

	@ParameterizedTest
	@CsvSource({ "4, 4", "4.0, 4", "-2, -2", "4.5, 4.5", "0.5, 0.5", "100.0, 100", "1e21, 1e+21", "1e20, 100000000000000000000",
			"123456789012345680000, 123456789012345680000", "1.5e-7, 1.5e-7", "0.000001, 0.000001", "1e-7, 1e-7",
			"0.1, 0.1", "-0.0, 0", "9007199254740993, 9007199254740992", "1.7976931348623157e308, 1.7976931348623157e+308",
			"5e-324, 5e-324", "12345678.5, 12345678.5", "0.001, 0.001" })
	void writesTheCanonicalForm(double number, String text) {
		assertThat(H2Functions.numberText(number)).isEqualTo(text);
	}

	@Property(tries = 2000)
	void anyNumberReadsBackAsItselfInCanonicalForm(@ForAll("numbers") double number) {
		String text = H2Functions.numberText(number);
		assertThat(text).matches(CANONICAL);
		assertThat(Double.parseDouble(text)).isEqualTo(number == 0 ? 0.0 : number);
		if (number == Math.rint(number) && Math.abs(number) < 1e21) {
			assertThat(text).as("a whole number below 1e21 is written without fraction or exponent").matches("-?[0-9]+");
		}
	}

	@Provide
	Arbitrary<Double> numbers() {
		return Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.longs().map(Long::doubleValue),
				Arbitraries.integers().between(-1000, 1000).map(i -> i / 8.0),
				Arbitraries.longs().map(Double::longBitsToDouble).filter(d -> !d.isNaN() && !d.isInfinite()));
	}

}
