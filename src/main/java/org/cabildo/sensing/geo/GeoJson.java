package org.cabildo.sensing.geo;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Converts between GeoJSON (RFC 7946) and JTS geometries. */
public final class GeoJson {

	private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

	private GeoJson() {
	}

	/**
	 * Reads a GeoJSON geometry, or the geometry of a Feature.
	 *
	 * @throws IllegalArgumentException naming what is wrong
	 */
	public static Geometry read(JsonNode node) {
		if (node == null || !node.isObject()) {
			throw new IllegalArgumentException("GeoJSON must be an object with a \"type\"");
		}
		String type = node.path("type").asString("");
		return switch (type) {
			case "Feature" -> read(node.get("geometry"));
			case "Point" -> FACTORY.createPoint(coordinate(coordinates(node)));
			case "LineString" -> FACTORY.createLineString(coordinateList(coordinates(node)));
			case "Polygon" -> polygon(coordinates(node));
			case "MultiPoint" -> FACTORY.createMultiPoint(points(coordinates(node)));
			case "MultiLineString" -> {
				List<LineString> lines = new ArrayList<>();
				for (JsonNode line : arrayOf(coordinates(node))) {
					lines.add(FACTORY.createLineString(coordinateList(line)));
				}
				yield FACTORY.createMultiLineString(lines.toArray(LineString[]::new));
			}
			case "MultiPolygon" -> {
				List<Polygon> polygons = new ArrayList<>();
				for (JsonNode polygon : arrayOf(coordinates(node))) {
					polygons.add(polygon(polygon));
				}
				yield FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
			}
			case "GeometryCollection" -> {
				List<Geometry> members = new ArrayList<>();
				for (JsonNode member : arrayOf(node.get("geometries"))) {
					members.add(read(member));
				}
				yield FACTORY.createGeometryCollection(members.toArray(Geometry[]::new));
			}
			default -> throw new IllegalArgumentException("unknown GeoJSON type '" + type + "'");
		};
	}

	/** Writes a geometry as a GeoJSON geometry object. */
	public static ObjectNode write(Geometry geometry) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		ObjectNode node = nodes.objectNode();
		node.put("type", geometry.getGeometryType());
		switch (geometry) {
			case Point point -> node.set("coordinates", position(point.getCoordinate()));
			case LineString line -> node.set("coordinates", positions(line.getCoordinates()));
			case Polygon polygon -> node.set("coordinates", rings(polygon));
			case MultiPoint multi -> node.set("coordinates", positions(multi.getCoordinates()));
			case MultiLineString multi -> {
				ArrayNode lines = node.putArray("coordinates");
				for (int i = 0; i < multi.getNumGeometries(); i++) {
					lines.add(positions(multi.getGeometryN(i).getCoordinates()));
				}
			}
			case MultiPolygon multi -> {
				ArrayNode polygons = node.putArray("coordinates");
				for (int i = 0; i < multi.getNumGeometries(); i++) {
					polygons.add(rings((Polygon) multi.getGeometryN(i)));
				}
			}
			case GeometryCollection collection -> {
				ArrayNode members = node.putArray("geometries");
				for (int i = 0; i < collection.getNumGeometries(); i++) {
					members.add(write(collection.getGeometryN(i)));
				}
			}
			default -> throw new IllegalArgumentException("cannot write " + geometry.getGeometryType());
		}
		return node;
	}

	private static JsonNode coordinates(JsonNode node) {
		JsonNode coordinates = node.get("coordinates");
		if (coordinates == null || !coordinates.isArray()) {
			throw new IllegalArgumentException("GeoJSON " + node.path("type").asString() + " needs \"coordinates\"");
		}
		return coordinates;
	}

	private static Iterable<JsonNode> arrayOf(JsonNode node) {
		if (node == null || !node.isArray()) {
			throw new IllegalArgumentException("expected a GeoJSON array");
		}
		return node;
	}

	private static Coordinate coordinate(JsonNode position) {
		if (position == null || !position.isArray() || position.size() < 2 || !position.get(0).isNumber()
				|| !position.get(1).isNumber()) {
			throw new IllegalArgumentException("a GeoJSON position is an array of two or three numbers");
		}
		double x = position.get(0).asDouble();
		double y = position.get(1).asDouble();
		if (!Double.isFinite(x) || !Double.isFinite(y)) {
			throw new IllegalArgumentException("GeoJSON coordinates must be finite numbers");
		}
		return position.size() > 2 && position.get(2).isNumber() ? new Coordinate(x, y, position.get(2).asDouble())
				: new Coordinate(x, y);
	}

	private static Coordinate[] coordinateList(JsonNode positions) {
		List<Coordinate> coordinates = new ArrayList<>();
		for (JsonNode position : arrayOf(positions)) {
			coordinates.add(coordinate(position));
		}
		if (coordinates.size() == 1) {
			throw new IllegalArgumentException("a GeoJSON line needs at least two positions");
		}
		return coordinates.toArray(Coordinate[]::new);
	}

	private static Point[] points(JsonNode positions) {
		List<Point> points = new ArrayList<>();
		for (JsonNode position : arrayOf(positions)) {
			points.add(FACTORY.createPoint(coordinate(position)));
		}
		return points.toArray(Point[]::new);
	}

	private static Polygon polygon(JsonNode rings) {
		List<LinearRing> linearRings = new ArrayList<>();
		for (JsonNode ring : arrayOf(rings)) {
			Coordinate[] coordinates = coordinateList(ring);
			if (coordinates.length < 4 || !coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
				throw new IllegalArgumentException("a GeoJSON polygon ring needs four or more positions and must be closed");
			}
			linearRings.add(FACTORY.createLinearRing(coordinates));
		}
		if (linearRings.isEmpty()) {
			return FACTORY.createPolygon();
		}
		return FACTORY.createPolygon(linearRings.get(0), linearRings.subList(1, linearRings.size())
			.toArray(LinearRing[]::new));
	}

	private static ArrayNode position(Coordinate coordinate) {
		ArrayNode position = JsonNodeFactory.instance.arrayNode();
		position.add(coordinate.getX());
		position.add(coordinate.getY());
		if (!Double.isNaN(coordinate.getZ())) {
			position.add(coordinate.getZ());
		}
		return position;
	}

	private static ArrayNode positions(Coordinate[] coordinates) {
		ArrayNode positions = JsonNodeFactory.instance.arrayNode();
		for (Coordinate coordinate : coordinates) {
			positions.add(position(coordinate));
		}
		return positions;
	}

	private static ArrayNode rings(Polygon polygon) {
		ArrayNode rings = JsonNodeFactory.instance.arrayNode();
		rings.add(positions(polygon.getExteriorRing().getCoordinates()));
		for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
			rings.add(positions(polygon.getInteriorRingN(i).getCoordinates()));
		}
		return rings;
	}

}
