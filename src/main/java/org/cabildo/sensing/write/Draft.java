package org.cabildo.sensing.write;

import java.util.List;
import java.util.Map;

import org.cabildo.sensing.model.EntityType;

/**
 * An entity as a client sent it, checked against the model: either a link to an existing
 * entity ({@code linkId}) or values and related drafts to create.
 *
 * @param type the entity type
 * @param pointer where in the request body it stands (RFC 6901), for error messages
 * @param linkId the id of an existing entity this refers to, or null
 * @param values property values by property name, converted for storage
 * @param related related drafts by navigation property name
 * @param unzoned of a new Observation, its times written without UTC offset (by property name, as
 *        written), held in {@code values} as if UTC until its stream says how to read them
 */
public record Draft(EntityType type, String pointer, Long linkId, Map<String, Object> values,
		Map<String, List<Draft>> related, Map<String, String> unzoned) {

	public Draft(EntityType type, String pointer, Long linkId, Map<String, Object> values,
			Map<String, List<Draft>> related) {
		this(type, pointer, linkId, values, related, Map.of());
	}

	public static Draft link(EntityType type, String pointer, long id) {
		return new Draft(type, pointer, id, Map.of(), Map.of());
	}

	public boolean isLink() {
		return linkId != null;
	}

	public boolean has(String property) {
		return values.containsKey(property);
	}

	public Object value(String property) {
		return values.get(property);
	}

	public List<Draft> related(String navigation) {
		return related.getOrDefault(navigation, List.of());
	}

}
