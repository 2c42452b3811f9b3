package org.cabildo.portal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cabildo.platform.CitySettings;
import org.cabildo.sensing.geo.GeoJson;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The city's districts ({@code cabildo.city.districts}, a GeoJSON file): which district a place
 * is in, and their boundaries simplified for the map, both made once at start. The one class that
 * knows where districts come from, so that a register of districts in the database can take its
 * place.
 */
@Component
class Districts {

	/** How far a simplified boundary may stray from the surveyed one: 0.0005° is about 50 m. */
	static final double TOLERANCE = 0.0005;

	/** The simplified boundaries' coordinates have four decimals: about 11 m. */
	static final PrecisionModel ROUNDED = new PrecisionModel(10_000);

	/** One district: its code, its name and its area (a Polygon or MultiPolygon, lon/lat). */
	record District(String id, String name, Geometry area) {
	}

	private static final GeometryFactory POINTS = new GeometryFactory();

	private final List<District> districts;

	private final List<PreparedGeometry> areas;

	private final byte[] simplified;

	private final String attribution;

	Districts(CitySettings city, ResourceLoader resources) {
		this.districts = city.districts().isBlank() ? List.of() : read(resources.getResource(city.districts().strip()));
		this.areas = districts.stream().map(district -> PreparedGeometryFactory.prepare(district.area())).toList();
		this.simplified = geojson(simplify(districts));
		this.attribution = city.districtsAttribution();
	}

	/** Whether the city has districts to show. */
	boolean any() {
		return !districts.isEmpty();
	}

	/** Whom the boundaries come from; empty when no one is named. */
	String attribution() {
		return attribution;
	}

	/** The name of the district a point ({@code [lon, lat]}) is in, if it is in one. */
	Optional<String> at(double[] point) {
		if (point == null || districts.isEmpty()) {
			return Optional.empty();
		}
		Geometry where = POINTS.createPoint(new Coordinate(point[0], point[1]));
		for (int i = 0; i < areas.size(); i++) {
			if (areas.get(i).covers(where)) {
				return Optional.of(districts.get(i).name());
			}
		}
		return Optional.empty();
	}

	/** Every district's boundary, simplified, as GeoJSON (a FeatureCollection with id and name). */
	byte[] simplifiedGeoJson() {
		return simplified.clone();
	}

	static List<District> read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return read(JsonMapper.shared().readTree(in));
		}
		catch (IOException | RuntimeException e) {
			throw new IllegalStateException("cabildo.city.districts (CABILDO_CITY_DISTRICTS) '" + resource
					+ "' is not a GeoJSON FeatureCollection of districts: " + e.getMessage(), e);
		}
	}

	static List<District> read(JsonNode collection) {
		List<District> read = new ArrayList<>();
		for (JsonNode feature : collection.path("features")) {
			Geometry area = GeoJson.read(feature.get("geometry"));
			JsonNode properties = feature.path("properties");
			String name = properties.path("name").asString("");
			if (!(area instanceof Polygonal) || name.isBlank()) {
				throw new IllegalArgumentException("each district is a Polygon or MultiPolygon with a name");
			}
			read.add(new District(properties.path("district_id").asString(name), name, area));
		}
		if (read.isEmpty()) {
			throw new IllegalArgumentException("it holds no district");
		}
		return List.copyOf(read);
	}

	/**
	 * The districts' boundaries with fewer points (none moved by more than {@link #TOLERANCE}, no
	 * ring made to cross itself) and coordinates rounded to {@link #ROUNDED}, each still a valid
	 * Polygon or MultiPolygon.
	 */
	static List<District> simplify(List<District> districts) {
		return districts.stream()
			.map(district -> new District(district.id(), district.name(), GeometryPrecisionReducer
				.reduce(TopologyPreservingSimplifier.simplify(district.area(), TOLERANCE), ROUNDED)))
			.toList();
	}

	static byte[] geojson(List<District> districts) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		ObjectNode collection = nodes.objectNode();
		collection.put("type", "FeatureCollection");
		ArrayNode features = collection.putArray("features");
		for (District district : districts) {
			ObjectNode feature = features.addObject();
			feature.put("type", "Feature");
			feature.putObject("properties").put("id", district.id()).put("name", district.name());
			feature.set("geometry", GeoJson.write(district.area()));
		}
		return JsonMapper.shared().writeValueAsBytes(collection);
	}

}
