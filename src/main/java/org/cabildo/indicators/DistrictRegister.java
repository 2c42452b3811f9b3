package org.cabildo.indicators;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.cabildo.sensing.geo.GeoJson;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * The city's districts as the database holds them (imported with {@code PUT /api/districts}, or
 * from {@code cabildo.city.districts} at start) and the Things placed in each: what other modules
 * ask about districts. The boundaries are kept in memory, read again after an import on this
 * node, and after one on another node within {@link #MAX_AGE}.
 */
@Service
public class DistrictRegister {

	/** How old the boundaries kept may be when another node imported new ones. */
	static final Duration MAX_AGE = Duration.ofSeconds(30);

	/** A district as stored, with its boundary (lon/lat). */
	record Stored(String id, String name, Long population, double areaKm2, Geometry boundary) {
	}

	private record Kept(Instant read, String version, List<Stored> districts, Placement placement) {
	}

	private static final GeometryFactory POINTS = new GeometryFactory();

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile Kept kept;

	DistrictRegister(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Every district, by code, with the number of Things placed in it. */
	public List<District> all() {
		Map<String, Long> things = new HashMap<>();
		jdbc.sql("SELECT district_id, COUNT(*) FROM thing_districts GROUP BY district_id")
			.query((rs, n) -> things.put(rs.getString(1), rs.getLong(2)))
			.list();
		return stored().stream()
			.map(d -> new District(d.id(), d.name(), d.population(), d.areaKm2(), things.getOrDefault(d.id(), 0L)))
			.toList();
	}

	/** A district by its code. */
	public Optional<District> byId(String id) {
		return stored().stream()
			.filter(d -> d.id().equals(id))
			.findFirst()
			.map(d -> new District(d.id(), d.name(), d.population(), d.areaKm2(), jdbc
				.sql("SELECT COUNT(*) FROM thing_districts WHERE district_id = ?")
				.param(id)
				.query(Long.class)
				.single()));
	}

	/** The code of the district a Thing is placed in; empty when it is in none (or has no Location). */
	public Optional<String> districtOfThing(long thing) {
		return jdbc.sql("SELECT district_id FROM thing_districts WHERE thing_id = ?")
			.param(thing)
			.query(String.class)
			.optional();
	}

	/** The ids of the Things placed in a district, in order. */
	public List<Long> thingsIn(String district) {
		return jdbc.sql("SELECT thing_id FROM thing_districts WHERE district_id = ? ORDER BY thing_id")
			.param(district)
			.query(Long.class)
			.list();
	}

	/** A district's population; empty when the district is unknown or its file gave none. */
	public OptionalLong population(String district) {
		return stored().stream()
			.filter(d -> d.id().equals(district) && d.population() != null)
			.mapToLong(Stored::population)
			.findFirst();
	}

	/** The districts' total population, of those whose population is known. */
	public long totalPopulation() {
		return stored().stream().filter(d -> d.population() != null).mapToLong(Stored::population).sum();
	}

	/**
	 * A district's boundary, for drawing it (the portal's map of an indicator).
	 *
	 * @param area a Polygon or MultiPolygon, lon/lat, as imported; the same object for as long as
	 * the boundaries are not imported again
	 */
	public record Boundary(String id, String name, Geometry area) {
	}

	/** Every district's boundary, by code. */
	public List<Boundary> boundaries() {
		return stored().stream().map(d -> new Boundary(d.id(), d.name(), d.boundary())).toList();
	}

	/** The code of the district a point (lon/lat, degrees) is in; empty when in none. */
	public Optional<String> districtAt(double lon, double lat) {
		return placement().of(POINTS.createPoint(new Coordinate(lon, lat)));
	}

	/** The districts' boundaries (lon/lat), by code. */
	List<Stored> stored() {
		return current().districts();
	}

	/** Point-in-polygon over the current boundaries. */
	Placement placement() {
		return current().placement();
	}

	/** Boundaries changed on this node: the next reader reads them again. */
	void forget() {
		kept = null;
	}

	private Kept current() {
		Kept now = kept;
		if (now != null && clock.instant().isBefore(now.read().plus(MAX_AGE))) {
			return now;
		}
		synchronized (this) {
			now = kept;
			if (now != null && clock.instant().isBefore(now.read().plus(MAX_AGE))) {
				return now;
			}
			// An import always sets imported_at: if neither it nor the count moved, nothing changed.
			String version = jdbc.sql("SELECT COUNT(*) || '/' || COALESCE(CAST(MAX(imported_at) AS VARCHAR(64)), '') FROM districts")
				.query(String.class)
				.single();
			if (now != null && now.version().equals(version)) {
				kept = new Kept(clock.instant(), version, now.districts(), now.placement());
				return kept;
			}
			List<Stored> districts = jdbc
				.sql("SELECT id, name, population, area_km2, boundary FROM districts ORDER BY id")
				.query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), (Long) rs.getObject(3, Long.class),
						rs.getDouble(4), GeoJson.read(JsonMapper.shared().readTree(rs.getString(5)))))
				.list();
			Placement placement = new Placement(
					districts.stream().map(d -> Placement.Boundary.of(d.id(), d.boundary())).toList());
			kept = new Kept(clock.instant(), version, List.copyOf(districts), placement);
			return kept;
		}
	}

}
