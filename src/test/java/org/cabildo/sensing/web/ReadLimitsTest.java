package org.cabildo.sensing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.cabildo.IntegrationTest;
import org.cabildo.sensing.ReadSettings;
import org.cabildo.support.Api;
import org.cabildo.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Costly reads cannot take the server from everyone else: a read statement that runs past the
 * timeout is cancelled and answered 503 naming the setting; only a few reads run at once, so
 * that ingest and cheap reads keep their database connections; a filter that fans out too far
 * is refused. The slow read is a self-join of one Datastream's 20,000 Observations that never matches
 * (every row is compared with every other), seconds on both databases without the limits.
 */
@IntegrationTest
@TestPropertySource(properties = { "cabildo.sensing.reads.statement-timeout=2s",
		"cabildo.sensing.reads.concurrent=1", "cabildo.sensing.reads.queue-wait=200ms",
		"spring.datasource.hikari.maximum-pool-size=6" })
@DirtiesContext
class ReadLimitsTest {

	private static final int OBSERVATIONS = 20_000;

	private static final String SLOW_FILTER = "Datastream/Observations/result gt result add 1000000";

	private static long datastream;

	@LocalServerPort
	int port;

	private Api api;

	@BeforeEach
	void slowDatastream() {
		api = new Api(port);
		if (datastream != 0) {
			return;
		}
		long id = api.post("/v1.1/Datastreams", Fixtures.datastreamWithThing("slow-" + UUID.randomUUID())).id();
		List<List<Object>> rows = new ArrayList<>();
		Instant start = Instant.parse("2024-01-01T00:00:00Z");
		for (int i = 0; i < OBSERVATIONS; i++) {
			// Every result different: with few distinct ones PostgreSQL memoizes the inner scan per
			// value (once the table has statistics), and the read is no longer slow.
			rows.add(List.of(start.plusSeconds(60L * i).toString(), i));
		}
		Api.Response created = api.post("/v1.1/CreateObservations", List.of(Map.of("Datastream", Map.of("@iot.id", id),
				"components", List.of("phenomenonTime", "result"), "dataArray", rows)));
		assertThat(created.status()).as("%s", created.status()).isEqualTo(201);
		datastream = id;
	}

	private Api.Response slowRead(Api caller) {
		return caller.get("/v1.1/Datastreams(" + datastream + ")/Observations", "$filter", SLOW_FILTER, "$top", "1");
	}

	@Test
	@DisplayName("a read past the statement timeout is cancelled: 503 with Retry-After, naming the limit and its setting")
	void statementTimeout() {
		long started = System.nanoTime();
		Api.Response response = slowRead(api);
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(response.status()).as("%s", response).isEqualTo(503);
		assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("setting").asString()).isEqualTo(ReadSettings.STATEMENT_TIMEOUT);
		assertThat(problem.get("limit").asString()).isEqualTo("PT2S");
		assertThat(problem.get("detail").asString()).contains(ReadSettings.STATEMENT_TIMEOUT)
			.doesNotContainIgnoringCase("select")
			.doesNotContainIgnoringCase("statement was canceled")
			.doesNotContainIgnoringCase("canceling statement");
		assertThat(took).isLessThan(Duration.ofSeconds(15));
	}

	@Test
	@DisplayName("with slow reads in flight, an Observation is still stored at once, and a cheap read is answered or told 503 at once")
	void readsLeaveConnectionsForIngest() throws Exception {
		String observations = "/v1.1/Datastreams(" + datastream + ")/Observations";
		ExecutorService clients = Executors.newFixedThreadPool(8);
		try {
			List<CompletableFuture<Api.Response>> slow = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				slow.add(CompletableFuture.supplyAsync(() -> slowRead(new Api(port)), clients));
			}
			Thread.sleep(300);

			long started = System.nanoTime();
			Api.Response stored = api.post(observations,
					Map.of("phenomenonTime", "2023-06-01T00:00:00Z", "result", 5));
			Duration storing = Duration.ofNanos(System.nanoTime() - started);
			assertThat(stored.status()).as("%s", stored).isEqualTo(201);
			assertThat(storing).isLessThan(Duration.ofSeconds(5));

			started = System.nanoTime();
			Api.Response cheap = Api.anonymous(port).get("/v1.1/Things", "$top", "1");
			Duration reading = Duration.ofNanos(System.nanoTime() - started);
			assertThat(cheap.status()).as("%s", cheap).isIn(200, 503);
			assertThat(reading).isLessThan(Duration.ofSeconds(5));

			List<Api.Response> answers = new ArrayList<>();
			for (CompletableFuture<Api.Response> read : slow) {
				answers.add(read.get(60, TimeUnit.SECONDS));
			}
			assertThat(answers).allSatisfy(answer -> {
				assertThat(answer.status()).as("%s", answer).isEqualTo(503);
				assertThat(answer.header("Retry-After")).isNotBlank();
			});
			assertThat(answers).anySatisfy(answer -> assertThat(answer.json().get("setting").asString())
				.isEqualTo(ReadSettings.CONCURRENT));
		}
		finally {
			clients.shutdownNow();
		}
	}

	@Test
	@DisplayName("a filter path that fans out too far is a 400 naming $filter, the limit and the position")
	void fanOut() {
		Api.Response refused = Api.anonymous(port).get("/v1.1/Observations", "$filter",
				"not (Datastream/Sensor/Datastreams/Observations/result lt Datastream/properties/pollutant)");
		assertThat(refused.status()).as("%s", refused).isEqualTo(400);
		JsonNode problem = refused.json();
		assertThat(problem.get("option").asString()).isEqualTo("$filter");
		assertThat(problem.get("position").asInt()).isEqualTo(5);
		assertThat(problem.get("detail").asString()).contains("at most 1");
	}

}
