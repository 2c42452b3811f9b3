package org.cabildo.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The two kinds of stream Observations belong to, for tests that hold for both: a Datastream,
 * and a MultiDatastream (OGC 18-088, 14.4), which governance sees as a Datastream (the same
 * ids, declarations, purpose binding, ledger). A MultiDatastream here has two ObservedProperties,
 * so that a reading is an array: the value under test, then a relative humidity.
 */
public enum StreamKind {

	DATASTREAM("Datastreams", "Datastream"), MULTI_DATASTREAM("MultiDatastreams", "MultiDatastream");

	private static final String MEASUREMENT = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement";

	/** The second value of every reading of a MultiDatastream. */
	public static final double HUMIDITY = 0.5;

	private final String set;

	private final String entity;

	StreamKind(String set, String entity) {
		this.set = set;
		this.entity = entity;
	}

	/** The entity set, as in {@code /v1.1/Datastreams}. */
	public String set() {
		return set;
	}

	/** The navigation property of an Observation that leads to its stream. */
	public String entity() {
		return entity;
	}

	/** {@code /v1.1/Datastreams(7)} or {@code /v1.1/MultiDatastreams(7)}. */
	public String path(long id) {
		return "/v1.1/" + set + "(" + id + ")";
	}

	/** The result of a reading of {@code value}. */
	public Object result(double value) {
		return this == DATASTREAM ? value : List.of(value, HUMIDITY);
	}

	/** The same, as JSON text (for MQTT payloads). */
	public String resultJson(long value) {
		return this == DATASTREAM ? Long.toString(value) : "[" + value + ", " + HUMIDITY + "]";
	}

	/** A {@code $filter} that selects the readings of {@code value}. */
	public String valueFilter(long value) {
		return (this == DATASTREAM ? "result" : "result[0]") + " eq " + value;
	}

	/** How a reading of the whole number {@code value} starts in an answer's JSON. */
	public String shown(long value) {
		return this == DATASTREAM ? "\"result\":" + value : "\"result\":[" + value;
	}

	/** The value under test of a result as it is read back. */
	public JsonNode value(JsonNode result) {
		return this == DATASTREAM || result == null || !result.isArray() ? result : result.get(0);
	}

	/**
	 * A stream created with everything inline: its Thing (with one GeoJSON Location, from which
	 * observations get their FeatureOfInterest), Sensor and ObservedProperty or ObservedProperties.
	 */
	public Map<String, Object> withThing(String name) {
		Map<String, Object> datastream = Fixtures.datastreamWithThing(name);
		if (this == DATASTREAM) {
			return datastream;
		}
		Map<String, Object> multi = new HashMap<>(datastream);
		multi.remove("unitOfMeasurement");
		multi.remove("ObservedProperty");
		multi.put("observationType", "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_ComplexObservation");
		multi.put("unitOfMeasurements", List.of(datastream.get("unitOfMeasurement"),
				Map.of("name", "percentage", "symbol", "%", "definition", "ucum:%")));
		multi.put("multiObservationDataTypes", List.of(MEASUREMENT, MEASUREMENT));
		multi.put("ObservedProperties", List.of(datastream.get("ObservedProperty"),
				Map.of("name", name + "-humidity", "description", "relative humidity", "definition", "urn:humidity")));
		return multi;
	}

}
