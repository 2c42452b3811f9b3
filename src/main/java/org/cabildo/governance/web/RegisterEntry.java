package org.cabildo.governance.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.DeclarationOrigin;
import org.cabildo.sensing.DatastreamPlaces;

import tools.jackson.databind.json.JsonMapper;

/** A register entry in JSON: the declaration's fields, where the stream is, and whether it is a MultiDatastream. */
final class RegisterEntry {

	private static final JsonMapper JSON = JsonMapper.shared();

	private RegisterEntry() {
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> of(Declaration declaration, DatastreamPlaces.Place place, DeclarationOrigin origin) {
		Map<String, Object> entry = new LinkedHashMap<>(JSON.convertValue(declaration, Map.class));
		if (origin != null) {
			Map<String, Object> from = new LinkedHashMap<>();
			from.put("kind", origin.kind());
			if (origin instanceof DeclarationOrigin.FromTemplate template) {
				from.put("template", template.template());
				from.put("templateVersion", template.templateVersion());
				from.put("templateLink", "/api/register/templates/" + template.template());
			}
			entry.put("origin", from);
		}
		entry.put("datastream", place == null ? null : place.name());
		// A MultiDatastream is declared by its id as a Datastream is; this says which it is.
		entry.put("entitySet", place == null ? null : place.entitySet());
		entry.put("thing", place == null ? null : place.thing());
		entry.put("location", place == null || place.location() == null ? null : JSON.readTree(place.location()));
		return entry;
	}

}
