package org.cabildo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.cabildo.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database writes a number as text exactly as {@link H2Functions#numberText} does, on H2
 * and on PostgreSQL (a PL/pgSQL function there), and reads a number inside JSON the same way:
 * so that a filter comparing a result or a JSON member with a string matches the same rows on both.
 */
@IntegrationTest
class NumberTextDatabaseTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDatabaseWritesEveryNumberAsJavaDoes() {
		List<Double> numbers = new ArrayList<>(List.of(0.0, -0.0, 4.0, -2.0, 4.5, 0.5, 100.0, 1e21, 1e20, 1.5e-7,
				0.000001, 1e-7, 0.1, 9007199254740993.0, Double.MAX_VALUE, Double.MIN_VALUE, 12345678.5, 0.001, 1e15,
				1e16, 123.456e-10));
		Random random = new Random(20261206);
		for (int i = 0; i < 300; i++) {
			numbers.add(Double.longBitsToDouble(random.nextLong()));
			numbers.add(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
			numbers.add((double) random.nextInt(1_000_000) / (1 + random.nextInt(1000)));
		}
		numbers.removeIf(n -> n.isNaN() || n.isInfinite());
		for (double number : numbers) {
			String expected = H2Functions.numberText(number);
			assertThat(jdbc.sql("SELECT cabildo_number_text(CAST(? AS DOUBLE PRECISION))").param(number)
				.query(String.class).single()).as("%s", number).isEqualTo(expected);
			String document = "{\"x\": " + Double.toString(number).replace("Infinity", "0") + "}";
			assertThat(jdbc.sql("SELECT cabildo_json_text(" + json() + ", 'x')").param(document)
				.query(String.class).single()).as("%s in JSON", number).isEqualTo(expected);
		}
	}

	@Test
	void aNumberInJsonIsItsCanonicalTextHoweverItWasWritten() {
		for (String[] written : new String[][] { { "4.0", "4" }, { "1E+2", "100" }, { "1.50", "1.5" }, { "-0", "0" },
				{ "1e21", "1e+21" }, { "\"4.0\"", "4.0" }, { "true", "true" } }) {
			assertThat(jdbc.sql("SELECT cabildo_json_text(" + json() + ", 'x')").param("{\"x\": " + written[0] + "}")
				.query(String.class).single()).as(written[0]).isEqualTo(written[1]);
		}
	}

	/** A JSON document as a bind parameter: JSONB on PostgreSQL, text on H2. */
	private String json() {
		String product = jdbc.sql("SELECT 1").query((rs, n) -> rs.getStatement().getConnection().getMetaData()
			.getDatabaseProductName()).single();
		return product.toLowerCase().contains("postgres") ? "CAST(? AS JSONB)" : "?";
	}

}
