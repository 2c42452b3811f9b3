package org.cabildo.sensing.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cabildo.sensing.conformance.Sta.GEOJSON;
import static org.cabildo.sensing.conformance.Sta.MEASUREMENT;
import static org.cabildo.sensing.conformance.Sta.REQ;
import static org.cabildo.sensing.conformance.Sta.V;
import static org.cabildo.sensing.conformance.Sta.arr;
import static org.cabildo.sensing.conformance.Sta.created;
import static org.cabildo.sensing.conformance.Sta.datastream;
import static org.cabildo.sensing.conformance.Sta.ids;
import static org.cabildo.sensing.conformance.Sta.location;
import static org.cabildo.sensing.conformance.Sta.navigationLinks;
import static org.cabildo.sensing.conformance.Sta.obj;
import static org.cabildo.sensing.conformance.Sta.observation;
import static org.cabildo.sensing.conformance.Sta.ok;
import static org.cabildo.sensing.conformance.Sta.problem;
import static org.cabildo.sensing.conformance.Sta.ref;
import static org.cabildo.sensing.conformance.Sta.sensor;
import static org.cabildo.sensing.conformance.Sta.strings;
import static org.cabildo.sensing.conformance.Sta.thing;
import static org.cabildo.sensing.conformance.Sta.unique;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The MultiDatastream extension (OGC 18-088, 14.4; req/multi-datastream): the entity set, its
 * navigation both ways, query options, create, update and delete, deep insert, results as
 * arrays of one value per ObservedProperty, the DataArray extension and {@code $batch}. A
 * MultiDatastream and a Datastream never see each other: an Observation belongs to one.
 * The bodies follow the standard's example of a MultiDatastream (two components, a
 * temperature and a relative humidity, each an OM_Measurement).
 */
@IntegrationTest
@DisplayName("MultiDatastream extension (OGC 18-088, 14.4)")
class MultiDatastreamConformanceTest {

	static final String COMPLEX = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_ComplexObservation";

	@LocalServerPort
	int port;

	private Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	/** The units of the standard's example, in the order of its ObservedProperties. */
	static List<Object> units() {
		return arr(obj("name", "degree Celsius", "symbol", "°C", "definition", "http://unitsofmeasure.org/ucum.html#para-30"),
				obj("name", "percentage", "symbol", "%", "definition", "http://unitsofmeasure.org/ucum.html#para-29"));
	}

	/** A MultiDatastream with new Sensor and two new ObservedProperties inline; the Thing is added by the caller. */
	static Map<String, Object> multiDatastream(String name) {
		return obj("name", name, "description", "temperature and humidity in " + name, "unitOfMeasurements", units(),
				"observationType", COMPLEX, "multiObservationDataTypes", arr(MEASUREMENT, MEASUREMENT), "Sensor",
				sensor(name + "-sensor"), "ObservedProperties",
				arr(obj("name", name + "-temperature", "definition", "http://example.org/def/temperature", "description",
						"air temperature"),
						obj("name", name + "-humidity", "definition", "http://example.org/def/humidity", "description",
								"relative humidity")));
	}

	/** A Thing at a Location with one Datastream and one MultiDatastream holding two Observations. */
	private record Station(long thing, long datastream, long multi, List<Long> observations) {
	}

	private Station station() {
		String name = unique("multi");
		Map<String, Object> thing = thing(name);
		thing.put("Locations", arr(location(name + "-loc", 10, 20)));
		thing.put("Datastreams", arr(datastream(name + "-single")));
		Map<String, Object> multi = multiDatastream(name);
		multi.put("Observations", arr(observation("2024-05-01T10:00:00Z", arr(21.5, 40)),
				observation("2024-05-01T11:00:00Z", arr(23.0, 35))));
		thing.put("MultiDatastreams", arr(multi));
		long id = created(api.post(V + "/Things", thing));
		long datastream = ids(api.get(V + "/Things(" + id + ")/Datastreams")).get(0);
		long multiId = ids(api.get(V + "/Things(" + id + ")/MultiDatastreams")).get(0);
		List<Long> observations = ids(api.get(V + "/MultiDatastreams(" + multiId + ")/Observations", "$orderby",
				"phenomenonTime"));
		return new Station(id, datastream, multiId, observations);
	}

	@Test
	@DisplayName("the service roots list MultiDatastreams and v1.1 declares req/multi-datastream")
	void declared() {
		JsonNode root = ok(api.get(V)).json();
		assertThat(root.get("value").toString()).contains(api.base() + V + "/MultiDatastreams");
		assertThat(root.get("serverSettings").get("conformance").toString()).contains(REQ + "multi-datastream");
		assertThat(ok(api.get("/v1.0")).json().get("value").toString()).contains("/v1.0/MultiDatastreams");
	}

	@Test
	@DisplayName("deep insert of a Thing with a MultiDatastream and its Observations; the entity as the standard shows it")
	void deepInsertAndEntity() {
		Station station = station();
		JsonNode multi = ok(api.get(V + "/MultiDatastreams(" + station.multi() + ")")).json();
		assertThat(multi.get("observationType").asString()).isEqualTo(COMPLEX);
		assertThat(multi.get("unitOfMeasurements")).hasSize(2);
		assertThat(multi.get("unitOfMeasurements").get(1).get("symbol").asString()).isEqualTo("%");
		assertThat(multi.get("multiObservationDataTypes").get(0).asString()).isEqualTo(MEASUREMENT);
		assertThat(multi.get("phenomenonTime").asString()).isEqualTo("2024-05-01T10:00:00Z/2024-05-01T11:00:00Z");
		assertThat(navigationLinks(multi)).containsExactlyInAnyOrder("Thing", "Sensor", "ObservedProperties",
				"Observations");
		assertThat(multi.has("unitOfMeasurement")).isFalse();
		JsonNode observation = ok(api.get(V + "/Observations(" + station.observations().get(0) + ")")).json();
		assertThat(observation.get("result").toString().replace(" ", "")).isEqualTo("[21.5,40]");
		assertThat(navigationLinks(observation)).contains("MultiDatastream", "FeatureOfInterest");
		// The same under v1.0, as the reference server serves it.
		assertThat(ok(api.get("/v1.0/MultiDatastreams(" + station.multi() + ")/Observations")).json().get("value"))
			.hasSize(2);
	}

	@Test
	@DisplayName("navigation both ways; the ObservedProperties in the order of the result's values")
	void navigation() {
		Station station = station();
		String self = V + "/MultiDatastreams(" + station.multi() + ")";
		List<String> names = strings(api.get(self + "/ObservedProperties"), "name");
		assertThat(names).hasSize(2);
		assertThat(names.get(0)).endsWith("-temperature");
		assertThat(names.get(1)).endsWith("-humidity");
		long humidity = ids(api.get(self + "/ObservedProperties")).get(1);
		assertThat(ids(api.get(V + "/ObservedProperties(" + humidity + ")/MultiDatastreams")))
			.containsExactly(station.multi());
		long thing = ok(api.get(self + "/Thing")).json().get("@iot.id").asLong();
		assertThat(thing).isEqualTo(station.thing());
		long sensorId = ok(api.get(self + "/Sensor")).json().get("@iot.id").asLong();
		assertThat(ids(api.get(V + "/Sensors(" + sensorId + ")/MultiDatastreams"))).containsExactly(station.multi());
		assertThat(ids(api.get(V + "/Sensors(" + sensorId + ")/Datastreams"))).isEmpty();
		long observation = station.observations().get(0);
		assertThat(ok(api.get(V + "/Observations(" + observation + ")/MultiDatastream")).json().get("@iot.id")
			.asLong()).isEqualTo(station.multi());
		assertThat(ok(api.get(self + "/ObservedProperties(" + humidity + ")")).json().get("@iot.id").asLong())
			.isEqualTo(humidity);
		assertThat(ok(api.get(self + "/Thing/MultiDatastreams")).json().get("value")).hasSize(1);
	}

	@Test
	@DisplayName("a Datastream is never a MultiDatastream, nor the other way round, on any read path")
	void theTwoNeverMix() {
		Station station = station();
		long observation = station.observations().get(0);
		problem(api.get(V + "/Datastreams(" + station.multi() + ")"), 404);
		problem(api.get(V + "/MultiDatastreams(" + station.datastream() + ")"), 404);
		problem(api.get(V + "/Datastreams(" + station.multi() + ")/Observations"), 404);
		problem(api.get(V + "/Observations(" + observation + ")/Datastream"), 404);
		problem(api.get(V + "/Observations(" + observation + ")/Datastream/Thing"), 404);
		assertThat(ids(api.get(V + "/Things(" + station.thing() + ")/Datastreams"))).containsExactly(station.datastream());
		assertThat(ids(api.get(V + "/Things(" + station.thing() + ")/MultiDatastreams"))).containsExactly(station.multi());
		assertThat(ids(api.get(V + "/Datastreams", "$filter", "id eq " + station.multi()))).isEmpty();
		JsonNode expanded = ok(api.get(V + "/Observations(" + observation + ")", "$expand", "Datastream,MultiDatastream"))
			.json();
		assertThat(expanded.get("Datastream").isNull()).as("%s", expanded).isTrue();
		assertThat(expanded.get("MultiDatastream").get("@iot.id").asLong()).isEqualTo(station.multi());
		String name = ok(api.get(V + "/MultiDatastreams(" + station.multi() + ")")).json().get("name").asString();
		assertThat(ids(api.get(V + "/Observations", "$filter", "Datastream/name eq '" + name + "'"))).isEmpty();
		assertThat(ids(api.get(V + "/Observations", "$filter", "MultiDatastream/name eq '" + name + "'")))
			.containsExactlyInAnyOrderElementsOf(station.observations());
		assertThat(ids(api.get(V + "/Things", "$filter", "Datastreams/name eq '" + name + "'"))).isEmpty();
		assertThat(ids(api.get(V + "/Things", "$filter", "MultiDatastreams/name eq '" + name + "'")))
			.containsExactly(station.thing());
		JsonNode thing = ok(api.get(V + "/Things(" + station.thing() + ")", "$expand",
				"Datastreams($select=id),MultiDatastreams($select=id)")).json();
		assertThat(ids(thing.get("Datastreams"))).containsExactly(station.datastream());
		assertThat(ids(thing.get("MultiDatastreams"))).containsExactly(station.multi());
		assertThat(ok(api.get(V + "/Datastreams", "$count", "true", "$top", "0", "$filter", "id eq " + station.multi()))
			.json().get("@iot.count").asLong()).isZero();
	}

	@Test
	@DisplayName("$filter, $orderby, $select, $expand, $count, $top and $skip on MultiDatastreams and their Observations")
	void queryOptions() {
		Station station = station();
		String name = ok(api.get(V + "/MultiDatastreams(" + station.multi() + ")")).json().get("name").asString();
		Api.Response filtered = api.get(V + "/MultiDatastreams", "$filter", "name eq '" + name + "'", "$count", "true",
				"$select", "name,unitOfMeasurements", "$expand", "ObservedProperties($select=name),Observations($top=1;$orderby=phenomenonTime desc)");
		JsonNode one = ok(filtered).json();
		assertThat(one.get("@iot.count").asLong()).isEqualTo(1);
		JsonNode entity = one.get("value").get(0);
		assertThat(Sta.propertyNames(entity)).containsExactlyInAnyOrder("name", "unitOfMeasurements",
				"ObservedProperties", "Observations");
		assertThat(entity.get("ObservedProperties").get(0).get("name").asString()).endsWith("-temperature");
		assertThat(entity.get("Observations")).hasSize(1);
		assertThat(entity.get("Observations").get(0).get("phenomenonTime").asString()).isEqualTo("2024-05-01T11:00:00Z");
		String observations = V + "/MultiDatastreams(" + station.multi() + ")/Observations";
		assertThat(ids(api.get(observations, "$orderby", "phenomenonTime desc", "$top", "1", "$skip", "1")))
			.containsExactly(station.observations().get(0));
		assertThat(ok(api.get(observations, "$count", "true", "$top", "0")).json().get("@iot.count").asLong())
			.isEqualTo(2);
		// A value of the result, by its place: the humidity of the second reading.
		assertThat(ids(api.get(observations, "$filter", "result[1] eq 35"))).containsExactly(station.observations().get(1));
		assertThat(ids(api.get(observations, "$filter", "result[0] gt 22", "$orderby", "result[1] desc")))
			.containsExactly(station.observations().get(1));
		assertThat(ids(api.get(V + "/MultiDatastreams", "$filter", "ObservedProperties/name eq '" + name
				+ "-humidity'"))).containsExactly(station.multi());
		assertThat(ids(api.get(V + "/MultiDatastreams", "$filter", "Thing/id eq " + station.thing())))
			.containsExactly(station.multi());
		assertThat(ids(api.get(V + "/MultiDatastreams", "$filter", "name eq '" + name + "'", "$orderby",
				"phenomenonTime desc"))).containsExactly(station.multi());
		assertThat(ids(api.get(V + "/ObservedProperties", "$filter", "MultiDatastreams/name eq '" + name + "'")))
			.hasSize(2);
		JsonNode observation = ok(api.get(V + "/Observations(" + station.observations().get(1) + ")", "$expand",
				"MultiDatastream($select=name;$expand=ObservedProperties($select=name))")).json();
		assertThat(observation.get("MultiDatastream").get("ObservedProperties")).hasSize(2);
	}

	@Test
	@DisplayName("properties and $value of a MultiDatastream")
	void properties() {
		Station station = station();
		String self = V + "/MultiDatastreams(" + station.multi() + ")";
		assertThat(ok(api.get(self + "/observationType")).json().get("observationType").asString()).isEqualTo(COMPLEX);
		assertThat(ok(api.get(self + "/observationType/$value")).body()).isEqualTo(COMPLEX);
		assertThat(ok(api.get(self + "/unitOfMeasurements")).json().get("unitOfMeasurements")).hasSize(2);
		assertThat(ok(api.get(self + "/unitOfMeasurements/1/symbol/$value")).body()).isEqualTo("%");
		assertThat(ok(api.get(self + "/name/$value")).body()).startsWith("multi-");
		assertThat(Api.json(ok(api.get(self + "/unitOfMeasurements/$value")).body())).as("the JSON array itself")
			.hasSize(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "21.5", "[21.5]", "[21.5, 40, 3]", "{\"t\": 21.5, \"h\": 40}", "null", "\"warm\"" })
	@DisplayName("a result that is not an array of one value per ObservedProperty is a 400 that says so, on every way in")
	void aResultOfAnotherShapeIsRefused(String result) {
		Station station = station();
		JsonNode value = Api.json(result);
		Map<String, Object> body = obj("phenomenonTime", "2024-05-02T10:00:00Z", "result", value);
		JsonNode refused = problem(api.post(V + "/MultiDatastreams(" + station.multi() + ")/Observations", body), 400);
		assertThat(refused.get("detail").asString()).contains("JSON array of 2 values, one per ObservedProperty");
		assertThat(refused.get("pointer").asString()).isEqualTo("/result");
		Map<String, Object> linked = obj("phenomenonTime", "2024-05-02T10:00:00Z", "result", value, "MultiDatastream",
				ref(station.multi()));
		problem(api.post(V + "/Observations", linked), 400);
		Map<String, Object> inline = obj("phenomenonTime", "2024-05-02T10:00:00Z", "result", value, "MultiDatastream",
				ref(station.multi()), "FeatureOfInterest", obj("name", "here", "description", "a corner",
						"encodingType", GEOJSON, "feature", Sta.point(1, 2)));
		assertThat(problem(api.post(V + "/Observations", inline), 400).get("detail").asString())
			.contains("one per ObservedProperty");
		Api.Response array = api.post(V + "/CreateObservations?reasons=true", arr(obj("MultiDatastream",
				ref(station.multi()), "components", arr("phenomenonTime", "result"), "dataArray",
				arr(arr("2024-05-02T10:00:00Z", value)))));
		assertThat(array.status()).isEqualTo(201);
		assertThat(array.json().get(0).get("error").asString()).contains("one per ObservedProperty");
		assertThat(ok(api.get(V + "/MultiDatastreams(" + station.multi() + ")/Observations", "$count", "true"))
			.json().get("@iot.count").asLong()).isEqualTo(2);
		// A change that would give a stored Observation another shape is refused as well.
		long observation = station.observations().get(0);
		problem(api.patch(V + "/Observations(" + observation + ")", obj("result", value)), 400);
		assertThat(ok(api.get(V + "/Observations(" + observation + ")/result")).json().get("result")).hasSize(2);
	}

	@Test
	@DisplayName("an Observation belongs to a Datastream or a MultiDatastream, never both, and each takes its own")
	void anObservationBelongsToOne() {
		Station station = station();
		Map<String, Object> both = obj("result", arr(1, 2), "Datastream", ref(station.datastream()), "MultiDatastream",
				ref(station.multi()));
		assertThat(problem(api.post(V + "/Observations", both), 400).get("detail").asString()).contains("not both");
		problem(api.post(V + "/Observations", obj("result", arr(1, 2), "Datastream", ref(station.multi()))), 400);
		problem(api.post(V + "/Observations", obj("result", 1, "MultiDatastream", ref(station.datastream()))), 400);
		problem(api.post(V + "/Datastreams(" + station.multi() + ")/Observations", obj("result", arr(1, 2))), 404);
		problem(api.post(V + "/MultiDatastreams(" + station.multi() + ")/Observations",
				obj("result", arr(1, 2), "Datastream", ref(station.datastream()))), 400);
		long linked = created(api.post(V + "/Observations", obj("phenomenonTime", "2024-05-03T00:00:00Z", "result",
				arr(24.5, 30), "MultiDatastream", ref(station.multi()))));
		assertThat(ok(api.get(V + "/Observations(" + linked + ")/MultiDatastream")).json().get("@iot.id").asLong())
			.isEqualTo(station.multi());
		assertThat(problem(api.patch(V + "/Observations(" + linked + ")", obj("MultiDatastream",
				ref(station.datastream()))), 400).get("detail").asString()).contains("does not exist");
	}

	@Test
	@DisplayName("create with Sensor and ObservedProperties linked or inline; units, types and ObservedProperties must match one for one")
	void createRules() {
		Station station = station();
		List<Long> properties = ids(api.get(V + "/MultiDatastreams(" + station.multi() + ")/ObservedProperties"));
		long sensorId = ok(api.get(V + "/MultiDatastreams(" + station.multi() + ")/Sensor")).json().get("@iot.id").asLong();
		Map<String, Object> reversed = obj("name", unique("reversed"), "description", "the same, the other way round",
				"unitOfMeasurements", arr(units().get(1), units().get(0)), "multiObservationDataTypes",
				arr(MEASUREMENT, MEASUREMENT), "Thing", ref(station.thing()), "Sensor", ref(sensorId),
				"ObservedProperties", arr(ref(properties.get(1)), ref(properties.get(0))), "Observations",
				arr(observation("2024-05-01T12:00:00Z", arr(40, 21.5))));
		long multi = created(api.post(V + "/MultiDatastreams", reversed));
		assertThat(ids(api.get(V + "/MultiDatastreams(" + multi + ")/ObservedProperties")))
			.containsExactly(properties.get(1), properties.get(0));
		assertThat(ok(api.get(V + "/MultiDatastreams(" + multi + ")")).json().get("observationType").asString())
			.as("filled in when left out").isEqualTo(COMPLEX);

		Map<String, Object> short1 = multiDatastream(unique("short"));
		short1.put("Thing", ref(station.thing()));
		short1.put("unitOfMeasurements", arr(units().get(0)));
		assertThat(problem(api.post(V + "/MultiDatastreams", short1), 400).get("detail").asString())
			.contains("as many unitOfMeasurements as ObservedProperties");
		Map<String, Object> types = multiDatastream(unique("types"));
		types.put("Thing", ref(station.thing()));
		types.put("multiObservationDataTypes", arr(MEASUREMENT));
		assertThat(problem(api.post(V + "/MultiDatastreams", types), 400).get("pointer").asString())
			.isEqualTo("/multiObservationDataTypes");
		Map<String, Object> none = multiDatastream(unique("none"));
		none.put("Thing", ref(station.thing()));
		none.remove("ObservedProperties");
		problem(api.post(V + "/MultiDatastreams", none), 400);
		Map<String, Object> twice = multiDatastream(unique("twice"));
		twice.put("Thing", ref(station.thing()));
		twice.put("ObservedProperties", arr(ref(properties.get(0)), ref(properties.get(0))));
		problem(api.post(V + "/MultiDatastreams", twice), 400);
		Map<String, Object> simple = multiDatastream(unique("simple"));
		simple.put("Thing", ref(station.thing()));
		simple.put("observationType", MEASUREMENT);
		assertThat(problem(api.post(V + "/MultiDatastreams", simple), 400).get("pointer").asString())
			.isEqualTo("/observationType");
		Map<String, Object> notArray = multiDatastream(unique("object"));
		notArray.put("Thing", ref(station.thing()));
		notArray.put("unitOfMeasurements", units().get(0));
		problem(api.post(V + "/MultiDatastreams", notArray), 400);
		Map<String, Object> noThing = multiDatastream(unique("nothing"));
		assertThat(problem(api.post(V + "/MultiDatastreams", noThing), 400).get("detail").asString()).contains("Thing");
		assertThat(ids(api.get(V + "/Things(" + station.thing() + ")/MultiDatastreams"))).hasSize(2);
	}

	@Test
	@DisplayName("PATCH and PUT keep the shape; ObservedProperties are not added later")
	void updates() {
		Station station = station();
		String self = V + "/MultiDatastreams(" + station.multi() + ")";
		ok(api.patch(self, obj("description", "patched", "properties", obj("room", "kitchen"))));
		assertThat(ok(api.get(self)).json().get("description").asString()).isEqualTo("patched");
		assertThat(problem(api.patch(self, obj("unitOfMeasurements", arr(units().get(0)))), 400).get("detail")
			.asString()).contains("as many unitOfMeasurements");
		problem(api.patch(self, obj("observationType", MEASUREMENT)), 400);
		long other = created(api.post(V + "/ObservedProperties", Sta.observedProperty(unique("third"))));
		problem(api.patch(self, obj("ObservedProperties", arr(ref(other)))), 400);
		problem(api.post(self + "/ObservedProperties", Sta.observedProperty(unique("fourth"))), 400);
		problem(api.patch(V + "/ObservedProperties(" + other + ")", obj("MultiDatastreams", arr(ref(station.multi())))),
				400);
		assertThat(ids(api.get(self + "/ObservedProperties"))).hasSize(2);
		Map<String, Object> replaced = obj("name", "replaced", "description", "put", "unitOfMeasurements",
				arr(units().get(1), units().get(1)), "multiObservationDataTypes", arr(MEASUREMENT, MEASUREMENT));
		ok(api.put(self, replaced));
		JsonNode put = ok(api.get(self)).json();
		assertThat(put.get("name").asString()).isEqualTo("replaced");
		assertThat(put.get("observationType").asString()).isEqualTo(COMPLEX);
		assertThat(put.has("properties")).isFalse();
		ok(api.patch(V + "/Observations(" + station.observations().get(0) + ")", obj("result", arr(1, 2))));
	}

	@Test
	@DisplayName("DELETE of a MultiDatastream takes its Observations; of one of its ObservedProperties, the MultiDatastream")
	void deletes() {
		Station station = station();
		ok(api.delete(V + "/MultiDatastreams(" + station.multi() + ")"));
		problem(api.get(V + "/MultiDatastreams(" + station.multi() + ")"), 404);
		problem(api.get(V + "/Observations(" + station.observations().get(0) + ")"), 404);
		ok(api.get(V + "/Datastreams(" + station.datastream() + ")"));

		Station second = station();
		long property = ids(api.get(V + "/MultiDatastreams(" + second.multi() + ")/ObservedProperties")).get(1);
		ok(api.delete(V + "/ObservedProperties(" + property + ")"));
		problem(api.get(V + "/MultiDatastreams(" + second.multi() + ")"), 404);
		problem(api.get(V + "/Observations(" + second.observations().get(1) + ")"), 404);

		Station third = station();
		ok(api.delete(V + "/Things(" + third.thing() + ")"));
		problem(api.get(V + "/MultiDatastreams(" + third.multi() + ")"), 404);
	}

	@Test
	@DisplayName("DataArray: created into a MultiDatastream and read back grouped by it")
	void dataArray() {
		Station station = station();
		Api.Response created = api.post(V + "/CreateObservations", arr(obj("MultiDatastream", ref(station.multi()),
				"components", arr("phenomenonTime", "result"), "dataArray", arr(arr("2024-05-04T10:00:00Z", arr(20, 50)),
						arr("2024-05-04T11:00:00Z", arr(19.5, 55))))));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		assertThat(created.json().get(0).asString()).contains("/Observations(");
		JsonNode read = ok(api.get(V + "/MultiDatastreams(" + station.multi() + ")/Observations", "$resultFormat",
				"dataArray", "$select", "result", "$orderby", "phenomenonTime")).json();
		JsonNode group = read.get("value").get(0);
		assertThat(group.get("MultiDatastream@iot.navigationLink").asString())
			.endsWith("/MultiDatastreams(" + station.multi() + ")");
		assertThat(group.get("dataArray")).hasSize(4);
		assertThat(group.get("dataArray").get(3).get(0).toString().replace(" ", "")).isEqualTo("[19.5,55]");
	}

	@Test
	@DisplayName("$batch creates and reads MultiDatastreams and their Observations")
	void batch() {
		Station station = station();
		Map<String, Object> multi = multiDatastream(unique("batch"));
		multi.put("Thing", ref(station.thing()));
		Api.Response batch = api.post(V + "/$batch", obj("requests", arr(
				obj("id", "m", "method", "post", "url", "MultiDatastreams", "body", multi),
				obj("id", "o", "method", "post", "url", "MultiDatastreams(" + station.multi() + ")/Observations", "body",
						observation("2024-05-05T10:00:00Z", arr(18, 60))),
				obj("id", "r", "method", "get", "url", "MultiDatastreams(" + station.multi()
						+ ")/Observations?$count=true&$top=0"))));
		assertThat(batch.status()).as("%s", batch).isEqualTo(200);
		List<Integer> statuses = new ArrayList<>();
		batch.json().get("responses").forEach(response -> statuses.add(response.get("status").asInt()));
		assertThat(statuses).as("%s", batch).containsExactly(201, 201, 200);
		assertThat(batch.json().get("responses").get(2).get("body").get("@iot.count").asLong()).isEqualTo(3);
	}

}
