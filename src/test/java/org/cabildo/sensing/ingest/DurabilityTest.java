package org.cabildo.sensing.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.cabildo.sensing.mqtt.Devices;
import org.cabildo.support.Api;
import org.cabildo.support.Fixtures;
import org.cabildo.support.ServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;

import tools.jackson.databind.JsonNode;

/**
 * What was acknowledged is stored: the server is killed (SIGKILL) while clients send at full
 * rate (over HTTP, or as MQTT QoS 1 publishers), restarted on the same database, and every
 * observation it acknowledged (201, PUBACK) must be there.
 * Runs the server as its own process, on H2 (a file under a temporary directory) or, in the
 * PostgreSQL suite, on the database the suite is given.
 */
@Tag("integration")
class DurabilityTest {

	private static final int CLIENTS = 8;

	@TempDir
	Path directory;

	private ServerProcess server;

	private int mqttPort;

	@AfterEach
	void stop() throws InterruptedException {
		if (server != null) {
			server.close();
		}
	}

	private Map<String, String> environment() throws IOException {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("CABILDO_DATA_DIR", directory.resolve("data").toString());
		// on the PostgreSQL suite's database it is one more node: it signs the ledger's checkpoints with
		// the key the tests' servers use, as the nodes of one database must
		environment.put("CABILDO_GOVERNANCE_LEDGER_KEY_FILE",
				Path.of("target/test-ledger/ledger-signing-key.pem").toAbsolutePath().toString());
		if (mqttPort == 0) {
			mqttPort = ServerProcess.freePort();
		}
		environment.put("CABILDO_MQTT_PORT", Integer.toString(mqttPort));
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
					// Each client at its own times: another result for a stored time would correct it (issue 15).
					String time = base.plusSeconds(i).plusMillis(client).toString();
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

	@Test
	void everyObservationPubackedOverMqttSurvivesAKill() throws Exception {
		int port = ServerProcess.freePort();
		server = start(port);
		Api api = new Api(port);
		long datastream = createDatastream(api);
		// The publishers sign in as one device bound to the datastream, as stations do.
		Devices.Credential device = Devices.device(api, datastream);

		// Each publisher sends its own readings (result = publisher * 1e6 + sequence number),
		// keeping as many unacknowledged as the broker allows: those PUBACKed must be stored.
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicBoolean sending = new AtomicBoolean(true);
		CountDownLatch enough = new CountDownLatch(1);
		Instant base = Instant.parse("2025-01-01T00:00:00Z");
		List<Mqtt5AsyncClient> publishers = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int p = 0; p < CLIENTS; p++) {
			Mqtt5AsyncClient client = Mqtt5Client.builder()
				.identifier("durability-" + p)
				.serverHost("127.0.0.1")
				.serverPort(mqttPort)
				.simpleAuth()
				.username(device.name())
				.password(device.secret().getBytes(StandardCharsets.UTF_8))
				.applySimpleAuth()
				.buildAsync();
			int window = client.connect().get(30, TimeUnit.SECONDS).getRestrictions().getReceiveMaximum();
			publishers.add(client);
			long publisher = p;
			threads.add(Thread.ofPlatform().daemon().start(() -> {
				Semaphore room = new Semaphore(window);
				for (long i = 0; sending.get(); i++) {
					try {
						if (!room.tryAcquire(100, TimeUnit.MILLISECONDS)) {
							continue;
						}
					}
					catch (InterruptedException e) {
						return;
					}
					// Each publisher at its own times: another result for a stored time would correct it (issue 15).
					Instant time = base.plusSeconds(i).plusMillis(publisher);
					String key = time + "/" + (publisher * 1_000_000 + i);
					String reading = "{\"phenomenonTime\": \"" + time + "\", \"result\": "
							+ (publisher * 1_000_000 + i) + "}";
					client.publishWith()
						.topic("v1.1/Datastreams(" + datastream + ")/Observations")
						.qos(MqttQos.AT_LEAST_ONCE)
						.payload(reading.getBytes(StandardCharsets.UTF_8))
						.send()
						.whenComplete((result, failure) -> {
							room.release();
							if (failure == null && result.getError().isEmpty()
									&& result instanceof Mqtt5PublishResult.Mqtt5Qos1Result qos1
									&& !qos1.getPubAck().getReasonCode().isError()) {
								acknowledged.add(key);
								if (acknowledged.size() >= 5000) {
									enough.countDown();
								}
							}
						});
				}
			}));
		}
		assertThat(enough.await(120, TimeUnit.SECONDS)).as("5,000 publishes acknowledged before the kill").isTrue();

		server.kill();
		Set<String> acknowledgedBeforeKill = Set.copyOf(acknowledged);
		sending.set(false);
		for (Thread thread : threads) {
			thread.join(Duration.ofSeconds(10));
		}
		publishers.forEach(client -> client.disconnect());

		server = start(port);
		Set<String> stored = storedReadings(api, datastream);

		Set<String> missing = new HashSet<>(acknowledgedBeforeKill);
		missing.removeAll(stored);
		assertThat(missing).as("PUBACKed observations missing after the kill (of %d PUBACKed)",
				acknowledgedBeforeKill.size()).isEmpty();
		assertThat(Files.readString(directory.resolve("server.log"))).doesNotContain("Exception in thread");
	}

	/** Every observation of a datastream as phenomenonTime/result. */
	private static Set<String> storedReadings(Api api, long datastream) {
		Set<String> readings = new HashSet<>();
		String next = "/v1.1/Datastreams(" + datastream + ")/Observations?$select=phenomenonTime,result&$top=10000";
		while (next != null) {
			JsonNode page = api.get(next).json();
			page.get("value").forEach(observation -> readings.add(Instant.parse(observation.get("phenomenonTime")
				.asString()) + "/" + observation.get("result").asLong()));
			next = page.has("@iot.nextLink") ? page.get("@iot.nextLink").asString() : null;
		}
		return readings;
	}

	private static long createDatastream(Api api) {
		Api.Response created = api.post("/v1.1/Datastreams", Fixtures.datastreamWithThing("durable"));
		assertThat(created.status()).isEqualTo(201);
		Fixtures.declareOpen(api, created.id());
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
