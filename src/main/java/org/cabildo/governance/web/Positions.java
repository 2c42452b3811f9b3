package org.cabildo.governance.web;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Where a GeoJSON geometry is, as one point: a Point's own, else its first position. */
final class Positions {

	private Positions() {
	}

	/** [lon, lat], or null when the text holds no position. */
	static double[] anchor(String geojson) {
		if (geojson == null) {
			return null;
		}
		JsonNode node = JsonMapper.shared().readTree(geojson);
		if (node.has("geometry")) {
			node = node.get("geometry");
		}
		JsonNode coordinates = node.get("coordinates");
		while (coordinates != null && coordinates.isArray() && !coordinates.isEmpty() && coordinates.get(0).isArray()) {
			coordinates = coordinates.get(0);
		}
		if (coordinates == null || coordinates.size() < 2) {
			return null;
		}
		return new double[] { coordinates.get(0).asDouble(), coordinates.get(1).asDouble() };
	}

}
