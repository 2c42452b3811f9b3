package org.cabildo.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class PlacementTest {

	private static final GeometryFactory GEOMETRY = new GeometryFactory();

	/** Two squares side by side (A: 0..1, B: 1..2) and a MultiPolygon of two squares far apart (M). */
	private final Placement placement = new Placement(List.of(
			Placement.Boundary.of("B", square(1, 0, 1)),
			Placement.Boundary.of("A", square(0, 0, 1)),
			Placement.Boundary.of("M", GEOMETRY.createMultiPolygon(new Polygon[] { square(10, 10, 1), square(20, 20, 1) }))));

	@Test
	void aPointIsInTheDistrictWhoseBoundaryHoldsIt() {
		assertThat(placement.of(point(0.5, 0.5))).contains("A");
		assertThat(placement.of(point(1.5, 0.2))).contains("B");
	}

	@Test
	void aPointOfNoDistrictIsInNone() {
		assertThat(placement.of(point(5, 5))).isEmpty();
		assertThat(placement.of(point(-0.001, 0.5))).isEmpty();
		assertThat(placement.ofLocation("{\"type\":\"Point\",\"coordinates\":[3,3]}")).isEmpty();
	}

	@Test
	void eachPartOfAMultiPolygonHolds() {
		assertThat(placement.of(point(10.5, 10.5))).contains("M");
		assertThat(placement.of(point(20.5, 20.9))).contains("M");
		assertThat(placement.of(point(15, 15))).as("between the parts").isEmpty();
	}

	@Test
	void aPointOnASharedBorderIsInTheLowerCode() {
		assertThat(placement.of(point(1, 0.5))).contains("A");
	}

	@Test
	void aLocationThatIsNoPointIsPlacedByItsCentroid() {
		// A line from A into B whose middle is in B; a Feature wrapping a polygon in A.
		assertThat(placement.ofLocation("{\"type\":\"LineString\",\"coordinates\":[[0.8,0.5],[1.8,0.5]]}")).contains("B");
		assertThat(placement.ofLocation("{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\","
				+ "\"coordinates\":[[[0.1,0.1],[0.3,0.1],[0.3,0.3],[0.1,0.3],[0.1,0.1]]]}}")).contains("A");
	}

	@Test
	void aLocationThatIsNoGeoJsonIsInNone() {
		assertThat(placement.ofLocation("not json")).isEmpty();
		assertThat(placement.ofLocation("{\"type\":\"Nowhere\"}")).isEmpty();
		assertThat(placement.ofLocation(null)).isEmpty();
		assertThat(new Placement(List.of()).ofLocation("{\"type\":\"Point\",\"coordinates\":[0.5,0.5]}")).isEmpty();
	}

	@Test
	void anAreaIsMeasuredOnTheSphere() {
		// 1° by 1° at the equator: R² × Δλ × (sin 1° − sin 0°)
		double expected = Math.pow(SphericalArea.RADIUS_KM, 2) * Math.toRadians(1) * Math.sin(Math.toRadians(1));
		assertThat(SphericalArea.km2(square(0, 0, 1))).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
		assertThat(expected).isBetween(12_300.0, 12_400.0);
		// a hole is taken out, a MultiPolygon's parts added up
		Polygon holed = GEOMETRY.createPolygon(square(0, 0, 1).getExteriorRing(),
				new org.locationtech.jts.geom.LinearRing[] { square(0.25, 0.25, 0.5).getExteriorRing() });
		assertThat(SphericalArea.km2(holed)).isLessThan(expected * 0.76).isGreaterThan(expected * 0.74);
		Geometry two = GEOMETRY.createMultiPolygon(new Polygon[] { square(0, 0, 1), square(0, -1, 1) });
		assertThat(SphericalArea.km2(two)).isCloseTo(2 * expected, org.assertj.core.data.Offset.offset(1e-6));
	}

	static Polygon square(double x, double y, double side) {
		return GEOMETRY.createPolygon(new Coordinate[] { new Coordinate(x, y), new Coordinate(x + side, y),
				new Coordinate(x + side, y + side), new Coordinate(x, y + side), new Coordinate(x, y) });
	}

	private static Geometry point(double x, double y) {
		return GEOMETRY.createPoint(new Coordinate(x, y));
	}

}
