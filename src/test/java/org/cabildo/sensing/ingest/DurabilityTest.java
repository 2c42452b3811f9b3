package org.cabildo.sensing.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.cabildo.support.Api;
import org.cabildo.support.ServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * What was acknowledged is stored: the server is killed (SIGKILL) while clients send at full
 * rate, restarted on the same database, and every observation it acknowledged must be there.
 * Runs the server as its own process, on H2 (a file under a temporary directory) or, in the
 * PostgreSQL suite, on the database the suite is given.
 */
@Tag("integration")
class DurabilityTest {

	private static final int CLIENTS = 8;

	@TempDir
	Path directory;

	private ServerProcess server;

	@AfterEach
	void stop() throws InterruptedException {
		if (server != null) {
			server.close();
		}
	}

	private Map<String, String> environment() throws IOException {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("CABILDO_DATA_DIR", directory.resolve("data").toString());
		environment.put("CABILDO_MQTT_PORT", Integer.toString(ServerProcess.freePort()));
		environment.putAll(Api.testAccountEnvironment());
		String url = System.getProperty("spring.datasource.url");
		if (url != null && !url.isBlank()) {
			environment.put("SPRING_DATASOURCE_URL", url);
			environment.put("SPRING_DATASOURCE_USERNAME", System.getProperty("spring.datasource.username", ""));
			environment.put("SPRING_DATASOURCE_PASSWORD", System.getProperty("spring.datasource.password", ""));
		}
		return environment;
	}

	private ServerProcess start(int port) throws IOException, InterruptedException {
		return ServerProcess.startFromClassPath(List.of("-Xmx256m", "-XX:+UseSerialGC"), environment(), port,
				directory.resolve("server.log"), Duration.ofSeconds(120));
	}

	@Test
	void everyAcknowledgedObservationSurvivesAKill() throws Exception {
		int port = ServerProcess.freePort();
		server = start(port);
		Api api = new Api(port);
		long datastream = createDatastream(api);

		// Each client sends its own readings (time = client's sequence number), so the
		// acknowledged set is known exactly: reading -> the id the server acknowledged.
		Map<String, Long> acknowledged = new ConcurrentHashMap<>();
		AtomicBoolean sending = new AtomicBoolean(true);
		AtomicInteger refusedOrFailed = new AtomicInteger();
		CountDownLatch enough = new CountDownLatch(1);
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		Instant base = Instant.parse("2025-01-01T00:00:00Z");
		for (int c = 0; c < CLIENTS; c++) {
			int client = c;
			clients.submit(() -> {
				Api own = new Api(port);
				for (int i = 0; sending.get(); i++) {
					String time = base.plusSeconds(i).toString();
					double result = client + i / 1e6;
					try {
						Api.Response response = own.post("/v1.1/Datastreams(" + datastream + ")/Observations",
								Map.of("phenomenonTime", time, "result", result));
						if (response.status() == 201) {
							acknowledged.put(time + "/" + result, response.id());
							if (acknowledged.size() >= 2000) {
								enough.countDown();
							}
						}
						else {
							refusedOrFailed.incrementAndGet();
						}
					}
					catch (RuntimeException connectionLost) {
						refusedOrFailed.incrementAndGet();
						if (!sending.get()) {
							return;
						}
					}
				}
			});
		}
		assertThat(enough.await(120, TimeUnit.SECONDS)).as("2,000 observations acknowledged before the kill").isTrue();

		server.kill();
		sending.set(false);
		clients.shutdown();
		assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		Map<String, Long> acknowledgedBeforeKill = Map.copyOf(acknowledged);

		server = start(port);
		Set<Long> stored = storedIds(api, datastream);

		Set<Long> missing = new HashSet<>(acknowledgedBeforeKill.values());
		missing.removeAll(stored);
		assertThat(missing).as("acknowledged observations missing after the kill (of %d acknowledged)",
				acknowledgedBeforeKill.size()).isEmpty();
		assertThat(Files.readString(directory.resolve("server.log"))).doesNotContain("Exception in thread");
	}

	private static long createDatastream(Api api) {
		Api.Response created = api.post("/v1.1/Datastreams", Map.of("name", "durable", "description", "d",
				"observationType", "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
				"unitOfMeasurement", Map.of("name", "n", "symbol", "s", "definition", "d"), "Thing",
				Map.of("name", "t", "description", "t", "Locations",
						List.of(Map.of("name", "l", "description", "l", "encodingType", "application/geo+json",
								"location", Map.of("type", "Point", "coordinates", List.of(-99.13, 19.43))))),
				"Sensor", Map.of("name", "s", "description", "s", "encodingType", "text/plain", "metadata", "m"),
				"ObservedProperty", Map.of("name", "p", "description", "p", "definition", "urn:p")));
		assertThat(created.status()).isEqualTo(201);
		return created.id();
	}

	private static Set<Long> storedIds(Api api, long datastream) {
		Set<Long> ids = new HashSet<>();
		String next = "/v1.1/Datastreams(" + datastream + ")/Observations?$select=id&$top=10000";
		while (next != null) {
			JsonNode page = api.get(next).json();
			page.get("value").forEach(observation -> ids.add(observation.get("@iot.id").asLong()));
			next = page.has("@iot.nextLink") ? page.get("@iot.nextLink").asString() : null;
		}
		return ids;
	}

}
