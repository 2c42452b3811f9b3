package org.cabildo.platform;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON functions of the embedded H2 database ({@code CREATE ALIAS} in its migrations),
 * matching the SQL functions of the same names on PostgreSQL. A path is '/'-separated, empty
 * for the whole document; a value of another type reads as null.
 */
public final class H2Functions {

	private H2Functions() {
	}

	/** A JSON value as text: a string as itself, a number in its canonical form ({@link #numberText}), else as JSON. */
	public static String jsonText(String document, String path) {
		JsonNode node = at(document, path);
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isNumber()) {
			return numberText(node.asDouble());
		}
		return node.isString() ? node.asString() : node.toString();
	}

	/**
	 * The canonical JSON form of a number (RFC 8785, as ECMAScript writes it): the fewest digits
	 * that read back as the double, without a fraction or exponent where none is needed ({@code 4},
	 * {@code 4.5}, {@code 1e+21}, {@code 1e-7}).
	 */
	public static String numberText(Double number) {
		if (number == null) {
			return null;
		}
		double x = number;
		if (x == 0) {
			return "0";
		}
		String sign = x < 0 ? "-" : "";
		if (Double.isNaN(x) || Double.isInfinite(x)) {
			return sign + (Double.isNaN(x) ? "NaN" : "Infinity");
		}
		// Double.toString writes the shortest digits that read back as the double.
		BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(x))).stripTrailingZeros();
		if (shortest.precision() == 2) {
			// Double.toString writes two digits at least: 4.9E-324 where 5e-324 reads back as well.
			BigDecimal one = shortest.round(new MathContext(1, RoundingMode.HALF_EVEN));
			if (one.doubleValue() == Math.abs(x)) {
				shortest = one.stripTrailingZeros();
			}
		}
		String digits = shortest.unscaledValue().toString();
		int k = digits.length();
		// The value is 0.digits × 10^n.
		int n = k - shortest.scale();
		if (k <= n && n <= 21) {
			return sign + digits + "0".repeat(n - k);
		}
		if (0 < n && n <= 21) {
			return sign + digits.substring(0, n) + "." + digits.substring(n);
		}
		if (-6 < n && n <= 0) {
			return sign + "0." + "0".repeat(-n) + digits;
		}
		return sign + digits.charAt(0) + (k > 1 ? "." + digits.substring(1) : "") + "e" + (n > 0 ? "+" : "-")
				+ Math.abs(n - 1);
	}

	public static Double jsonNumber(String document, String path) {
		JsonNode node = at(document, path);
		return node != null && node.isNumber() ? node.asDouble() : null;
	}

	public static Boolean jsonBoolean(String document, String path) {
		JsonNode node = at(document, path);
		return node != null && node.isBoolean() ? node.asBoolean() : null;
	}

	public static OffsetDateTime jsonTime(String document, String path) {
		JsonNode node = at(document, path);
		if (node == null || !node.isString()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(node.asString()).withOffsetSameInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static JsonNode at(String document, String path) {
		if (document == null || path == null) {
			return null;
		}
		JsonNode node;
		try {
			node = JsonMapper.shared().readTree(document);
		}
		catch (JacksonException e) {
			return null;
		}
		if (path.isEmpty()) {
			return node;
		}
		for (String name : path.split("/")) {
			if (node.isArray() && name.chars().allMatch(Character::isDigit)) {
				node = node.get(Integer.parseInt(name));
			}
			else {
				node = node.get(name);
			}
			if (node == null) {
				return null;
			}
		}
		return node;
	}

}
