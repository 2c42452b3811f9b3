package org.cabildo.sensing.store;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.cabildo.sensing.model.EntityType;

/**
 * One entity as read from the database: its property values (by property name), the ids of
 * the entities its to-one navigation properties point to, and whatever was expanded.
 * Values are {@code String}, {@link RawJson}, {@link java.time.Instant},
 * {@link org.cabildo.sensing.time.TimeValue} or {@code Double}.
 */
public final class EntityRow {

	private final EntityType type;

	private final long id;

	private final Map<String, Object> values = new HashMap<>();

	private final Map<String, Long> foreignKeys = new HashMap<>();

	private final Map<String, Object> expanded = new LinkedHashMap<>();

	public EntityRow(EntityType type, long id) {
		this.type = type;
		this.id = id;
	}

	public EntityType type() {
		return type;
	}

	public long id() {
		return id;
	}

	public Object value(String property) {
		return values.get(property);
	}

	public boolean has(String property) {
		return values.containsKey(property);
	}

	void put(String property, Object value) {
		values.put(property, value);
	}

	public Long foreignKey(String navigation) {
		return foreignKeys.get(navigation);
	}

	void putForeignKey(String navigation, Long id) {
		foreignKeys.put(navigation, id);
	}

	/**
	 * The id of an Observation's Datastream or MultiDatastream (they share one id space, and an
	 * Observation has one of the two), for what keys on it: purpose binding, the ledger.
	 */
	public Long streamId() {
		Long datastream = foreignKeys.get("Datastream");
		return datastream != null ? datastream : foreignKeys.get("MultiDatastream");
	}

	/** Expanded navigation properties: an {@link EntityRow} (to-one) or a {@link Page} (to-many). */
	public Map<String, Object> expanded() {
		return expanded;
	}

}
