package org.cabildo.indicators;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The area of a lon/lat Polygon or MultiPolygon on a sphere of the Earth's mean radius (the
 * method of Chamberlain and Duquette, JPL 2007, as d3 and Turf use): within a fraction of a
 * percent of the ellipsoid's for a city's districts, and no projection to choose per city.
 */
final class SphericalArea {

	/** The Earth's mean radius (IUGG), in km. */
	static final double RADIUS_KM = 6371.0088;

	private SphericalArea() {
	}

	static double km2(Geometry polygonal) {
		double area = 0;
		for (int i = 0; i < polygonal.getNumGeometries(); i++) {
			if (polygonal.getGeometryN(i) instanceof Polygon polygon) {
				area += Math.abs(ring(polygon.getExteriorRing().getCoordinates()));
				for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
					area -= Math.abs(ring(polygon.getInteriorRingN(h).getCoordinates()));
				}
			}
		}
		return area;
	}

	private static double ring(Coordinate[] ring) {
		double sum = 0;
		for (int i = 0; i + 1 < ring.length; i++) {
			double lon1 = Math.toRadians(ring[i].x);
			double lon2 = Math.toRadians(ring[i + 1].x);
			double lat1 = Math.toRadians(ring[i].y);
			double lat2 = Math.toRadians(ring[i + 1].y);
			sum += (lon2 - lon1) * (2 + Math.sin(lat1) + Math.sin(lat2));
		}
		return sum * RADIUS_KM * RADIUS_KM / 2;
	}

}
