package org.cabildo.sensing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.cabildo.IntegrationTest;
import org.cabildo.sensing.write.ObservationStore;
import org.cabildo.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import tools.jackson.databind.JsonNode;

/**
 * When the ingest queue is full, requests that create observations are answered 503 with
 * {@code Retry-After}, and nothing of them is stored. The queue holds one observation here,
 * and the store is held inside its commit until the test lets it go, so the queue is full
 * exactly while the test sends. The server of this test is closed after it, and holds few
 * database connections meanwhile.
 */
@IntegrationTest
@TestPropertySource(properties = { "cabildo.sensing.ingest.queue-observations=1",
		"cabildo.sensing.ingest.http-wait=0ms", "spring.datasource.hikari.maximum-pool-size=4" })
@DirtiesContext
class IngestBackpressureTest {

	@LocalServerPort
	int port;

	@MockitoSpyBean
	ObservationStore store;

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void letGo() {
		release.countDown();
		doCallRealMethod().when(store).append(anyList(), anyList(), anyBoolean());
	}

	@Test
	void aFullQueueIsA503WithRetryAfter() throws Exception {
		Api api = new Api(port);
		String name = "busy-" + UUID.randomUUID();
		Map<String, Object> thing = new LinkedHashMap<>(Map.of("name", name, "description", "d"));
		thing.put("Locations", List.of(Map.of("name", name, "description", "d", "encodingType",
				"application/geo+json", "location", Map.of("type", "Point", "coordinates", List.of(1, 2)))));
		thing.put("Datastreams", List.of(Map.of("name", name, "description", "d", "observationType", "x",
				"unitOfMeasurement", Map.of("name", "u"), "Sensor",
				Map.of("name", name, "description", "d", "encodingType", "text/plain", "metadata", "m"),
				"ObservedProperty", Map.of("name", name, "definition", "d", "description", "d"))));
		long id = api.post("/v1.1/Things", thing).id();
		long datastream = api.get("/v1.1/Things(" + id + ")/Datastreams").json().get("value").get(0).get("@iot.id")
			.asLong();
		String observations = "/v1.1/Datastreams(" + datastream + ")/Observations";

		CountDownLatch committing = new CountDownLatch(1);
		doAnswer(call -> {
			committing.countDown();
			release.await(30, TimeUnit.SECONDS);
			return call.callRealMethod();
		}).when(store).append(anyList(), anyList(), anyBoolean());
		CompletableFuture<Api.Response> first = CompletableFuture
			.supplyAsync(() -> api.post(observations, Map.of("phenomenonTime", "2024-01-01T00:00:00Z", "result", 1)));
		// The writer holds the one place of the queue until its commit ends.
		assertThat(committing.await(30, TimeUnit.SECONDS)).isTrue();

		Api.Response busy = api.post(observations, Map.of("phenomenonTime", "2024-01-01T01:00:00Z", "result", 2));
		assertThat(busy.status()).as("%s", busy).isEqualTo(503);
		assertThat(busy.header("Retry-After")).isEqualTo("1");
		assertThat(busy.header("Content-Type")).contains("application/problem+json");
		assertThat(busy.json().get("detail").asString()).contains("retry");
		assertThat(busy.json().get("retryAfter").asInt()).isEqualTo(1);
		Api.Response array = api.post("/v1.1/CreateObservations", List.of(Map.of("Datastream",
				Map.of("@iot.id", datastream), "components", List.of("phenomenonTime", "result"), "dataArray",
				List.of(List.of("2024-01-01T02:00:00Z", 3)))));
		assertThat(array.status()).as("%s", array).isEqualTo(503);
		assertThat(array.header("Retry-After")).isEqualTo("1");
		JsonNode batch = api.post("/v1.1/$batch", Map.of("requests", List.of(Map.of("id", "1", "method", "post",
				"url", "Datastreams(" + datastream + ")/Observations", "body",
				Map.of("phenomenonTime", "2024-01-01T03:00:00Z", "result", 4))))).json();
		assertThat(batch.get("responses").get(0).get("status").asInt()).isEqualTo(503);
		assertThat(batch.get("responses").get(0).get("headers").get("retry-after").asString()).isEqualTo("1");

		release.countDown();
		assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
		doCallRealMethod().when(store).append(anyList(), anyList(), anyBoolean());
		assertThat(api.get(observations).json().get("value").size()).isEqualTo(1);
		assertThat(api.post(observations, Map.of("phenomenonTime", "2024-01-01T01:00:00Z", "result", 2)).status())
			.isEqualTo(201);
	}

}
