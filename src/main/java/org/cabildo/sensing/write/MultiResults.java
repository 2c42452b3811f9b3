package org.cabildo.sensing.write;

import java.util.Optional;

import org.cabildo.sensing.store.RawJson;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rule of a MultiDatastream's Observations (OGC 18-088, 14.4): the result is a JSON array
 * with one value per ObservedProperty, in their order.
 */
public final class MultiResults {

	private MultiResults() {
	}

	/**
	 * Why a result may not be an Observation's of a MultiDatastream; empty if it may.
	 *
	 * @param result as stored: a {@code Double}, a {@link RawJson}, or null
	 * @param components how many ObservedProperties the MultiDatastream has
	 */
	public static Optional<String> refusal(long multiDatastream, int components, Object result) {
		int values = result instanceof RawJson json ? arrayLength(json) : -1;
		if (values == components) {
			return Optional.empty();
		}
		return Optional.of("the result of an Observation of MultiDatastream " + multiDatastream + " must be a JSON array of "
				+ components + (components == 1 ? " value" : " values") + ", one per ObservedProperty in their order"
				+ (values < 0 ? ", not " + (result == null ? "null" : "a single value") : ", not of " + values));
	}

	private static int arrayLength(RawJson json) {
		try {
			JsonNode node = JsonMapper.shared().readTree(json.text());
			return node != null && node.isArray() ? node.size() : -1;
		}
		catch (JacksonException e) {
			return -1;
		}
	}

}
