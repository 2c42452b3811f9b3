package org.cabildo.indicators;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.cabildo.sensing.geo.GeoJson;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which district a place is in: the first district, by code, whose boundary covers the place's
 * point (a point on a shared border is in the district of the lower code). A place that is not
 * a point (a line, an area) is placed by its centroid.
 */
final class Placement {

	/** A district's code and its boundary, prepared for many point-in-polygon tests. */
	record Boundary(String id, PreparedGeometry area) {

		static Boundary of(String id, Geometry area) {
			return new Boundary(id, PreparedGeometryFactory.prepare(area));
		}

	}

	private final List<Boundary> boundaries;

	Placement(List<Boundary> boundaries) {
		this.boundaries = boundaries.stream().sorted(Comparator.comparing(Boundary::id)).toList();
	}

	/** The district a geometry is in (its centroid, unless a point). */
	Optional<String> of(Geometry place) {
		if (place == null || place.isEmpty()) {
			return Optional.empty();
		}
		Geometry point = place instanceof Point ? place : place.getCentroid();
		if (point.isEmpty()) {
			return Optional.empty();
		}
		return boundaries.stream().filter(boundary -> boundary.area().covers(point)).map(Boundary::id).findFirst();
	}

	/**
	 * The district a Location's {@code location} (GeoJSON text: a geometry or a Feature) is in;
	 * empty for a location that is no GeoJSON (another encoding), as it cannot be placed.
	 */
	Optional<String> ofLocation(String location) {
		if (location == null || boundaries.isEmpty()) {
			return Optional.empty();
		}
		try {
			return of(GeoJson.read(JsonMapper.shared().readTree(location)));
		}
		catch (JacksonException | IllegalArgumentException e) {
			return Optional.empty();
		}
	}

}
