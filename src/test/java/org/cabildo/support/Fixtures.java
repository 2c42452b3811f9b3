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

}
