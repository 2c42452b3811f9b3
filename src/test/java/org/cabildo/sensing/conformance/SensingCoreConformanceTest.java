package org.cabildo.sensing.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cabildo.sensing.conformance.Sta.CONF;
import static org.cabildo.sensing.conformance.Sta.GEOJSON;
import static org.cabildo.sensing.conformance.Sta.MEASUREMENT;
import static org.cabildo.sensing.conformance.Sta.REQ;
import static org.cabildo.sensing.conformance.Sta.V;
import static org.cabildo.sensing.conformance.Sta.arr;
import static org.cabildo.sensing.conformance.Sta.created;
import static org.cabildo.sensing.conformance.Sta.datastream;
import static org.cabildo.sensing.conformance.Sta.feature;
import static org.cabildo.sensing.conformance.Sta.ids;
import static org.cabildo.sensing.conformance.Sta.location;
import static org.cabildo.sensing.conformance.Sta.navigationLinks;
import static org.cabildo.sensing.conformance.Sta.obj;
import static org.cabildo.sensing.conformance.Sta.observation;
import static org.cabildo.sensing.conformance.Sta.ok;
import static org.cabildo.sensing.conformance.Sta.problem;
import static org.cabildo.sensing.conformance.Sta.propertyNames;
import static org.cabildo.sensing.conformance.Sta.ref;
import static org.cabildo.sensing.conformance.Sta.thing;
import static org.cabildo.sensing.conformance.Sta.unique;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SensorThings Read (Core) tests, OGC 18-088 annex A.1: the conformance classes
 * {@code conf/datamodel/*} and {@code conf/resource-path}. Each test reads entities it made
 * itself, one of every type, related as in the standard's examples.
 */
@IntegrationTest
@DisplayName("Sensing Core (OGC 18-088 A.1): conf/datamodel/* and conf/resource-path")
class SensingCoreConformanceTest {

	private static final String PATHS = CONF + "resource-path/resource-path-to-entities";

	@LocalServerPort
	int port;

	private Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	/** One entity of every type, all related; two Observations, the second without resultTime. */
	record Graph(String name, long thing, long location, long historicalLocation, long datastream, long sensor,
			long observedProperty, long observation, long observation2, long feature) {
	}

	private Graph graph() {
		String name = unique("core");
		Map<String, Object> datastream = datastream(name + "-ds");
		Map<String, Object> first = observation("2024-03-01T10:00:00+02:00", 21.5);
		first.put("resultTime", "2024-03-01T08:00:05Z");
		first.put("validTime", "2024-03-01T08:00:00Z/2024-03-02T08:00:00Z");
		first.put("parameters", obj("battery", 0.9));
		first.put("resultQuality", obj("accuracy", 0.1));
		first.put("FeatureOfInterest", feature(name + "-foi", 4.5, 52.1));
		datastream.put("Observations", arr(first, observation("2024-03-01T09:00:00Z", 22)));
		Map<String, Object> thing = thing(name);
		thing.put("properties", obj("owner", "city", "floors", 3));
		thing.put("Locations", arr(location(name + "-loc", 4.5, 52.1)));
		thing.put("Datastreams", arr(datastream));
		long thingId = created(api.post(V + "/Things", thing));
		long locationId = single(V + "/Things(" + thingId + ")/Locations");
		long historicalLocationId = single(V + "/Things(" + thingId + ")/HistoricalLocations");
		long datastreamId = single(V + "/Things(" + thingId + ")/Datastreams");
		List<Long> observations = ids(api.get(V + "/Datastreams(" + datastreamId + ")/Observations"));
		assertThat(observations).hasSize(2);
		return new Graph(name, thingId, locationId, historicalLocationId, datastreamId,
				api.get(V + "/Datastreams(" + datastreamId + ")/Sensor").id(),
				api.get(V + "/Datastreams(" + datastreamId + ")/ObservedProperty").id(), observations.get(0),
				observations.get(1), api.get(V + "/Observations(" + observations.get(0) + ")/FeatureOfInterest").id());
	}

	private long single(String path) {
		List<Long> ids = ids(api.get(path));
		assertThat(ids).as(path).hasSize(1);
		return ids.get(0);
	}

	private JsonNode entity(String set, long id) {
		return ok(api.get(V + "/" + set + "(" + id + ")")).json();
	}

	private String selfLink(String set, long id) {
		return api.base() + V + "/" + set + "(" + id + ")";
	}

	// ---- conf/datamodel ----

	@Test
	@DisplayName(CONF + "datamodel/entity-control-information/common-control-information")
	void datamodelEntityControlInformation() {
		Graph graph = graph();
		Map<String, Long> entities = new LinkedHashMap<>();
		entities.put("Things", graph.thing());
		entities.put("Locations", graph.location());
		entities.put("HistoricalLocations", graph.historicalLocation());
		entities.put("Datastreams", graph.datastream());
		entities.put("Sensors", graph.sensor());
		entities.put("ObservedProperties", graph.observedProperty());
		entities.put("Observations", graph.observation());
		entities.put("FeaturesOfInterest", graph.feature());
		entities.forEach((set, id) -> {
			JsonNode entity = entity(set, id);
			assertControlInformation(set, id, entity);
			// The same control information on the entity where it appears in a collection.
			JsonNode inCollection = ok(api.get(V + "/" + set, "$filter", "id eq " + id)).json().get("value").get(0);
			assertControlInformation(set, id, inCollection);
		});
	}

	private void assertControlInformation(String set, long id, JsonNode entity) {
		assertThat(entity.get("@iot.id").isIntegralNumber()).as(set).isTrue();
		assertThat(entity.get("@iot.id").asLong()).isEqualTo(id);
		String self = entity.get("@iot.selfLink").asString();
		assertThat(URI.create(self).isAbsolute()).as(self).isTrue();
		assertThat(self).isEqualTo(selfLink(set, id));
		assertThat(ok(api.get(self)).json().get("@iot.id").asLong()).isEqualTo(id);
		for (String navigation : navigationLinks(entity)) {
			String link = entity.get(navigation + "@iot.navigationLink").asString();
			assertThat(link).isEqualTo(self + "/" + navigation);
			assertThat(api.get(link).status()).as(link).isEqualTo(200);
		}
	}

	@Test
	@DisplayName(CONF + "datamodel/thing/thing-valid (req/datamodel/thing/properties, req/datamodel/thing/relations)")
	void datamodelThingValid() {
		Graph graph = graph();
		JsonNode thing = entity("Things", graph.thing());
		assertThat(propertyNames(thing)).containsExactlyInAnyOrder("name", "description", "properties");
		assertThat(thing.get("name").asString()).isEqualTo(graph.name());
		assertThat(thing.get("description").asString()).isEqualTo("a thing for " + graph.name());
		assertThat(thing.get("properties").get("owner").asString()).isEqualTo("city");
		assertThat(thing.get("properties").get("floors").asInt()).isEqualTo(3);
		assertThat(navigationLinks(thing)).containsExactlyInAnyOrder("Locations", "HistoricalLocations",
				"Datastreams");
		// properties is optional (0..1): a Thing without it has no such member.
		long bare = created(api.post(V + "/Things", thing(unique("bare"))));
		assertThat(propertyNames(entity("Things", bare))).containsExactlyInAnyOrder("name", "description");
	}

	@Test
	@DisplayName(CONF + "datamodel/location/location-valid (req/datamodel/location/properties, req/datamodel/location/relations)")
	void datamodelLocationValid() {
		Graph graph = graph();
		JsonNode location = entity("Locations", graph.location());
		assertThat(propertyNames(location)).containsExactlyInAnyOrder("name", "description", "encodingType",
				"location");
		assertThat(location.get("encodingType").asString()).isEqualTo(GEOJSON);
		assertThat(location.get("location").get("type").asString()).isEqualTo("Point");
		assertThat(location.get("location").get("coordinates").get(0).asDouble()).isEqualTo(4.5);
		assertThat(location.get("location").get("coordinates").get(1).asDouble()).isEqualTo(52.1);
		assertThat(navigationLinks(location)).containsExactlyInAnyOrder("Things", "HistoricalLocations");
		// 1.1 adds properties to Location.
		Map<String, Object> withProperties = location(unique("loc"), 1, 2);
		withProperties.put("properties", obj("floor", 2));
		long id = created(api.post(V + "/Locations", withProperties));
		assertThat(entity("Locations", id).get("properties").get("floor").asInt()).isEqualTo(2);
	}

	@Test
	@DisplayName(CONF + "datamodel/historical-location/historical-location-valid (req/datamodel/historical-location/properties, req/datamodel/historical-location/relations)")
	void datamodelHistoricalLocationValid() {
		Graph graph = graph();
		JsonNode historicalLocation = entity("HistoricalLocations", graph.historicalLocation());
		assertThat(propertyNames(historicalLocation)).containsExactly("time");
		assertThat(historicalLocation.get("time").asString()).endsWith("Z");
		assertThat(navigationLinks(historicalLocation)).containsExactlyInAnyOrder("Thing", "Locations");
		assertThat(api.get(V + "/HistoricalLocations(" + graph.historicalLocation() + ")/Thing").id())
			.isEqualTo(graph.thing());
		assertThat(ids(api.get(V + "/HistoricalLocations(" + graph.historicalLocation() + ")/Locations")))
			.containsExactly(graph.location());
	}

	@Test
	@DisplayName(CONF + "datamodel/datastream/datastream-valid (req/datamodel/datastream/properties, req/datamodel/datastream/relations)")
	void datamodelDatastreamValid() {
		Graph graph = graph();
		JsonNode datastream = entity("Datastreams", graph.datastream());
		assertThat(propertyNames(datastream)).contains("name", "description", "unitOfMeasurement", "observationType")
			.doesNotContain("properties");
		JsonNode unit = datastream.get("unitOfMeasurement");
		assertThat(unit.get("name").asString()).isEqualTo("degree Celsius");
		assertThat(unit.get("symbol").asString()).isEqualTo("degC");
		assertThat(unit.get("definition").asString()).startsWith("http://unitsofmeasure.org/");
		assertThat(datastream.get("observationType").asString()).isEqualTo(MEASUREMENT);
		// Optional properties the server derives from the Observations.
		assertThat(datastream.get("phenomenonTime").asString())
			.isEqualTo("2024-03-01T08:00:00Z/2024-03-01T09:00:00Z");
		assertThat(datastream.get("resultTime").asString()).isEqualTo("2024-03-01T08:00:05Z/2024-03-01T08:00:05Z");
		assertThat(datastream.get("observedArea").isObject()).isTrue();
		assertThat(navigationLinks(datastream)).containsExactlyInAnyOrder("Thing", "Sensor", "ObservedProperty",
				"Observations");
		// A unit-less Datastream (a truth observation) keeps the object with null members.
		Map<String, Object> truth = datastream(unique("truth"));
		truth.put("unitOfMeasurement", obj("name", null, "symbol", null, "definition", null));
		truth.put("observationType", "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_TruthObservation");
		truth.put("Thing", ref(graph.thing()));
		JsonNode stored = entity("Datastreams", created(api.post(V + "/Datastreams", truth)));
		assertThat(stored.get("unitOfMeasurement").get("name").isNull()).isTrue();
		assertThat(stored.get("unitOfMeasurement").get("symbol").isNull()).isTrue();
		// Without Observations there is no time or area to tell: those optional members are left out.
		assertThat(propertyNames(stored)).containsExactlyInAnyOrder("name", "description", "unitOfMeasurement",
				"observationType");
	}

	@Test
	@DisplayName(CONF + "datamodel/sensor/sensor-valid (req/datamodel/sensor/properties, req/datamodel/sensor/relations)")
	void datamodelSensorValid() {
		Graph graph = graph();
		JsonNode sensor = entity("Sensors", graph.sensor());
		assertThat(propertyNames(sensor)).containsExactlyInAnyOrder("name", "description", "encodingType", "metadata");
		assertThat(sensor.get("encodingType").asString()).isEqualTo("application/pdf");
		assertThat(sensor.get("metadata").asString()).startsWith("http://example.org/");
		assertThat(navigationLinks(sensor)).containsExactly("Datastreams");
		// 1.1: text/html is a listed encoding, metadata may be JSON content itself, and Sensors have properties.
		long html = created(api.post(V + "/Sensors", obj("name", unique("sensor"), "description", "d", "encodingType",
				"text/html", "metadata", obj("model", "X1"), "properties", obj("serial", "42"))));
		JsonNode stored = entity("Sensors", html);
		assertThat(stored.get("metadata").get("model").asString()).isEqualTo("X1");
		assertThat(stored.get("properties").get("serial").asString()).isEqualTo("42");
	}

	@Test
	@DisplayName(CONF + "datamodel/observed-property/observed-property-valid (req/datamodel/observed-property/properties, req/datamodel/observed-property/relations)")
	void datamodelObservedPropertyValid() {
		Graph graph = graph();
		JsonNode property = entity("ObservedProperties", graph.observedProperty());
		assertThat(propertyNames(property)).containsExactlyInAnyOrder("name", "definition", "description");
		assertThat(property.get("definition").asString()).isEqualTo("http://example.org/def/" + graph.name()
				+ "-ds-property");
		assertThat(navigationLinks(property)).containsExactly("Datastreams");
	}

	@Test
	@DisplayName(CONF + "datamodel/observation/observation-valid (req/datamodel/observation/properties, req/datamodel/observation/relations)")
	void datamodelObservationValid() {
		Graph graph = graph();
		JsonNode full = entity("Observations", graph.observation());
		assertThat(propertyNames(full)).containsExactlyInAnyOrder("phenomenonTime", "result", "resultTime",
				"resultQuality", "validTime", "parameters");
		// Times come back in UTC, with Z.
		assertThat(full.get("phenomenonTime").asString()).isEqualTo("2024-03-01T08:00:00Z");
		assertThat(full.get("resultTime").asString()).isEqualTo("2024-03-01T08:00:05Z");
		assertThat(full.get("validTime").asString()).isEqualTo("2024-03-01T08:00:00Z/2024-03-02T08:00:00Z");
		assertThat(full.get("result").asDouble()).isEqualTo(21.5);
		assertThat(full.get("parameters").get("battery").asDouble()).isEqualTo(0.9);
		assertThat(full.get("resultQuality").get("accuracy").asDouble()).isEqualTo(0.1);
		assertThat(navigationLinks(full)).containsExactlyInAnyOrder("Datastream", "FeatureOfInterest");
		// resultTime is mandatory but may be unknown: it is always there, null when unknown.
		JsonNode minimal = entity("Observations", graph.observation2());
		assertThat(propertyNames(minimal)).containsExactlyInAnyOrder("phenomenonTime", "result", "resultTime");
		assertThat(minimal.get("resultTime").isNull()).isTrue();
		assertThat(minimal.get("result").isIntegralNumber()).isTrue();
		assertThat(minimal.get("result").asInt()).isEqualTo(22);
	}

	@Test
	@DisplayName(CONF + "datamodel/observation/observation-valid: result is Any")
	void datamodelObservationResultIsAny() {
		Graph graph = graph();
		// Results of any kind (req/datamodel/observation: result is Any) in an OM_Observation stream:
		// an OM_Measurement stream refuses what is not a number.
		ok(api.patch(V + "/Datastreams(" + graph.datastream() + ")", obj("observationType",
				"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Observation")));
		List<Object> results = arr("text", true, obj("a", 1, "b", arr(1, 2)), arr(1, "two"), 12345678901234L, -0.5);
		// Each at its own time: another result at a stored time would correct that Observation (issue 15).
		for (int i = 0; i < results.size(); i++) {
			Object result = results.get(i);
			Map<String, Object> body = observation("2024-03-02T0" + i + ":00:00Z", result);
			body.put("Datastream", ref(graph.datastream()));
			JsonNode stored = entity("Observations", created(api.post(V + "/Observations", body)));
			assertThat(stored.get("result")).as("%s", result)
				.isEqualTo(Api.json(JsonMapper.shared().writeValueAsString(result)));
		}
	}

	@Test
	@DisplayName(CONF + "datamodel/feature-of-interest/feature-of-interest-valid (req/datamodel/feature-of-interest/properties, req/datamodel/feature-of-interest/relations)")
	void datamodelFeatureOfInterestValid() {
		Graph graph = graph();
		JsonNode feature = entity("FeaturesOfInterest", graph.feature());
		assertThat(propertyNames(feature)).containsExactlyInAnyOrder("name", "description", "encodingType", "feature");
		assertThat(feature.get("encodingType").asString()).isEqualTo(GEOJSON);
		assertThat(feature.get("feature").get("type").asString()).isEqualTo("Point");
		assertThat(navigationLinks(feature)).containsExactly("Observations");
		assertThat(ids(api.get(V + "/FeaturesOfInterest(" + graph.feature() + ")/Observations")))
			.contains(graph.observation());
	}

	// ---- conf/resource-path ----

	@Test
	@DisplayName(PATHS + " — usage 1: the service root lists every entity set and the conformance")
	void resourcePathServiceRoot() {
		JsonNode root = ok(api.get(V)).json();
		List<String> names = new ArrayList<>();
		root.get("value").forEach(set -> {
			names.add(set.get("name").asString());
			assertThat(set.get("url").asString()).isEqualTo(api.base() + V + "/" + set.get("name").asString());
			JsonNode collection = ok(api.get(set.get("url").asString(), "$top", "1")).json();
			assertThat(collection.get("value").isArray()).isTrue();
		});
		// and the MultiDatastreams of the MultiDatastream extension (OGC 18-088, 14.4)
		assertThat(names).containsExactlyInAnyOrder("Things", "Locations", "HistoricalLocations", "Datastreams",
				"Sensors", "ObservedProperties", "Observations", "FeaturesOfInterest", "MultiDatastreams");
		List<String> conformance = new ArrayList<>();
		root.get("serverSettings").get("conformance").forEach(uri -> conformance.add(uri.asString()));
		assertThat(conformance).contains(REQ + "datamodel", REQ + "resource-path/resource-path-to-entities",
				REQ + "request-data", REQ + "create-update-delete");
		// The same with a trailing slash.
		assertThat(ok(api.get(V + "/")).json().get("value").size()).isEqualTo(9);
		// Version 1.0 has no serverSettings.
		JsonNode root10 = ok(api.get("/v1.0")).json();
		assertThat(root10.get("value").size()).isEqualTo(9);
		assertThat(root10.has("serverSettings")).isFalse();
		assertThat(root10.get("value").get(0).get("url").asString()).startsWith(api.base() + "/v1.0/");
	}

	@Test
	@DisplayName(PATHS + " — usage 2: a collection of entities")
	void resourcePathCollection() {
		Graph graph = graph();
		Api.Response response = ok(api.get(V + "/Things", "$filter", "name eq '" + graph.name() + "'"));
		JsonNode body = response.json();
		assertThat(ids(body.get("value"))).containsExactly(graph.thing());
		assertThat(body.has("@iot.count")).as("no count unless asked").isFalse();
		assertThat(body.has("@iot.nextLink")).isFalse();
		assertThat(response.header("Content-Type")).startsWith("application/json");
		// An empty collection is an empty array.
		long lonely = created(api.post(V + "/Things", thing(unique("lonely"))));
		JsonNode empty = ok(api.get(V + "/Things(" + lonely + ")/Datastreams")).json();
		assertThat(empty.get("value").isArray()).isTrue();
		assertThat(empty.get("value").size()).isZero();
		assertThat(empty.has("@iot.nextLink")).isFalse();
		// Every entity set answers as a collection.
		for (String set : List.of("Things", "Locations", "HistoricalLocations", "Datastreams", "Sensors",
				"ObservedProperties", "Observations", "FeaturesOfInterest")) {
			assertThat(ok(api.get(V + "/" + set)).json().get("value").isArray()).as(set).isTrue();
		}
	}

	@Test
	@DisplayName(PATHS + " — usage 3: one entity by id")
	void resourcePathEntity() {
		Graph graph = graph();
		JsonNode thing = entity("Things", graph.thing());
		assertThat(thing.get("@iot.id").asLong()).isEqualTo(graph.thing());
		assertThat(thing.get("name").asString()).isEqualTo(graph.name());
		assertThat(thing.has("value")).isFalse();
		assertThat(entity("Observations", graph.observation()).get("result").asDouble()).isEqualTo(21.5);
	}

	@Test
	@DisplayName(PATHS + " — usage 4: a property of an entity, and members of complex properties")
	void resourcePathProperty() {
		Graph graph = graph();
		assertThat(ok(api.get(V + "/Things(" + graph.thing() + ")/name")).json())
			.isEqualTo(Api.json("{\"name\":\"" + graph.name() + "\"}"));
		assertThat(ok(api.get(V + "/Things(" + graph.thing() + ")/properties")).json().get("properties")
			.get("owner").asString()).isEqualTo("city");
		assertThat(ok(api.get(V + "/Things(" + graph.thing() + ")/properties/owner")).json())
			.isEqualTo(Api.json("{\"owner\":\"city\"}"));
		assertThat(ok(api.get(V + "/Datastreams(" + graph.datastream() + ")/unitOfMeasurement/name")).json())
			.isEqualTo(Api.json("{\"name\":\"degree Celsius\"}"));
		assertThat(ok(api.get(V + "/Observations(" + graph.observation() + ")/phenomenonTime")).json())
			.isEqualTo(Api.json("{\"phenomenonTime\":\"2024-03-01T08:00:00Z\"}"));
		assertThat(ok(api.get(V + "/Observations(" + graph.observation() + ")/result")).json().get("result")
			.asDouble()).isEqualTo(21.5);
		assertThat(ok(api.get(V + "/Locations(" + graph.location() + ")/location")).json().get("location")
			.get("type").asString()).isEqualTo("Point");
		assertThat(ok(api.get(V + "/Things(" + graph.thing() + ")/id")).json().get("id").asLong())
			.isEqualTo(graph.thing());
		// A property that is null is answered as itself, as the test suite (ets-sta10) asks.
		assertThat(ok(api.get(V + "/Observations(" + graph.observation2() + ")/resultTime")).json())
			.isEqualTo(Api.json("{\"resultTime\":null}"));
	}

	@Test
	@DisplayName(PATHS + " — usage 4: a property without a value is {\"name\": null}, its $value 200 with an empty body")
	void resourcePathNullProperties() {
		String name = unique("empty");
		Map<String, Object> datastream = datastream(name + "-ds");
		Map<String, Object> thing = thing(name);
		thing.put("properties", obj("gone", null, "here", 1));
		thing.put("Locations", arr(location(name + "-at", 3, 4)));
		thing.put("Datastreams", arr(datastream));
		long thingId = created(api.post(V + "/Things", thing));
		long datastreamId = single(V + "/Things(" + thingId + ")/Datastreams");
		long sensor = api.get(V + "/Datastreams(" + datastreamId + ")/Sensor").id();
		long observedProperty = api.get(V + "/Datastreams(" + datastreamId + ")/ObservedProperty").id();
		long observation = created(api.post(V + "/Datastreams(" + datastreamId + ")/Observations",
				observation("2024-03-01T09:00:00Z", 22)));
		long location = created(api.post(V + "/Locations", location(name + "-loc", 1, 2)));
		long feature = api.get(V + "/Observations(" + observation + ")/FeatureOfInterest").id();
		Map<String, List<String>> nulls = new LinkedHashMap<>();
		nulls.put("/Observations(" + observation + ")", List.of("resultTime", "validTime", "parameters",
				"resultQuality"));
		nulls.put("/Datastreams(" + datastreamId + ")", List.of("properties"));
		nulls.put("/Sensors(" + sensor + ")", List.of("properties"));
		nulls.put("/ObservedProperties(" + observedProperty + ")", List.of("properties"));
		nulls.put("/Locations(" + location + ")", List.of("properties"));
		nulls.put("/FeaturesOfInterest(" + feature + ")", List.of("properties"));
		nulls.put("/Things(" + thingId + ")/properties", List.of("gone"));
		nulls.forEach((entity, properties) -> {
			for (String property : properties) {
				String path = V + entity + "/" + property;
				assertThat(ok(api.get(path)).json()).as(path).isEqualTo(Api.json("{\"" + property + "\":null}"));
				Api.Response raw = api.get(path + "/$value");
				assertThat(raw.status()).as("%s/$value: %s", path, raw).isEqualTo(200);
				assertThat(raw.body()).isEmpty();
			}
		});
		// A Datastream without Observations has no phenomenonTime, resultTime or observedArea yet.
		long empty = created(api.post(V + "/Things(" + thingId + ")/Datastreams", obj("name", name + "-empty",
				"description", "no observations", "unitOfMeasurement", Sta.unit(), "observationType", MEASUREMENT,
				"Sensor", ref(sensor), "ObservedProperty", ref(observedProperty))));
		for (String property : List.of("phenomenonTime", "resultTime", "observedArea")) {
			String path = V + "/Datastreams(" + empty + ")/" + property;
			assertThat(ok(api.get(path)).json()).as(path).isEqualTo(Api.json("{\"" + property + "\":null}"));
		}
		// A member that is not there at all is not found.
		problem(api.get(V + "/Things(" + thingId + ")/properties/never"), 404);
	}

	@Test
	@DisplayName(PATHS + " — usage 5: the raw value of a property ($value)")
	void resourcePathRawValue() {
		Graph graph = graph();
		Api.Response name = ok(api.get(V + "/Things(" + graph.thing() + ")/name/$value"));
		assertThat(name.body()).isEqualTo(graph.name());
		assertThat(name.header("Content-Type")).startsWith("text/plain");
		assertThat(ok(api.get(V + "/Observations(" + graph.observation() + ")/result/$value")).body())
			.isEqualTo("21.5");
		assertThat(ok(api.get(V + "/Observations(" + graph.observation2() + ")/result/$value")).body())
			.isEqualTo("22");
		assertThat(ok(api.get(V + "/Observations(" + graph.observation() + ")/phenomenonTime/$value")).body())
			.isEqualTo("2024-03-01T08:00:00Z");
		// A time period is written start/end.
		assertThat(ok(api.get(V + "/Observations(" + graph.observation() + ")/validTime/$value")).body())
			.isEqualTo("2024-03-01T08:00:00Z/2024-03-02T08:00:00Z");
		assertThat(ok(api.get(V + "/Datastreams(" + graph.datastream() + ")/unitOfMeasurement/symbol/$value"))
			.body()).isEqualTo("degC");
		// Results of any kind (req/datamodel/observation: result is Any) in an OM_Observation stream:
		// an OM_Measurement stream refuses what is not a number.
		ok(api.patch(V + "/Datastreams(" + graph.datastream() + ")", obj("observationType",
				"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Observation")));
		// A JSON object or array is its own raw value, as JSON.
		Map<String, Object> result = obj("state", "open", "levels", arr(1, 2.5));
		long objectResult = created(api.post(V + "/Datastreams(" + graph.datastream() + ")/Observations",
				observation("2024-03-02T09:00:00Z", result)));
		long arrayResult = created(api.post(V + "/Datastreams(" + graph.datastream() + ")/Observations",
				observation("2024-03-02T10:00:00Z", arr(1, "two", null))));
		long jsonSensor = created(api.post(V + "/Sensors", obj("name", graph.name() + "-json-sensor", "description",
				"metadata as JSON", "encodingType", "application/json", "metadata", obj("model", "X1", "bands", arr(3, 4)))));
		Map<String, Object> expected = new LinkedHashMap<>();
		expected.put("/Locations(" + graph.location() + ")/location", Sta.point(4.5, 52.1));
		expected.put("/FeaturesOfInterest(" + graph.feature() + ")/feature", Sta.point(4.5, 52.1));
		expected.put("/Datastreams(" + graph.datastream() + ")/unitOfMeasurement", Sta.unit());
		expected.put("/Things(" + graph.thing() + ")/properties", obj("owner", "city", "floors", 3));
		expected.put("/Observations(" + graph.observation() + ")/parameters", obj("battery", 0.9));
		expected.put("/Observations(" + graph.observation() + ")/resultQuality", obj("accuracy", 0.1));
		expected.put("/Observations(" + objectResult + ")/result", result);
		expected.put("/Observations(" + arrayResult + ")/result", arr(1, "two", null));
		expected.put("/Sensors(" + jsonSensor + ")/metadata", obj("model", "X1", "bands", arr(3, 4)));
		expected.forEach((path, value) -> {
			Api.Response raw = ok(api.get(V + path + "/$value"));
			assertThat(raw.header("Content-Type")).as(path).startsWith("application/json");
			assertThat(raw.json()).as(path).isEqualTo(JsonMapper.shared().valueToTree(value));
		});
		// Simple members of those stay text.
		Api.Response member = ok(api.get(V + "/Things(" + graph.thing() + ")/properties/floors/$value"));
		assertThat(member.body()).isEqualTo("3");
		assertThat(member.header("Content-Type")).startsWith("text/plain");
	}

	@Test
	@DisplayName(PATHS + " — usage 6: navigation properties to one and to many")
	void resourcePathNavigation() {
		Graph graph = graph();
		long d = graph.datastream();
		assertThat(ok(api.get(V + "/Datastreams(" + d + ")/Thing")).id()).isEqualTo(graph.thing());
		assertThat(ok(api.get(V + "/Datastreams(" + d + ")/Sensor")).id()).isEqualTo(graph.sensor());
		assertThat(ok(api.get(V + "/Datastreams(" + d + ")/ObservedProperty")).id())
			.isEqualTo(graph.observedProperty());
		assertThat(ok(api.get(V + "/Observations(" + graph.observation() + ")/Datastream")).id()).isEqualTo(d);
		assertThat(ok(api.get(V + "/Observations(" + graph.observation() + ")/FeatureOfInterest")).id())
			.isEqualTo(graph.feature());
		assertThat(ok(api.get(V + "/HistoricalLocations(" + graph.historicalLocation() + ")/Thing")).id())
			.isEqualTo(graph.thing());
		assertThat(ids(api.get(V + "/Things(" + graph.thing() + ")/Datastreams"))).containsExactly(d);
		assertThat(ids(api.get(V + "/Things(" + graph.thing() + ")/Locations"))).containsExactly(graph.location());
		assertThat(ids(api.get(V + "/Things(" + graph.thing() + ")/HistoricalLocations")))
			.containsExactly(graph.historicalLocation());
		assertThat(ids(api.get(V + "/Locations(" + graph.location() + ")/Things"))).containsExactly(graph.thing());
		assertThat(ids(api.get(V + "/Locations(" + graph.location() + ")/HistoricalLocations")))
			.containsExactly(graph.historicalLocation());
		assertThat(ids(api.get(V + "/HistoricalLocations(" + graph.historicalLocation() + ")/Locations")))
			.containsExactly(graph.location());
		assertThat(ids(api.get(V + "/Sensors(" + graph.sensor() + ")/Datastreams"))).containsExactly(d);
		assertThat(ids(api.get(V + "/ObservedProperties(" + graph.observedProperty() + ")/Datastreams")))
			.containsExactly(d);
		assertThat(ids(api.get(V + "/Datastreams(" + d + ")/Observations"))).containsExactly(graph.observation(),
				graph.observation2());
		assertThat(ids(api.get(V + "/FeaturesOfInterest(" + graph.feature() + ")/Observations")))
			.contains(graph.observation());
	}

	@Test
	@DisplayName(PATHS + " — usage 7: links to related entities ($ref)")
	void resourcePathReferences() {
		Graph graph = graph();
		JsonNode references = ok(api.get(V + "/Datastreams(" + graph.datastream() + ")/Observations/$ref")).json();
		assertThat(references.get("value").size()).isEqualTo(2);
		assertThat(references.get("value").get(0)).isEqualTo(Api.json("{\"@iot.selfLink\":\""
				+ selfLink("Observations", graph.observation()) + "\"}"));
		assertThat(references.get("value").get(1).get("@iot.selfLink").asString())
			.isEqualTo(selfLink("Observations", graph.observation2()));
		JsonNode things = ok(api.get(V + "/Locations(" + graph.location() + ")/Things/$ref")).json();
		assertThat(things.get("value").get(0).get("@iot.selfLink").asString())
			.isEqualTo(selfLink("Things", graph.thing()));
		// $ref takes the collection's query options.
		JsonNode filtered = ok(api.get(V + "/Datastreams(" + graph.datastream() + ")/Observations/$ref", "$filter",
				"result eq 22", "$count", "true")).json();
		assertThat(filtered.get("@iot.count").asLong()).isEqualTo(1);
		assertThat(filtered.get("value").get(0).get("@iot.selfLink").asString())
			.isEqualTo(selfLink("Observations", graph.observation2()));
		// $ref of a navigation property to one entity (an interpretation: the standard shows collections only).
		assertThat(ok(api.get(V + "/Datastreams(" + graph.datastream() + ")/Thing/$ref")).json())
			.isEqualTo(Api.json("{\"@iot.selfLink\":\"" + selfLink("Things", graph.thing()) + "\"}"));
	}

	@Test
	@DisplayName(PATHS + " — usage 8: nested resource paths")
	void resourcePathNested() {
		Graph graph = graph();
		String observation = V + "/Datastreams(" + graph.datastream() + ")/Observations(" + graph.observation() + ")";
		assertThat(ok(api.get(observation)).id()).isEqualTo(graph.observation());
		assertThat(ok(api.get(observation + "/resultTime")).json())
			.isEqualTo(Api.json("{\"resultTime\":\"2024-03-01T08:00:05Z\"}"));
		assertThat(ok(api.get(observation + "/FeatureOfInterest")).id()).isEqualTo(graph.feature());
		assertThat(ok(api.get(observation + "/FeatureOfInterest/name/$value")).body())
			.isEqualTo(graph.name() + "-foi");
		assertThat(ok(api.get(V + "/Things(" + graph.thing() + ")/Datastreams(" + graph.datastream()
				+ ")/Sensor/name/$value")).body()).isEqualTo(graph.name() + "-ds-sensor");
		assertThat(ids(api.get(V + "/Things(" + graph.thing() + ")/Datastreams(" + graph.datastream()
				+ ")/Observations(" + graph.observation() + ")/FeatureOfInterest/Observations")))
			.contains(graph.observation());
		assertThat(ok(api.get(V + "/Things(" + graph.thing() + ")/Locations(" + graph.location()
				+ ")/HistoricalLocations(" + graph.historicalLocation() + ")/Thing")).id()).isEqualTo(graph.thing());
		assertThat(ok(api.get(V + "/Observations(" + graph.observation() + ")/Datastream/Thing/Locations/$ref"))
			.json()
			.get("value")
			.get(0)
			.get("@iot.selfLink")
			.asString()).isEqualTo(selfLink("Locations", graph.location()));
	}

	@Test
	@DisplayName(PATHS + " — what does not exist is 404 Not Found")
	void resourcePathNotFound() {
		Graph graph = graph();
		long missing = Long.MAX_VALUE;
		problem(api.get(V + "/Thingamajigs"), 404);
		problem(api.get(V + "/Things(" + missing + ")"), 404);
		problem(api.get(V + "/Things(" + missing + ")/Datastreams"), 404);
		problem(api.get(V + "/Things(" + missing + ")/name"), 404);
		problem(api.get(V + "/Things(" + missing + ")/name/$value"), 404);
		problem(api.get(V + "/Datastreams(" + missing + ")/Thing/$ref"), 404);
		problem(api.get(V + "/Things(" + graph.thing() + ")/colour"), 404);
		problem(api.get(V + "/Things(" + graph.thing() + ")/properties/colour"), 404);
		// An entity that exists, but not in the addressed collection.
		long other = created(api.post(V + "/Things", thing(unique("other"))));
		problem(api.get(V + "/Things(" + other + ")/Datastreams(" + graph.datastream() + ")"), 404);
		problem(api.get(V + "/Datastreams(" + graph.datastream() + ")/Observations(" + missing + ")"), 404);
		problem(api.get(V + "/Locations(" + graph.location() + ")/Things(" + other + ")/name"), 404);
		// A deleted entity.
		ok(api.delete(V + "/Things(" + other + ")"));
		problem(api.get(V + "/Things(" + other + ")"), 404);
	}

	@Test
	@DisplayName(PATHS + " — the same resources under /v1.0, without what 1.1 added")
	void resourcePathVersion10() {
		Graph graph = graph();
		JsonNode thing = ok(api.get("/v1.0/Things(" + graph.thing() + ")")).json();
		assertThat(thing.get("@iot.selfLink").asString()).isEqualTo(api.base() + "/v1.0/Things(" + graph.thing()
				+ ")");
		assertThat(thing.get("Datastreams@iot.navigationLink").asString()).startsWith(api.base() + "/v1.0/");
		assertThat(thing.get("properties").get("owner").asString()).isEqualTo("city");
		Map<String, Object> withProperties = location(unique("loc"), 1, 2);
		withProperties.put("properties", obj("floor", 2));
		long location = created(api.post(V + "/Locations", withProperties));
		assertThat(ok(api.get("/v1.0/Locations(" + location + ")")).json().has("properties")).isFalse();
		assertThat(entity("Locations", location).has("properties")).isTrue();
	}

}
