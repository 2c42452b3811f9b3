package org.cabildo.indicators;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.platform.ApiException;
import org.cabildo.sensing.geo.GeoJson;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A GeoJSON FeatureCollection of districts read and checked whole, before anything is stored:
 * each feature a valid Polygon or MultiPolygon in WGS84 lon/lat with an id (unique in the file),
 * a name and, if the file has it, a population. What is wrong is a 400 naming the feature (its
 * index from 0) and a JSON pointer into the file.
 *
 * @param id the property that holds a district's code (else the feature's own {@code id})
 * @param name the property that holds its name (else its code)
 * @param population the property that holds its population (may be absent)
 */
record DistrictsFile(String id, String name, String population) {

	/** The longest district code the register keeps. */
	static final int MAX_ID = 32;

	static final int MAX_NAME = 200;

	/** One district as read: its other properties kept as JSON text, its boundary as JTS. */
	record Feature(String id, String name, Long population, String properties, Geometry boundary, double areaKm2) {
	}

	static final DistrictsFile DEFAULT = new DistrictsFile("district_id", "name", "population_2020");

	List<Feature> read(byte[] body) {
		JsonNode root;
		try {
			root = JsonMapper.shared().readTree(body);
		}
		catch (JacksonException e) {
			throw ApiException.badRequest("the body is not JSON: " + e.getOriginalMessage())
				.with("rule", "geojson-feature-collection");
		}
		return read(root);
	}

	List<Feature> read(JsonNode root) {
		if (root == null || !root.isObject() || !"FeatureCollection".equals(root.path("type").asString(""))) {
			throw ApiException.badRequest("districts come as a GeoJSON FeatureCollection (\"type\": \"FeatureCollection\")")
				.with("rule", "geojson-feature-collection")
				.with("pointer", "/type");
		}
		JsonNode features = root.get("features");
		if (features == null || !features.isArray() || features.isEmpty()) {
			throw ApiException.badRequest("the FeatureCollection has no features").with("pointer", "/features");
		}
		List<Feature> read = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < features.size(); i++) {
			Feature feature = feature(features.get(i), i);
			Integer before = seen.putIfAbsent(feature.id(), i);
			if (before != null) {
				throw refused(i, "/properties/" + id, "district '" + feature.id() + "' is also feature " + before
						+ ": each district once");
			}
			read.add(feature);
		}
		return List.copyOf(read);
	}

	private Feature feature(JsonNode feature, int index) {
		if (feature == null || !feature.isObject() || !"Feature".equals(feature.path("type").asString(""))) {
			throw refused(index, "/type", "is not a GeoJSON Feature");
		}
		JsonNode properties = feature.path("properties");
		if (!properties.isObject() && !properties.isMissingNode() && !properties.isNull()) {
			throw refused(index, "/properties", "its properties are not an object");
		}
		String code = text(properties.get(id));
		if (code == null) {
			code = text(feature.get("id"));
		}
		if (code == null || code.isBlank()) {
			throw refused(index, "/properties/" + id, "has no district code: neither a property '" + id
					+ "' nor an \"id\" (choose the property with ?id=)");
		}
		code = code.strip();
		if (code.length() > MAX_ID) {
			throw refused(index, "/properties/" + id, "its code '" + code + "' is longer than " + MAX_ID + " characters");
		}
		String named = text(properties.get(name));
		named = named == null || named.isBlank() ? code : named.strip();
		if (named.length() > MAX_NAME) {
			throw refused(index, "/properties/" + name, "its name is longer than " + MAX_NAME + " characters");
		}
		Long inhabitants = population(properties.get(population), index);
		Geometry boundary;
		try {
			boundary = GeoJson.read(feature.get("geometry"));
		}
		catch (IllegalArgumentException e) {
			throw refused(index, "/geometry", e.getMessage());
		}
		if (!(boundary instanceof Polygonal) || boundary.isEmpty()) {
			throw refused(index, "/geometry/type", "a district is a Polygon or MultiPolygon, not "
					+ boundary.getGeometryType());
		}
		for (Coordinate c : boundary.getCoordinates()) {
			if (c.x < -180 || c.x > 180 || c.y < -90 || c.y > 90) {
				throw refused(index, "/geometry/coordinates", "position [" + c.x + ", " + c.y
						+ "] is not WGS84 longitude, latitude (RFC 7946)");
			}
		}
		TopologyValidationError invalid = new IsValidOp(boundary).getValidationError();
		if (invalid != null) {
			throw refused(index, "/geometry", "its boundary is not a valid polygon: " + invalid.getMessage()
					+ (invalid.getCoordinate() == null ? ""
							: " at [" + invalid.getCoordinate().x + ", " + invalid.getCoordinate().y + "]"));
		}
		ObjectNode others = properties.isObject() ? ((ObjectNode) properties).deepCopy()
				: JsonMapper.shared().createObjectNode();
		others.remove(List.of(id, name, population));
		return new Feature(code, named, inhabitants, JsonMapper.shared().writeValueAsString(others), boundary,
				SphericalArea.km2(boundary));
	}

	private Long population(JsonNode value, int index) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return null;
		}
		if (value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= 0) {
			return value.asLong();
		}
		if (value.isString() && value.asString().strip().matches("\\d{1,18}")) {
			return Long.parseLong(value.asString().strip());
		}
		throw refused(index, "/properties/" + population, "its population '" + value + "' is not a whole number of people");
	}

	private static String text(JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode() || value.isContainer()) {
			return null;
		}
		return value.asString();
	}

	private static ApiException refused(int index, String pointer, String what) {
		return ApiException.badRequest("feature " + index + " " + what)
			.with("feature", index)
			.with("pointer", "/features/" + index + pointer);
	}

}
