package org.cabildo.sensing.write;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.cabildo.sensing.sql.Dialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Finds the FeatureOfInterest of an observation that names none: the one made from the
 * Location of the datastream's Thing, made on first need (OGC 18-088, 10.2.1.1). Of several
 * Locations, the one the Thing moved to last (by its history) counts, GeoJSON first.
 */
@Component
class FeatureResolver {

	private final JdbcClient jdbc;

	private final Dialect dialect;

	FeatureResolver(JdbcClient jdbc, Dialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	/**
	 * Which feature each datastream's observations get, remembered for ingest; forgotten
	 * whenever any Thing, Location or feature may have changed (see {@link #forget()}).
	 */
	private final Map<Long, Long> known = new ConcurrentHashMap<>();

	long forDatastream(long datastream, String pointer) {
		Long feature = known.get(datastream);
		if (feature != null) {
			return feature;
		}
		feature = resolve(datastream, pointer);
		known.put(datastream, feature);
		return feature;
	}

	/**
	 * Forgets what is remembered, now and again when the current transaction ends, so that no
	 * writer remembers what it read before the change became visible.
	 */
	void forget() {
		known.clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					known.clear();
				}
			});
		}
	}

	private long resolve(long datastream, String pointer) {
		List<Map<String, Object>> locations = jdbc.sql("""
				SELECT l.id, l.name, l.description, l.encoding_type, l.location
				FROM locations l
				JOIN thing_locations tl ON tl.location_id = l.id
				JOIN streams d ON d.thing_id = tl.thing_id
				WHERE d.id = ?
				ORDER BY (SELECT MAX(h.time) FROM historical_locations h
				          JOIN historical_location_locations hl ON hl.historical_location_id = h.id
				          WHERE h.thing_id = d.thing_id AND hl.location_id = l.id) DESC NULLS LAST,
				    CASE WHEN l.encoding_type IN ('application/geo+json', 'application/vnd.geo+json') THEN 0 ELSE 1 END,
				    l.id DESC""")
			.param(datastream)
			.query()
			.listOfRows();
		if (locations.isEmpty()) {
			Optional<Boolean> multi = jdbc.sql("SELECT multi FROM streams WHERE id = ?")
				.param(datastream)
				.query(Boolean.class)
				.optional();
			throw new InvalidEntityException(multi.isPresent()
					? "the Observation names no FeatureOfInterest and the Thing of " + (multi.get() ? "MultiDatastream "
							: "Datastream ") + datastream + " has no Location to derive one from"
					: "Datastream " + datastream + " does not exist", pointer);
		}
		Map<String, Object> location = locations.get(0);
		long locationId = ((Number) location.get("id")).longValue();
		List<Long> existing = jdbc.sql("SELECT id FROM features_of_interest WHERE source_location_id = ? ORDER BY id")
			.param(locationId)
			.query(Long.class)
			.list();
		if (!existing.isEmpty()) {
			return existing.get(0);
		}
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO features_of_interest (name, description, encoding_type, feature, source_location_id) "
				+ "VALUES (?, ?, ?, " + dialect.jsonParameter() + ", ?)")
			.params(location.get("name"), location.get("description"), location.get("encoding_type"),
					String.valueOf(location.get("location")), locationId)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

}
