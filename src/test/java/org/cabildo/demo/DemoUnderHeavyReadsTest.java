package org.cabildo.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.cabildo.support.Api;
import org.cabildo.support.ServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * The demo city, run as {@code ./cabildo demo} runs it (its own process, the heap of
 * {@code .jvm-options}, H2 under a data directory), stays up under the anonymous reads that
 * once took it down: every collection expanded into every Observation, alone and in a
 * concurrent burst of variants. Each is answered (a page that ends early with a next link, or a
 * refusal that names the limit), never with an error of the server.
 */
@Tag("integration")
class DemoUnderHeavyReadsTest {

	/** What once made the server read half a million rows into its heap. */
	private static final String EVERYTHING = "/v1.1/Datastreams?$top=10000&$expand=Observations($top=10000)";

	private static final List<String> VARIANTS = List.of(EVERYTHING,
			"/v1.1/Things?$top=10000&$expand=Datastreams($top=10000;$expand=Observations($top=10000))",
			"/v1.1/ObservedProperties?$top=10000&$expand=Datastreams($top=10000;$expand=Observations($top=10000;$count=true))",
			"/v1.1/Observations?$top=10000&$expand=Datastream($expand=Observations($top=10000)),FeatureOfInterest",
			"/v1.1/Sensors?$expand=Datastreams($expand=Observations($top=10000;$orderby=result%20desc))",
			"/v1.1/Locations?$top=10000&$expand=Things($expand=Datastreams($expand=Observations($top=10000;$select=result)))",
			"/v1.1/Datastreams?$top=10000&$expand=Observations($top=10000;$expand=Datastream($expand=Observations($top=10000)))",
			"/v1.1/Datastreams?$top=10000&$expand=Observations($top=10000)&$resultFormat=dataArray");

	@TempDir
	Path directory;

	private ServerProcess server;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@AfterEach
	void stop() throws InterruptedException {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void theDemoSurvivesEverythingExpandedAloneAndInABurst() throws Exception {
		// What ./cabildo demo ships is the embedded database; the PostgreSQL suite loads the demo in DemoCityTest.
		assumeFalse(System.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql"),
				"the demo runs on its embedded database");
		List<String> jvm = new ArrayList<>(ServerProcess.jvmOptions(Path.of("")).options());
		jvm.add("-XX:+ExitOnOutOfMemoryError");
		Map<String, String> environment = new LinkedHashMap<>(Api.testAccountEnvironment());
		environment.put("CABILDO_DATA_DIR", directory.resolve("data").toString());
		environment.put("CABILDO_DEMO_ENABLED", "true");
		int port = ServerProcess.freePort();
		// The demo city loads before the server says it is up: minutes on a busy machine.
		server = ServerProcess.startFromClassPath(jvm, environment, port,
				Path.of("target", "test-logs", "demo-under-heavy-reads.log"), Duration.ofMinutes(8));
		URI base = URI.create("http://127.0.0.1:" + port);
		awaitDemoLoaded(base);

		HttpResponse<String> alone = get(base, EVERYTHING);
		assertThat(alone.statusCode()).as("%s", alone.body().length() > 300 ? alone.body().substring(0, 300)
				: alone.body()).isEqualTo(200);
		JsonNode page = Api.json(alone.body());
		assertThat(page.has("@iot.nextLink")).as("the page ends early and says where the rest is").isTrue();
		int entities = page.get("value").size();
		for (JsonNode datastream : page.get("value")) {
			entities += datastream.get("Observations").size();
		}
		assertThat(entities).as("entities in one answer").isLessThanOrEqualTo(10_000);

		ExecutorService burst = Executors.newFixedThreadPool(16);
		try {
			List<Future<HttpResponse<String>>> answers = new ArrayList<>();
			for (int i = 0; i < 32; i++) {
				String path = VARIANTS.get(i % VARIANTS.size());
				answers.add(burst.submit(() -> get(base, path)));
			}
			for (Future<HttpResponse<String>> answer : answers) {
				HttpResponse<String> response = answer.get();
				assertThat(response.statusCode()).as("%s %s", response.uri(), response.statusCode())
					.isIn(200, 400, 429, 503);
				Api.json(response.body()); // whole, valid JSON
			}
		}
		finally {
			burst.shutdownNow();
		}
		assertThat(server.death()).isNull();
		assertThat(get(base, "/actuator/health").body()).contains("\"UP\"");
		assertThat(get(base, "/v1.1/Things?$top=1").statusCode()).isEqualTo(200);
	}

	private void awaitDemoLoaded(URI base) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(server.death()).isNull();
			HttpResponse<String> count = get(base, "/v1.1/Observations?$count=true&$top=0");
			if (count.statusCode() == 200 && Api.json(count.body()).get("@iot.count").asLong() >= 519_934) {
				return;
			}
			Thread.sleep(2000);
		}
		throw new AssertionError("the demo city was not loaded within 5 minutes; see " + server.log());
	}

	private HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
		int query = path.indexOf('?');
		String uri = query < 0 ? path : path.substring(0, query) + "?" + encode(path.substring(query + 1));
		HttpRequest request = HttpRequest.newBuilder(base.resolve(uri)).timeout(Duration.ofSeconds(120)).build();
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Percent-encodes what a URI may not hold (spaces, parentheses stay as clients send them). */
	private static String encode(String query) {
		StringBuilder encoded = new StringBuilder();
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			if (!encoded.isEmpty()) {
				encoded.append('&');
			}
			encoded.append(pair, 0, equals + 1)
				.append(URLEncoder.encode(pair.substring(equals + 1).replace("%20", " "), StandardCharsets.UTF_8)
					.replace("+", "%20"));
		}
		return encoded.toString();
	}

}
