package org.cabildo.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cabildo.indicators.DistrictRegister;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.springframework.stereotype.Component;

/**
 * The city's districts as SVG paths, for a map drawn on the server: the register's boundaries,
 * simplified to what the drawing can show (half a unit of its {@value #WIDTH}-unit width), in an
 * equirectangular projection whose east-west scale is the cosine of the middle latitude (true to
 * shape at a city's size). Made again only when the boundaries are imported again.
 */
@Component
class DistrictShapes {

	static final int WIDTH = 640;

	/** The most the drawing is high, in the same units. */
	static final int MOST_HEIGHT = 560;

	static final int MARGIN = 4;

	/** One district's outline: the SVG path data of its rings (holes drawn by the even-odd rule). */
	record Shape(String id, String name, String path) {
	}

	/** The outlines and the view box that holds them. */
	record Drawing(List<Shape> shapes, int height) {

		String viewBox() {
			return "0 0 " + WIDTH + " " + height;
		}

	}

	private record Made(List<Geometry> from, Drawing drawing) {
	}

	private final DistrictRegister register;

	private volatile Made made;

	DistrictShapes(DistrictRegister register) {
		this.register = register;
	}

	/** The districts' outlines as the register holds them now. */
	Drawing drawing() {
		List<DistrictRegister.Boundary> boundaries = register.boundaries();
		Made now = made;
		if (now != null && same(now.from(), boundaries)) {
			return now.drawing();
		}
		Drawing drawing = draw(boundaries);
		made = new Made(boundaries.stream().map(DistrictRegister.Boundary::area).toList(), drawing);
		return drawing;
	}

	private static boolean same(List<Geometry> kept, List<DistrictRegister.Boundary> boundaries) {
		if (kept.size() != boundaries.size()) {
			return false;
		}
		for (int i = 0; i < kept.size(); i++) {
			if (kept.get(i) != boundaries.get(i).area()) {
				return false;
			}
		}
		return true;
	}

	static Drawing draw(List<DistrictRegister.Boundary> boundaries) {
		if (boundaries.isEmpty()) {
			return new Drawing(List.of(), 0);
		}
		Envelope extent = new Envelope();
		boundaries.forEach(boundary -> extent.expandToInclude(boundary.area().getEnvelopeInternal()));
		double east = Math.cos(Math.toRadians((extent.getMinY() + extent.getMaxY()) / 2));
		double width = Math.max(extent.getWidth() * east, 1e-9);
		double height = Math.max(extent.getHeight(), 1e-9);
		double scale = Math.min((WIDTH - 2 * MARGIN) / width, (MOST_HEIGHT - 2 * MARGIN) / height);
		int drawnHeight = (int) Math.ceil(height * scale) + 2 * MARGIN;
		double tolerance = 0.5 / scale;
		List<Shape> shapes = new ArrayList<>();
		for (DistrictRegister.Boundary boundary : boundaries) {
			Geometry simple = TopologyPreservingSimplifier.simplify(boundary.area(), tolerance);
			StringBuilder path = new StringBuilder();
			for (int i = 0; i < simple.getNumGeometries(); i++) {
				if (simple.getGeometryN(i) instanceof Polygon polygon) {
					ring(path, polygon.getExteriorRing(), extent, east, scale);
					for (int hole = 0; hole < polygon.getNumInteriorRing(); hole++) {
						ring(path, polygon.getInteriorRingN(hole), extent, east, scale);
					}
				}
			}
			shapes.add(new Shape(boundary.id(), boundary.name(), path.toString()));
		}
		return new Drawing(List.copyOf(shapes), drawnHeight);
	}

	private static void ring(StringBuilder path, LineString ring, Envelope extent, double east, double scale) {
		Coordinate[] points = ring.getCoordinates();
		for (int i = 0; i < points.length - 1; i++) {
			double x = MARGIN + (points[i].x - extent.getMinX()) * east * scale;
			double y = MARGIN + (extent.getMaxY() - points[i].y) * scale;
			path.append(i == 0 ? (path.isEmpty() ? "M" : " M") : " L")
				.append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
		}
		path.append(" Z");
	}

}
