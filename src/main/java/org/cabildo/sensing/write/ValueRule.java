package org.cabildo.sensing.write;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.cabildo.sensing.store.RawJson;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one value of a result may be: its kind (from the observationType, or from a
 * MultiDatastream's data type of that place), the categories of a category observation, the
 * valid range of a number and the sentinels a station sends for "no reading".
 *
 * @param categories null when any string is a category
 * @param min null when unbounded; inclusive
 * @param max null when unbounded; inclusive
 * @param sentinels as JSON values; a number matches any number equal to it
 */
record ValueRule(Kind kind, Set<JsonNode> categories, Double min, Double max, List<JsonNode> sentinels) {

	/** The observation types of OGC 18-088 table 12 whose results have a shape. */
	enum Kind {

		MEASUREMENT("OM_Measurement", "a finite number"), COUNT("OM_CountObservation", "an integer"),
		CATEGORY("OM_CategoryObservation", "a category"), TRUTH("OM_TruthObservation", "true or false"),
		ANY("OM_Observation", "any value");

		private static final String PREFIX = "http://www.opengis.net/def/observationType/OGC-OM/2.0/";

		final String term;

		final String expectation;

		Kind(String term, String expectation) {
			this.term = term;
			this.expectation = expectation;
		}

		/** An observationType outside the table (or OM_ComplexObservation) asks nothing of the value. */
		static Kind of(String observationType) {
			if (observationType != null && observationType.startsWith(PREFIX)) {
				String term = observationType.substring(PREFIX.length());
				for (Kind kind : values()) {
					if (kind.term.equals(term)) {
						return kind;
					}
				}
			}
			return ANY;
		}

	}

	static final ValueRule ANYTHING = new ValueRule(Kind.ANY, null, null, null, List.of());

	/**
	 * Why a value may not be stored; empty if it may.
	 *
	 * @param value as stored: a {@code Double}, a {@link RawJson}, or null
	 */
	Optional<String> refusal(Object value) {
		if (value instanceof Double number) {
			// The common case, a number, without parsing anything.
			return number(number, number);
		}
		return refusal(value == null ? null : tree((RawJson) value));
	}

	/** The same for a value read as JSON (one member of a MultiDatastream's result). */
	Optional<String> refusal(JsonNode value) {
		if (value == null || value.isNull()) {
			if (kind == Kind.ANY) {
				return Optional.empty();
			}
			return Optional.of("the result is null but must be " + kind.expectation + " (" + kind.term + ")");
		}
		if (value.isNumber()) {
			return number(value.doubleValue(), value);
		}
		if (isSentinel(value)) {
			return Optional.of("the result " + value + " is a sentinel of the stream (cabildo:sentinels): no reading");
		}
		return switch (kind) {
			case ANY -> Optional.empty();
			case TRUTH -> value.isBoolean() ? Optional.empty() : wrongKind(value);
			case CATEGORY -> !value.isString() ? wrongKind(value)
					: categories == null || categories.contains(value) ? Optional.empty()
							: Optional.of("the result " + value + " is not one of the stream's categories "
									+ categories.stream().map(JsonNode::toString).sorted().toList()
									+ " (cabildo:categories)");
			default -> wrongKind(value);
		};
	}

	private Optional<String> number(double number, Object shown) {
		if (isNumericSentinel(number)) {
			return Optional.of("the result " + shown + " is a sentinel of the stream (cabildo:sentinels): no reading");
		}
		switch (kind) {
			case TRUTH, CATEGORY -> {
				return wrongKind(shown);
			}
			case COUNT -> {
				if (number != Math.rint(number) || Double.isInfinite(number)) {
					return wrongKind(shown);
				}
			}
			default -> {
			}
		}
		if ((min != null && number < min) || (max != null && number > max)) {
			return Optional.of("the result " + shown + " is outside the stream's valid range " + range()
					+ " (cabildo:validRange)");
		}
		return Optional.empty();
	}

	private Optional<String> wrongKind(Object value) {
		return Optional.of("the result " + value + " is not " + kind.expectation + " (" + kind.term + ")");
	}

	private boolean isNumericSentinel(double number) {
		for (JsonNode sentinel : sentinels) {
			if (sentinel.isNumber() && sentinel.doubleValue() == number) {
				return true;
			}
		}
		return false;
	}

	private boolean isSentinel(JsonNode value) {
		return sentinels.contains(value);
	}

	private String range() {
		return "[" + (min == null ? "-∞" : min) + ", " + (max == null ? "∞" : max) + "]";
	}

	static JsonNode tree(RawJson json) {
		try {
			return JsonMapper.shared().readTree(json.text());
		}
		catch (JacksonException e) {
			return null;
		}
	}

}
