package org.cabildo.sensing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.cabildo.sensing.model.EntityType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where each Datastream (or MultiDatastream) is and what it is called: its name, its Thing's name
 * and the Thing's (first) Location as GeoJSON, for the public register and its map.
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

	private final JdbcClient jdbc;

	DatastreamPlaces(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The places of these Datastreams (a page of them), by Datastream id; an unknown id is left out. */
	@Transactional(readOnly = true)
	public Map<Long, Place> of(java.util.Collection<Long> datastreams) {
		return datastreams.isEmpty() ? new LinkedHashMap<>()
				: places(jdbc.sql(PLACES + " WHERE d.id IN (:datastreams) ORDER BY d.id").param("datastreams", datastreams));
	}

	/** Every Datastream's place, by Datastream id. */
	@Transactional(readOnly = true)
	public Map<Long, Place> all() {
		return places(jdbc.sql(PLACES + " ORDER BY d.id"));
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
