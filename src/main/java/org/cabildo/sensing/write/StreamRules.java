package org.cabildo.sensing.write;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.cabildo.sensing.store.RawJson;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a Datastream (or MultiDatastream) accepts as results, and what a re-sent reading with
 * another result does, read from its observationType (or multiObservationDataTypes) and from
 * reserved members of its {@code properties}:
 * <ul>
 * <li>{@code cabildo:validRange}: {@code {"min": 0, "max": 1000}} (either may be left out), or
 * for a MultiDatastream a list of such ranges (or nulls), one per ObservedProperty;</li>
 * <li>{@code cabildo:sentinels}: values that mean "no reading", e.g. {@code [-99, "NA"]};</li>
 * <li>{@code cabildo:categories}: the values of an OM_CategoryObservation stream;</li>
 * <li>{@code cabildo:corrections}: {@code "correct"} (the default) or {@code "keep-both"}.</li>
 * </ul>
 *
 * @param values one rule for a Datastream's result, one per ObservedProperty of a MultiDatastream's
 */
record StreamRules(String stream, boolean multi, List<ValueRule> values, Corrections corrections) {

	static final String VALID_RANGE = "cabildo:validRange";

	static final String SENTINELS = "cabildo:sentinels";

	static final String CATEGORIES = "cabildo:categories";

	static final String CORRECTIONS = "cabildo:corrections";

	/** What a reading re-sent for the same phenomenonTime with another result does. */
	enum Corrections {

		/** Replaces the stored result, keeping the earlier one as a revision. */
		CORRECT("correct"),
		/** Is stored as a second Observation of that time. */
		KEEP_BOTH("keep-both");

		final String term;

		Corrections(String term) {
			this.term = term;
		}

	}

	/**
	 * Reads the rules, refusing reserved properties that do not make sense.
	 *
	 * @param properties the stream's properties as stored (JSON text), or null
	 * @param dataTypes a MultiDatastream's multiObservationDataTypes (JSON text); null for a Datastream
	 * @throws InvalidEntityException naming the property, under {@code pointer}
	 */
	static StreamRules read(String stream, String observationType, String properties, String dataTypes,
			String pointer) {
		JsonNode members = properties == null ? null : parse(properties);
		String at = (pointer.equals("/") ? "" : pointer) + "/properties/";
		JsonNode range = member(members, VALID_RANGE);
		JsonNode sentinelList = member(members, SENTINELS);
		JsonNode categoryList = member(members, CATEGORIES);
		JsonNode correction = member(members, CORRECTIONS);
		List<JsonNode> sentinels = new ArrayList<>();
		if (sentinelList != null) {
			if (!sentinelList.isArray()) {
				throw new InvalidEntityException(SENTINELS + " must be a list of values that mean \"no reading\", e.g."
						+ " [-99, \"NA\"]", at + SENTINELS);
			}
			sentinelList.forEach(sentinels::add);
		}
		Set<JsonNode> categories = null;
		if (categoryList != null) {
			if (!categoryList.isArray() || categoryList.isEmpty() || !allStrings(categoryList)) {
				throw new InvalidEntityException(CATEGORIES + " must be a non-empty list of strings, the values of the"
						+ " stream's category observations", at + CATEGORIES);
			}
			categories = new LinkedHashSet<>();
			categoryList.forEach(categories::add);
		}
		Corrections corrections = Corrections.CORRECT;
		if (correction != null) {
			corrections = null;
			for (Corrections c : Corrections.values()) {
				if (correction.isString() && c.term.equals(correction.asString())) {
					corrections = c;
				}
			}
			if (corrections == null) {
				throw new InvalidEntityException(CORRECTIONS + " is \"correct\" (a re-sent reading with another result"
						+ " replaces the stored one, which is kept as a revision) or \"keep-both\", not " + correction,
						at + CORRECTIONS);
			}
		}
		List<ValueRule> values = new ArrayList<>();
		if (dataTypes == null) {
			Range bounds = Range.of(range, at + VALID_RANGE);
			values.add(new ValueRule(ValueRule.Kind.of(observationType), categories, bounds.min(), bounds.max(),
					List.copyOf(sentinels)));
		}
		else {
			JsonNode types = parse(dataTypes);
			boolean perComponent = range != null && range.isArray();
			if (perComponent && range.size() != types.size()) {
				throw new InvalidEntityException(VALID_RANGE + " of a MultiDatastream is one range (for every value) or"
						+ " a list of " + types.size() + " ranges or nulls, one per ObservedProperty in their order",
						at + VALID_RANGE);
			}
			for (int i = 0; i < types.size(); i++) {
				Range bounds = perComponent ? Range.of(range.get(i), at + VALID_RANGE + "/" + i)
						: Range.of(range, at + VALID_RANGE);
				JsonNode type = types.get(i);
				values.add(new ValueRule(ValueRule.Kind.of(type.isString() ? type.asString() : null), categories,
						bounds.min(), bounds.max(), List.copyOf(sentinels)));
			}
		}
		return new StreamRules(stream, dataTypes != null, List.copyOf(values), corrections);
	}

	/** Why a result may not be stored in the stream; empty if it may. */
	Optional<String> refusal(Object result) {
		if (!multi) {
			return values.get(0).refusal(result).map(reason -> reason + " of " + stream);
		}
		JsonNode array = result instanceof RawJson json ? ValueRule.tree(json) : null;
		if (array == null || !array.isArray() || array.size() != values.size()) {
			// MultiResults names what is wrong with the shape.
			return Optional.empty();
		}
		for (int i = 0; i < values.size(); i++) {
			Optional<String> refusal = values.get(i).refusal(array.get(i));
			if (refusal.isPresent()) {
				return Optional.of(refusal.get().replaceFirst("^the result", "value " + i + " of the result") + " of "
						+ stream);
			}
		}
		return Optional.empty();
	}

	/** Whether the rules ask anything of a result at all. */
	boolean checksNothing() {
		return values.stream().allMatch(ValueRule.ANYTHING::equals);
	}

	private record Range(Double min, Double max) {

		static Range of(JsonNode range, String pointer) {
			if (range == null || range.isNull()) {
				return new Range(null, null);
			}
			JsonNode min = range.isObject() ? range.get("min") : null;
			JsonNode max = range.isObject() ? range.get("max") : null;
			boolean onlyBounds = range.isObject() && range.propertyNames().stream().allMatch(n -> n.equals("min") || n.equals("max"));
			if (!onlyBounds || (min != null && !min.isNumber() && !min.isNull())
					|| (max != null && !max.isNumber() && !max.isNull())) {
				throw new InvalidEntityException(VALID_RANGE + " must be {\"min\": number, \"max\": number}, either"
						+ " left out when unbounded", pointer);
			}
			Double low = min == null || min.isNull() ? null : min.doubleValue();
			Double high = max == null || max.isNull() ? null : max.doubleValue();
			if (low != null && high != null && low > high) {
				throw new InvalidEntityException(VALID_RANGE + " has min " + low + " above max " + high, pointer);
			}
			return new Range(low, high);
		}

	}

	private static JsonNode member(JsonNode members, String name) {
		return members != null && members.isObject() ? members.get(name) : null;
	}

	private static boolean allStrings(JsonNode list) {
		for (JsonNode item : list) {
			if (!item.isString()) {
				return false;
			}
		}
		return true;
	}

	private static JsonNode parse(String json) {
		try {
			return JsonMapper.shared().readTree(json);
		}
		catch (JacksonException e) {
			return null;
		}
	}

}
