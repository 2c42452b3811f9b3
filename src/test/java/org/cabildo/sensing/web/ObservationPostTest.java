package org.cabildo.sensing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * A POST of one Observation that creates nothing else goes through the group-commit writer:
 * the answer is the same as for any entity, a re-sent reading is answered with the
 * Observation stored before, and concurrent clients all land.
 */
@IntegrationTest
class ObservationPostTest {

	@LocalServerPort
	int port;

	private Api api;

	private long datastream;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		String name = "post-" + UUID.randomUUID();
		Map<String, Object> thing = new LinkedHashMap<>(Map.of("name", name, "description", "d"));
		thing.put("Locations", List.of(Map.of("name", name, "description", "d", "encodingType",
				"application/geo+json", "location", Map.of("type", "Point", "coordinates", List.of(1, 2)))));
		thing.put("Datastreams", List.of(Map.of("name", name, "description", "d", "observationType", "x",
				"unitOfMeasurement", Map.of("name", "u"), "Sensor",
				Map.of("name", name, "description", "d", "encodingType", "text/plain", "metadata", "m"),
				"ObservedProperty", Map.of("name", name, "definition", "d", "description", "d"))));
		long id = created(api.post("/v1.1/Things", thing)).get("@iot.id").asLong();
		datastream = api.get("/v1.1/Things(" + id + ")/Datastreams").json().get("value").get(0).get("@iot.id").asLong();
	}

	private static JsonNode created(Api.Response response) {
		assertThat(response.status()).as("%s", response).isEqualTo(201);
		assertThat(response.header("Location")).isEqualTo(response.json().get("@iot.selfLink").asString());
		return response.json();
	}

	private List<JsonNode> stored() {
		List<JsonNode> observations = new ArrayList<>();
		api.get("/v1.1/Datastreams(" + datastream + ")/Observations", "$top", "1000")
			.json()
			.get("value")
			.forEach(observations::add);
		return observations;
	}

	@Test
	void theAnswerIsTheStoredObservation() {
		Map<String, Object> observation = Map.of("phenomenonTime", "2024-01-01T00:00:00.123456789Z", "result",
				Map.of("b", 2, "a", List.of(1, 2)), "parameters", Map.of("k", "v"), "validTime",
				"2024-01-01T00:00:00Z/2024-01-02T00:00:00.5Z", "resultQuality", List.of("good"));
		JsonNode answer = created(api.post("/v1.1/Datastreams(" + datastream + ")/Observations", observation));
		assertThat(answer).isEqualTo(read(answer));
		// times are kept to the microsecond, cut (not rounded) before they are stored
		assertThat(answer.get("phenomenonTime").asString()).isEqualTo("2024-01-01T00:00:00.123456Z");
		JsonNode linked = created(api.post("/v1.1/Observations", Map.of("result", 3.25, "Datastream",
				Map.of("@iot.id", datastream))));
		assertThat(linked).isEqualTo(read(linked));
		assertThat(linked.get("resultTime").isNull()).isTrue();
		JsonNode old = created(api.post("/v1.0/Datastreams(" + datastream + ")/Observations",
				Map.of("phenomenonTime", "2024-01-03T00:00:00Z", "result", 4)));
		assertThat(old).isEqualTo(api.get("/v1.0/Observations(" + old.get("@iot.id").asLong() + ")").json());
		assertThat(stored()).hasSize(3);
	}

	private JsonNode read(JsonNode observation) {
		return api.get("/v1.1/Observations(" + observation.get("@iot.id").asLong() + ")").json();
	}

	@Test
	void aReSentObservationIsAnsweredWithTheOneStoredBefore() {
		Map<String, Object> observation = Map.of("phenomenonTime", "2024-01-01T00:00:00Z", "result", 1.5);
		String path = "/v1.1/Datastreams(" + datastream + ")/Observations";
		JsonNode first = created(api.post(path, observation));
		JsonNode again = created(api.post(path, observation));
		assertThat(again).isEqualTo(first);
		assertThat(stored()).hasSize(1);
		// The answer is the Observation stored before, with what it was stored with.
		JsonNode resent = created(api.post(path, Map.of("phenomenonTime", "2024-01-01T00:00:00Z", "result", 1.5,
				"resultTime", "2024-01-01T00:00:05Z")));
		assertThat(resent).isEqualTo(first);
		// duplicates=allow stores it again.
		JsonNode allowed = created(api.post(path + "?duplicates=allow", observation));
		assertThat(allowed.get("@iot.id")).isNotEqualTo(first.get("@iot.id"));
		assertThat(stored()).hasSize(2);
		assertThat(api.post(path + "?duplicates=never", observation).status()).isEqualTo(400);
	}

	@Test
	void refusalsSayWhatAndWhere() {
		JsonNode problem = api.post("/v1.1/Observations", Map.of("result", 1, "Datastream",
				Map.of("@iot.id", Long.MAX_VALUE))).json();
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("pointer").asString()).isEqualTo("/Datastream");
		problem = api.post("/v1.1/Datastreams(" + datastream + ")/Observations", Map.of("result", 1,
				"FeatureOfInterest", Map.of("@iot.id", Long.MAX_VALUE))).json();
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("pointer").asString()).isEqualTo("/FeatureOfInterest");
		problem = api.post("/v1.1/Datastreams(" + datastream + ")/Observations", Map.of("phenomenonTime", "soon",
				"result", 1)).json();
		assertThat(problem.get("pointer").asString()).isEqualTo("/phenomenonTime");
		assertThat(stored()).isEmpty();
	}

	@Test
	void concurrentClientsAllLand() throws Exception {
		String path = "/v1.1/Datastreams(" + datastream + ")/Observations";
		List<CompletableFuture<Api.Response>> answers = new ArrayList<>();
		try (ExecutorService clients = Executors.newFixedThreadPool(32)) {
			for (int i = 0; i < 320; i++) {
				// Each at its own time: another result for a time already stored would correct it (issue 15).
				Map<String, Object> observation = Map.of("phenomenonTime",
						String.format("2024-02-01T00:%02d:%02dZ", i / 60, i % 60), "result", i);
				answers.add(CompletableFuture.supplyAsync(() -> api.post(path, observation), clients));
			}
		}
		Set<Long> ids = new HashSet<>();
		for (CompletableFuture<Api.Response> answer : answers) {
			ids.add(created(answer.get()).get("@iot.id").asLong());
		}
		assertThat(ids).hasSize(320);
		assertThat(stored()).hasSize(320);
	}

}
