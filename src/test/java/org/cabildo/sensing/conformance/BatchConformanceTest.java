package org.cabildo.sensing.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cabildo.sensing.conformance.Sta.CONF;
import static org.cabildo.sensing.conformance.Sta.V;
import static org.cabildo.sensing.conformance.Sta.arr;
import static org.cabildo.sensing.conformance.Sta.created;
import static org.cabildo.sensing.conformance.Sta.datastream;
import static org.cabildo.sensing.conformance.Sta.ids;
import static org.cabildo.sensing.conformance.Sta.location;
import static org.cabildo.sensing.conformance.Sta.obj;
import static org.cabildo.sensing.conformance.Sta.observation;
import static org.cabildo.sensing.conformance.Sta.observedProperty;
import static org.cabildo.sensing.conformance.Sta.ok;
import static org.cabildo.sensing.conformance.Sta.problem;
import static org.cabildo.sensing.conformance.Sta.ref;
import static org.cabildo.sensing.conformance.Sta.sensor;
import static org.cabildo.sensing.conformance.Sta.thing;
import static org.cabildo.sensing.conformance.Sta.unique;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Batch request tests, OGC 18-088 annex A.4: the conformance class
 * {@code conf/batch-request} (req/batch-request/batch-request) in the JSON batch format:
 * requests run in order, an atomicity group (changeset) commits or rolls back as a whole, and
 * later requests name entities created earlier as {@code $id}.
 */
@IntegrationTest
@DisplayName("Batch requests (OGC 18-088 A.4): conf/batch-request")
class BatchConformanceTest {

	private static final String BATCH = CONF + "batch-request (req/batch-request/batch-request";

	@LocalServerPort
	int port;

	private Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@Test
	@DisplayName(BATCH + "): the service root declares the requirement class")
	void declared() {
		assertThat(ok(api.get(V)).json().get("serverSettings").get("conformance").toString())
			.contains(Sta.REQ + "batch-request/batch-request");
	}

	private static Map<String, Object> request(String id, String method, String url, Object body) {
		Map<String, Object> request = obj("id", id, "method", method, "url", url);
		if (body != null) {
			request.put("body", body);
		}
		return request;
	}

	private static Map<String, Object> inGroup(String group, Map<String, Object> request) {
		request.put("atomicityGroup", group);
		return request;
	}

	/** The responses of a batch, by request id, checked to be in the order of the requests. */
	private Map<String, JsonNode> batch(Object... requests) {
		Api.Response response = api.post(V + "/$batch", obj("requests", arr(requests)));
		assertThat(response.status()).as("%s", response).isEqualTo(200);
		JsonNode responses = response.json().get("responses");
		assertThat(responses.size()).isEqualTo(requests.length);
		Map<String, JsonNode> byId = new HashMap<>();
		for (int i = 0; i < requests.length; i++) {
			JsonNode answer = responses.get(i);
			assertThat(answer.get("id").asString()).isEqualTo(((Map<?, ?>) requests[i]).get("id"));
			byId.put(answer.get("id").asString(), answer);
		}
		return byId;
	}

	private static int status(JsonNode answer) {
		return answer.get("status").asInt();
	}

	private List<Long> named(String set, String name) {
		return ids(api.get(V + "/" + set, "$filter", "name eq '" + name + "'"));
	}

	@Test
	@DisplayName(BATCH + "): requests of every method run in order, each answered with its status, headers and body")
	void requestsRunInOrder() {
		String name = unique("batch");
		long existing = created(api.post(V + "/Things", thing(name + "-existing")));
		Map<String, JsonNode> answers = batch(request("read", "get", "Things(" + existing + ")?$select=name", null),
				request("make", "post", "Things", thing(name + "-new")),
				request("change", "patch", "/v1.1/Things(" + existing + ")", obj("description", "changed")),
				request("again", "GET", api.base() + V + "/Things?$filter=name%20eq%20'" + name + "-new'", null),
				request("missing", "get", "Things(" + Long.MAX_VALUE + ")", null),
				request("value", "get", "Things(" + existing + ")/name/$value", null),
				request("remove", "delete", "Things(" + existing + ")", null));
		assertThat(status(answers.get("read"))).isEqualTo(200);
		assertThat(answers.get("read").get("body").get("name").asString()).isEqualTo(name + "-existing");
		JsonNode made = answers.get("make");
		assertThat(status(made)).isEqualTo(201);
		long id = made.get("body").get("@iot.id").asLong();
		assertThat(made.get("headers").get("location").asString()).isEqualTo(api.base() + V + "/Things(" + id + ")");
		assertThat(status(answers.get("change"))).isEqualTo(200);
		assertThat(answers.get("change").get("body").get("description").asString()).isEqualTo("changed");
		assertThat(ids(answers.get("again").get("body").get("value"))).containsExactly(id);
		assertThat(status(answers.get("missing"))).isEqualTo(404);
		assertThat(answers.get("missing").get("body").get("detail").asString()).contains("does not exist");
		assertThat(answers.get("value").get("body").asString()).isEqualTo(name + "-existing");
		assertThat(status(answers.get("remove"))).isEqualTo(200);
		assertThat(named("Things", name + "-new")).containsExactly(id);
		problem(api.get(V + "/Things(" + existing + ")"), 404);
	}

	@Test
	@DisplayName(BATCH + "): a changeset commits as a whole; later requests name what earlier ones created as $id")
	void changesetWithReferences() {
		String name = unique("changeset");
		Map<String, Object> thing = thing(name);
		thing.put("Locations", arr(location(name + "-loc", 1, 2)));
		Map<String, Object> datastream = datastream(name + "-ds");
		datastream.put("Thing", obj("@iot.id", "$thing"));
		datastream.put("Sensor", obj("@iot.id", "$sensor"));
		datastream.put("ObservedProperty", obj("@iot.id", "$property"));
		Map<String, JsonNode> answers = batch(inGroup("g", request("thing", "post", "Things", thing)),
				inGroup("g", request("sensor", "post", "Sensors", sensor(name + "-sensor"))),
				inGroup("g", request("property", "post", "ObservedProperties", observedProperty(name + "-property"))),
				inGroup("g", request("ds", "post", "Datastreams", datastream)),
				inGroup("g", request("first", "post", "$ds/Observations", observation("2024-01-01T00:00:00Z", 1))),
				inGroup("g", request("again", "post", "$ds/Observations", observation("2024-01-01T00:00:00Z", 1))),
				request("after", "get", "$ds/Observations", null));
		answers.values().forEach(answer -> assertThat(status(answer)).as("%s", answer).isBetween(200, 201));
		assertThat(answers.get("thing").get("atomicityGroup").asString()).isEqualTo("g");
		long datastreamId = answers.get("ds").get("body").get("@iot.id").asLong();
		assertThat(ok(api.get(V + "/Datastreams(" + datastreamId + ")/Thing")).id())
			.isEqualTo(answers.get("thing").get("body").get("@iot.id").asLong());
		assertThat(ok(api.get(V + "/Datastreams(" + datastreamId + ")/Sensor")).id())
			.isEqualTo(answers.get("sensor").get("body").get("@iot.id").asLong());
		// The re-sent Observation is the one stored first, in a changeset too.
		long observation = answers.get("first").get("body").get("@iot.id").asLong();
		assertThat(answers.get("again").get("body").get("@iot.id").asLong()).isEqualTo(observation);
		assertThat(ids(answers.get("after").get("body").get("value"))).containsExactly(observation);
	}

	@Test
	@DisplayName(BATCH + "): when a request of a changeset fails, the changeset is rolled back and its other requests answer 424")
	void changesetRollsBackAsAWhole() {
		String name = unique("rollback");
		long thing = created(api.post(V + "/Things", obj("name", name + "-thing", "description", "d", "Locations",
				arr(location(name + "-loc", 1, 1)), "Datastreams", arr(datastream(name + "-ds")))));
		long datastream = ids(api.get(V + "/Things(" + thing + ")/Datastreams")).get(0);
		Map<String, Object> incomplete = obj("name", name + "-incomplete", "description", "no unit",
				"Thing", ref(thing));
		Map<String, JsonNode> answers = batch(request("before", "post", "Sensors", sensor(name + "-outside")),
				inGroup("g", request("sensor", "post", "Sensors", sensor(name + "-inside"))),
				inGroup("g", request("observation", "post", "Datastreams(" + datastream + ")/Observations",
						observation("2024-02-01T00:00:00Z", 1))),
				inGroup("g", request("array", "post", "CreateObservations", arr(obj("Datastream", ref(datastream),
						"components", List.of("phenomenonTime", "result"), "dataArray",
						arr(arr("2024-02-01T01:00:00Z", 2)))))),
				inGroup("g", request("rename", "patch", "Things(" + thing + ")", obj("name", name + "-renamed"))),
				inGroup("g", request("bad", "post", "Datastreams", incomplete)),
				inGroup("g", request("never", "post", "Sensors", sensor(name + "-never"))),
				obj("id", "depends", "method", "post", "url", "Sensors", "body", sensor(name + "-depends"), "dependsOn",
						arr("g")),
				request("after", "post", "Sensors", sensor(name + "-after")));
		assertThat(status(answers.get("before"))).isEqualTo(201);
		assertThat(status(answers.get("bad"))).isEqualTo(400);
		assertThat(answers.get("bad").get("body").get("detail").asString()).contains("unitOfMeasurement");
		for (String id : List.of("sensor", "observation", "array", "rename", "never")) {
			assertThat(status(answers.get(id))).as(id).isEqualTo(424);
			assertThat(answers.get(id).get("body").get("detail").asString()).contains("'bad'");
		}
		assertThat(status(answers.get("depends"))).isEqualTo(424);
		assertThat(status(answers.get("after"))).isEqualTo(201);
		assertThat(named("Sensors", name + "-outside")).hasSize(1);
		assertThat(named("Sensors", name + "-depends")).isEmpty();
		assertThat(named("Sensors", name + "-after")).hasSize(1);
		assertThat(named("Sensors", name + "-inside")).isEmpty();
		assertThat(named("Sensors", name + "-never")).isEmpty();
		assertThat(ids(api.get(V + "/Datastreams(" + datastream + ")/Observations"))).isEmpty();
		assertThat(ok(api.get(V + "/Things(" + thing + ")")).json().get("name").asString()).isEqualTo(name + "-thing");

		// dependsOn: a request that depends on a failed group does not run.
		answers = batch(inGroup("h", request("fails", "post", "Datastreams", incomplete)),
				obj("id", "needs", "method", "post", "url", "Sensors", "body", sensor(name + "-needs"), "dependsOn",
						arr("h")),
				obj("id", "needsOne", "method", "post", "url", "Sensors", "body", sensor(name + "-needs-one"),
						"dependsOn", arr("fails")));
		assertThat(status(answers.get("needs"))).isEqualTo(424);
		assertThat(status(answers.get("needsOne"))).isEqualTo(424);
		assertThat(named("Sensors", name + "-needs")).isEmpty();
	}

	@Test
	@DisplayName(BATCH + "): a $id that names no entity created earlier fails that request alone")
	void unknownReferences() {
		String name = unique("references");
		Map<String, JsonNode> answers = batch(request("url", "get", "$nothing/Datastreams", null),
				request("body", "post", "Datastreams", obj("name", name, "Thing", obj("@iot.id", "$nothing"))),
				request("fine", "post", "Sensors", sensor(name)), request("nested", "get", "$fine", null),
				request("inner", "post", "$batch", obj("requests", arr())));
		assertThat(status(answers.get("url"))).isEqualTo(400);
		assertThat(answers.get("url").get("body").get("detail").asString()).contains("$nothing");
		assertThat(status(answers.get("body"))).isEqualTo(400);
		assertThat(status(answers.get("fine"))).isEqualTo(201);
		assertThat(answers.get("nested").get("body").get("name").asString()).isEqualTo(name);
		assertThat(status(answers.get("inner"))).isEqualTo(400);
	}

	@Test
	@DisplayName(BATCH + "): a body that breaks the batch format is a 400 as a whole, and nothing of it runs")
	void malformedBatches() {
		String name = unique("malformed-batch");
		Map<String, Object> make = request("make", "post", "Sensors", sensor(name));
		problem(api.post(V + "/$batch", arr(make)), 400);
		assertThat(problem(api.post(V + "/$batch", obj("requests", "all")), 400).get("pointer").asString())
			.isEqualTo("/requests");
		assertThat(problem(api.post(V + "/$batch", obj("requests", arr(make, request("make", "get", "Things", null)))),
				400).get("pointer").asString()).isEqualTo("/requests/1/id");
		problem(api.post(V + "/$batch", obj("requests", arr(make, request("x", "head", "Things", null)))), 400);
		problem(api.post(V + "/$batch", obj("requests", arr(make, obj("id", "x", "method", "get")))), 400);
		problem(api.post(V + "/$batch", obj("requests", arr(inGroup("g", make), request("x", "get", "Things", null),
				inGroup("g", request("y", "get", "Things", null))))), 400);
		problem(api.post(V + "/$batch", obj("requests", arr(obj("id", "x", "method", "get", "url", "Things",
				"dependsOn", arr("later")), make))), 400);
		problem(api.send("POST", V + "/$batch", "{\"requests\": [", Map.of()), 400);
		assertThat(named("Sensors", name)).isEmpty();
		// An empty batch is answered with no responses.
		assertThat(ok(api.post(V + "/$batch", obj("requests", arr()))).json().get("responses").size()).isZero();
	}

}
