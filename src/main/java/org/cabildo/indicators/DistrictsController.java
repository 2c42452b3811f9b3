package org.cabildo.indicators;

import java.util.List;

import org.cabildo.identity.Caller;
import org.cabildo.identity.Role;
import org.cabildo.platform.ApiException;
import org.cabildo.sensing.geo.GeoJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The city's districts: read by anyone, imported by admins. */
@RestController
@Tag(name = "Districts")
class DistrictsController {

	static final String PATH = "/api/districts";

	private static final MediaType GEOJSON = MediaType.parseMediaType("application/geo+json");

	private final DistrictRegister register;

	private final DistrictImport imports;

	DistrictsController(DistrictRegister register, DistrictImport imports) {
		this.register = register;
		this.imports = imports;
	}

	@GetMapping(PATH)
	@Operation(summary = "Every district, by code: name, population, area (km²) and how many Things are placed in it")
	List<District> all() {
		return register.all();
	}

	@GetMapping(PATH + "/{id}")
	@Operation(summary = "A district by its code; 404 when there is none")
	District one(@PathVariable String id) {
		return register.byId(id).orElseThrow(() -> ApiException.notFound("there is no district '" + id + "'"));
	}

	@GetMapping(path = PATH + ".geojson", produces = "application/geo+json")
	@Operation(summary = "Every district's boundary as a GeoJSON FeatureCollection, with its id, name, population,"
			+ " areaKm2 and things")
	ResponseEntity<byte[]> geojson() {
		List<District> districts = register.all();
		java.util.Map<String, DistrictRegister.Stored> boundaries = new java.util.HashMap<>();
		register.stored().forEach(stored -> boundaries.put(stored.id(), stored));
		ObjectNode collection = JsonNodeFactory.instance.objectNode();
		collection.put("type", "FeatureCollection");
		ArrayNode features = collection.putArray("features");
		for (District district : districts) {
			DistrictRegister.Stored stored = boundaries.get(district.id());
			if (stored == null) {
				continue;
			}
			ObjectNode feature = features.addObject();
			feature.put("type", "Feature");
			feature.put("id", district.id());
			ObjectNode properties = feature.putObject("properties");
			properties.put("id", district.id());
			properties.put("name", district.name());
			if (district.population() == null) {
				properties.putNull("population");
			}
			else {
				properties.put("population", district.population());
			}
			properties.put("areaKm2", district.areaKm2());
			properties.put("things", district.things());
			feature.set("geometry", GeoJson.write(stored.boundary()));
		}
		return ResponseEntity.ok().contentType(GEOJSON).body(JsonMapper.shared().writeValueAsBytes(collection));
	}

	@PutMapping(PATH)
	@Operation(summary = "Imports districts from a GeoJSON FeatureCollection of Polygons or MultiPolygons (WGS84):"
			+ " each added or changed by its code, all or nothing (400 naming the feature); districts the file does"
			+ " not name stay. The query names the properties that hold each district's code, name and population."
			+ " Admins only")
	DistrictImport.Imported put(@RequestBody byte[] body, @RequestParam(defaultValue = "district_id") String id,
			@RequestParam(defaultValue = "name") String name,
			@RequestParam(defaultValue = "population_2020") String population) {
		Caller caller = Caller.signedIn();
		if (!caller.hasAnywhere(Role.ADMIN)) {
			throw new ApiException(HttpStatus.FORBIDDEN, "districts are imported by admins").with("rule", "admin");
		}
		return imports.put(body, new DistrictsFile(id, name, population));
	}

}
