package org.cabildo.support;

import java.util.List;
import java.util.Map;

/** Request bodies that tests outside the conformance suite need as a starting point. */
public final class Fixtures {

	private Fixtures() {
	}

	/**
	 * A Datastream created with everything inline: its Thing (with one GeoJSON Location, from
	 * which observations get their FeatureOfInterest), Sensor and ObservedProperty.
	 */
	public static Map<String, Object> datastreamWithThing(String name) {
		return Map.of("name", name, "description", "a datastream of " + name, "observationType",
				"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement", "unitOfMeasurement",
				Map.of("name", "degree Celsius", "symbol", "degC", "definition", "ucum:Cel"), "Thing",
				Map.of("name", name, "description", "a thing", "Locations",
						List.of(Map.of("name", name, "description", "a place", "encodingType", "application/geo+json",
								"location", Map.of("type", "Point", "coordinates", List.of(-99.13, 19.43))))),
				"Sensor", Map.of("name", name, "description", "a sensor", "encodingType", "text/plain", "metadata", "m"),
				"ObservedProperty", Map.of("name", name, "description", "a property", "definition", "urn:" + name));
	}


	/**
	 * A declaration of open, non-personal air-quality data, as a steward writes it to the register:
	 * a pilot (open to the public, unlike the lab) over the whole world until 2099.
	 */
	public static Map<String, Object> openDeclaration() {
		Map<String, Object> area = Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(-180, -90),
				List.of(180, -90), List.of(180, 90), List.of(-180, 90), List.of(-180, -90))));
		return Map.of("contact", "aire@example.org", "purposes", List.of("ecology", "health"), "technology",
				List.of("air_quality"), "dataTypes", List.of("values_time"), "retention", Map.of("keeps", "nothing"),
				"personalDataClass", "none", "accessLevel", "open", "summary", "Measures the air every hour.",
				"stage", "pilot", "pilot", Map.of("area", area, "endsOn", "2099-12-31"));
	}

	/**
	 * A declaration of open, non-personal air-quality data that starts in the lab, as a steward
	 * writes it; a copy the caller may change.
	 */
	public static Map<String, Object> openLabDeclaration() {
		return new java.util.HashMap<>(Map.of("contact", "aire@example.org", "purposes", List.of("ecology", "health"),
				"technology", List.of("air_quality"), "dataTypes", List.of("values_time"), "retention",
				Map.of("keeps", "nothing"), "personalDataClass", "none", "accessLevel", "open", "summary",
				"Measures the air every hour."));
	}

	/** Declares a datastream open through the register, so that it may collect (its owner's steward calls). */
	public static void declareOpen(Api steward, long datastream) {
		Api.Response declared = steward.put("/api/register/" + datastream, openDeclaration());
		if (declared.status() != 200) {
			throw new IllegalStateException("could not declare Datastream " + datastream + ": " + declared);
		}
	}

}
