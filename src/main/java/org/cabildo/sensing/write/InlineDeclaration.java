package org.cabildo.sensing.write;

import java.util.LinkedHashMap;
import java.util.Map;

import org.cabildo.sensing.store.RawJson;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The declaration a request that creates a Datastream may carry, so that a SensorThings client
 * declares a stream in the same call that creates it: the reserved key {@value #KEY} of the
 * Datastream's {@code properties}. It is taken out of the properties before they are stored
 * (the register keeps it, versioned, and a copy in the properties would go stale).
 *
 * @param values the Datastream's values without the key
 * @param declaration the declaration as JSON text, or null when the request carried none
 */
record InlineDeclaration(Map<String, Object> values, String declaration) {

	static final String KEY = "cabildo:declaration";

	private static final JsonMapper JSON = JsonMapper.shared();

	/** Splits a new Datastream's values into what is stored and the declaration, if any. */
	static InlineDeclaration in(Map<String, Object> values) {
		ObjectNode properties = properties(values);
		if (properties == null || !properties.has(KEY)) {
			return new InlineDeclaration(values, null);
		}
		JsonNode declaration = properties.remove(KEY);
		Map<String, Object> rest = new LinkedHashMap<>(values);
		rest.put("properties", new RawJson(JSON.writeValueAsString(properties)));
		return new InlineDeclaration(rest, declaration.toString());
	}

	/** Refuses the key in a change: a declaration changes in the register, as a new version. */
	static void refuseInChange(Map<String, Object> values, String pointer) {
		ObjectNode properties = properties(values);
		if (properties != null && properties.has(KEY)) {
			throw new InvalidEntityException("a declaration travels only with the request that creates a Datastream;"
					+ " change it in the register (PUT /api/register/{id}), where it gets a new version",
					pointer + "/properties/" + KEY);
		}
	}

	private static ObjectNode properties(Map<String, Object> values) {
		if (values.get("properties") instanceof RawJson raw && raw.text().contains(KEY)
				&& JSON.readTree(raw.text()) instanceof ObjectNode object) {
			return object;
		}
		return null;
	}

}
