package org.cabildo.sensing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.write.PlaceChanges;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where each Datastream (or MultiDatastream) is and what it is called: its name, its Thing's name
 * and the Thing's (first) Location as GeoJSON, for the public register and its map. Every
 * stream's place is kept for all readers ({@link #all}): the register and the map are read by
 * anyone, and reading every stream's place is one query over every stream.
 */
@Service
public class DatastreamPlaces {

	/**
	 * @param location the GeoJSON of the Thing's Location; null when it has none
	 * @param entitySet where the stream is in the SensorThings API: {@code Datastreams}, or
	 * {@code MultiDatastreams} for a MultiDatastream (which shares the Datastreams' ids)
	 */
	public record Place(long datastream, String name, String thing, String location, String entitySet) {

		/**
		 * Where the stream is, as one point: its Location's own if a Point, else the first position
		 * of the Location's geometry (or of a Feature's); null when it has none.
		 *
		 * @return {@code [lon, lat]}, or null
		 */
		public double[] anchor() {
			if (location == null) {
				return null;
			}
			JsonNode node = JsonMapper.shared().readTree(location);
			if (node.has("geometry")) {
				node = node.get("geometry");
			}
			JsonNode coordinates = node.get("coordinates");
			while (coordinates != null && coordinates.isArray() && !coordinates.isEmpty()
					&& coordinates.get(0).isArray()) {
				coordinates = coordinates.get(0);
			}
			if (coordinates == null || coordinates.size() < 2) {
				return null;
			}
			return new double[] { coordinates.get(0).asDouble(), coordinates.get(1).asDouble() };
		}

	}

	private static final String PLACES = """
			SELECT d.id, d.name, t.name,
			       (SELECT l.location FROM thing_locations tl JOIN locations l ON l.id = tl.location_id
			        WHERE tl.thing_id = t.id ORDER BY l.id FETCH FIRST 1 ROWS ONLY), d.multi
			FROM streams d JOIN things t ON t.id = d.thing_id""";

	/**
	 * How old the places kept for every reader may be: a change written through this node is
	 * seen at once (after its commit), one written through another node within this time.
	 */
	static final Duration MAX_AGE = Duration.ofSeconds(30);

	private record Kept(long changes, Instant read, Map<Long, Place> places) {
	}

	private final JdbcClient jdbc;

	private final PlaceChanges changes;

	private final Clock clock;

	private volatile Kept kept;

	DatastreamPlaces(JdbcClient jdbc, PlaceChanges changes, Clock clock) {
		this.jdbc = jdbc;
		this.changes = changes;
		this.clock = clock;
	}

	/** The places of these Datastreams (a page of them), by Datastream id; an unknown id is left out. */
	@Transactional(readOnly = true)
	public Map<Long, Place> of(java.util.Collection<Long> datastreams) {
		return datastreams.isEmpty() ? new LinkedHashMap<>()
				: places(jdbc.sql(PLACES + " WHERE d.id IN (:datastreams) ORDER BY d.id").param("datastreams", datastreams));
	}

	/**
	 * Every Datastream's place, by Datastream id (not to be changed): read once for every reader
	 * (the public register, its GeoJSON, the portal's map), and again after a Datastream, Thing or
	 * Location is written through this node, else at most every {@link #MAX_AGE}.
	 */
	public Map<Long, Place> all() {
		Kept now = kept;
		if (holds(now)) {
			return now.places();
		}
		synchronized (this) {
			now = kept;
			if (holds(now)) {
				return now.places();
			}
			// Counted before the read: a write committed meanwhile makes the next reader read again.
			long seen = changes.committed();
			Instant read = clock.instant();
			Kept fresh = new Kept(seen, read, Collections.unmodifiableMap(places(jdbc.sql(PLACES + " ORDER BY d.id"))));
			kept = fresh;
			return fresh.places();
		}
	}

	private boolean holds(Kept kept) {
		return kept != null && kept.changes() == changes.committed()
				&& clock.instant().isBefore(kept.read().plus(MAX_AGE));
	}

	private static Map<Long, Place> places(JdbcClient.StatementSpec query) {
		Map<Long, Place> places = new LinkedHashMap<>();
		query.query((rs, n) -> new Place(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				(rs.getBoolean(5) ? EntityType.MULTI_DATASTREAM : EntityType.DATASTREAM).setName()))
			.list()
			.forEach(place -> places.put(place.datastream(), place));
		return places;
	}

}
