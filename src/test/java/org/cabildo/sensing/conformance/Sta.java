package org.cabildo.sensing.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cabildo.support.Api;

import tools.jackson.databind.JsonNode;

/**
 * Request bodies and response readers shared by the conformance tests. Bodies are plain maps
 * in the order the standard's examples write them; every name is made unique per test so that
 * tests sharing one server find only their own data.
 */
final class Sta {

	static final String V = "/v1.1";

	static final String CONF = "http://www.opengis.net/spec/iot_sensing/1.1/conf/";

	static final String REQ = "http://www.opengis.net/spec/iot_sensing/1.1/req/";

	static final String MEASUREMENT = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement";

	static final String GEOJSON = "application/geo+json";

	private Sta() {
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID();
	}

	/** A JSON object from name, value pairs; values may be null. */
	static Map<String, Object> obj(Object... pairs) {
		Map<String, Object> object = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			object.put((String) pairs[i], pairs[i + 1]);
		}
		return object;
	}

	static List<Object> arr(Object... items) {
		return new ArrayList<>(Arrays.asList(items));
	}

	static Map<String, Object> ref(long id) {
		return obj("@iot.id", id);
	}

	static Map<String, Object> point(double x, double y) {
		return obj("type", "Point", "coordinates", arr(x, y));
	}

	static Map<String, Object> thing(String name) {
		return obj("name", name, "description", "a thing for " + name);
	}

	static Map<String, Object> location(String name, double x, double y) {
		return obj("name", name, "description", "where " + name + " is", "encodingType", GEOJSON, "location",
				point(x, y));
	}

	static Map<String, Object> sensor(String name) {
		return obj("name", name, "description", "sensor " + name, "encodingType", "application/pdf", "metadata",
				"http://example.org/" + name + ".pdf");
	}

	static Map<String, Object> observedProperty(String name) {
		return obj("name", name, "definition", "http://example.org/def/" + name, "description",
				"property " + name);
	}

	static Map<String, Object> unit() {
		return obj("name", "degree Celsius", "symbol", "degC", "definition", "http://unitsofmeasure.org/ucum.html#para-30");
	}

	/** A Datastream with new Sensor and ObservedProperty inline; the Thing is added by the caller. */
	static Map<String, Object> datastream(String name) {
		return obj("name", name, "description", "datastream " + name, "unitOfMeasurement", unit(), "observationType",
				MEASUREMENT, "Sensor", sensor(name + "-sensor"), "ObservedProperty",
				observedProperty(name + "-property"));
	}

	static Map<String, Object> feature(String name, double x, double y) {
		return obj("name", name, "description", "feature " + name, "encodingType", GEOJSON, "feature", point(x, y));
	}

	static Map<String, Object> observation(String phenomenonTime, Object result) {
		return obj("phenomenonTime", phenomenonTime, "result", result);
	}

	/** The response, checked to be a 201 with the Location header of the new entity. */
	static long created(Api.Response response) {
		assertThat(response.status()).as("%s", response).isEqualTo(201);
		assertThat(response.header("Location")).isEqualTo(response.json().get("@iot.selfLink").asString());
		return response.id();
	}

	static Api.Response ok(Api.Response response) {
		assertThat(response.status()).as("%s", response).isEqualTo(200);
		return response;
	}

	/** The {@code @iot.id}s of a collection response, in order. */
	static List<Long> ids(Api.Response response) {
		return ids(ok(response).json().get("value"));
	}

	static List<Long> ids(JsonNode array) {
		List<Long> ids = new ArrayList<>();
		array.forEach(entity -> ids.add(entity.get("@iot.id").asLong()));
		return ids;
	}

	/** One member of every entity of a collection response, as text, in order. */
	static List<String> strings(Api.Response response, String member) {
		List<String> values = new ArrayList<>();
		ok(response).json().get("value").forEach(entity -> values.add(text(entity.get(member))));
		return values;
	}

	/** The results of a collection of Observations, as numbers, in order. */
	static List<Double> results(Api.Response response) {
		List<Double> values = new ArrayList<>();
		ok(response).json().get("value").forEach(entity -> values.add(entity.get("result").asDouble()));
		return values;
	}

	static String text(JsonNode node) {
		return node == null || node.isNull() ? null : node.isString() ? node.asString() : node.toString();
	}

	/** The names of the members of an object that are not annotations. */
	static List<String> propertyNames(JsonNode entity) {
		List<String> names = new ArrayList<>();
		entity.properties().forEach(member -> {
			if (!member.getKey().contains("@")) {
				names.add(member.getKey());
			}
		});
		return names;
	}

	/** The navigation properties an entity links to ({@code X@iot.navigationLink}). */
	static List<String> navigationLinks(JsonNode entity) {
		List<String> names = new ArrayList<>();
		entity.properties().forEach(member -> {
			if (member.getKey().endsWith("@iot.navigationLink")) {
				names.add(member.getKey().substring(0, member.getKey().indexOf('@')));
			}
		});
		return names;
	}

	/**
	 * Checks a problem response: the status, a JSON body with a {@code detail} for people, and
	 * never a server error.
	 */
	static JsonNode problem(Api.Response response, int status) {
		assertThat(response.status()).as("%s", response).isEqualTo(status);
		assertThat(response.header("Content-Type")).as("%s", response).contains("json");
		JsonNode body = response.json();
		assertThat(body.path("detail").isString()).as("%s", response).isTrue();
		assertThat(body.path("detail").asString()).isNotBlank();
		assertThat(body.path("status").asInt()).isEqualTo(status);
		return body;
	}

}
