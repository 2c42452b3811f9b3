package org.cabildo.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cabildo.support.Api;
import org.cabildo.support.Fixtures;
import org.cabildo.support.ServerProcess;

/**
 * What purpose binding and the access ledger cost a read: the latest Observation of an open
 * stream, and the same of a restricted pseudonymous stream read for a declared purpose (each
 * read a ledger entry, committed before the answer), by the same signed-in caller, alternating
 * round by round so that both see the same machine.
 */
final class GovernanceBenchmark {

	static final Set<String> OPTIONS = Set.of("database", "rounds", "requests", "warmup", "pg-url", "pg-user",
			"pg-password", "jar");

	static final String USAGE = """
			bench governance [options]   the latency a ledgered, purpose-bound read adds to the same read of an
			                             open stream (one client, sequential requests)
			  --database=postgresql       or h2; made afresh for the run
			  --rounds=5 --requests=2000 --warmup=3000
			  --pg-url=jdbc:postgresql://127.0.0.1:5432/cabildo_governance_bench --pg-user=postgres --pg-password=
			  --jar=target/cabildo.jar
			""";

	private static final String LATEST = "/Observations?$orderby=phenomenonTime%20desc&$top=1";

	private final Options options;

	private final PrintStream out;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	GovernanceBenchmark(Options options, PrintStream out) {
		this.options = options;
		this.out = out;
	}

	void run() throws Exception {
		Path projectDir = Path.of("").toAbsolutePath();
		Path jar = projectDir.resolve(options.string("jar", "target/cabildo.jar"));
		ServerProcess.JvmOptions jvm = ServerProcess.jvmOptions(projectDir);
		Machine machine = Machine.describe();
		BenchDatabase db = options.string("database", "postgresql").equals("h2")
				? new H2BenchDatabase(Files.createTempDirectory("cabildo-governance-h2-"))
				: new PostgresBenchDatabase(
						options.string("pg-url", "jdbc:postgresql://127.0.0.1:5432/cabildo_governance_bench"),
						options.string("pg-user", "postgres"), options.string("pg-password", ""));
		out.printf("machine: %s, load %.1f%n== %s%n", machine.describeShort(), Machine.loadAverage(), db.version());
		db.recreate();
		Path scratch = Files.createTempDirectory("cabildo-bench-");
		try (ServerProcess server = ServerProcess.start(jar, jvm.options(), db.serverEnvironment(scratch),
				scratch.resolve("server.log"), Duration.ofMinutes(3))) {
			URI base = server.baseUri();
			Api api = new Api(base.getPort());
			long open = stream(api, "open");
			Fixtures.declareOpen(api, open);
			long restricted = stream(api, "restricted");
			declareRestricted(api, restricted);
			load(api, open);
			load(api, restricted);
			URI openUri = base.resolve("/v1.1/Datastreams(" + open + ")" + LATEST);
			URI restrictedUri = base.resolve("/v1.1/Datastreams(" + restricted + ")" + LATEST);
			int warmup = options.integer("warmup", 3000);
			measure(openUri, warmup);
			measure(restrictedUri, warmup);
			int rounds = options.integer("rounds", 5);
			int requests = options.integer("requests", 2000);
			List<LatencyRecorder.Summary> openRounds = new ArrayList<>();
			List<LatencyRecorder.Summary> ledgeredRounds = new ArrayList<>();
			for (int round = 1; round <= rounds; round++) {
				LatencyRecorder.Summary a = measure(openUri, requests).summary();
				LatencyRecorder.Summary b = measure(restrictedUri, requests).summary();
				openRounds.add(a);
				ledgeredRounds.add(b);
				out.printf("  round %d: open p50 %.2f ms p95 %.2f ms; ledgered p50 %.2f ms p95 %.2f ms%n", round, a.p50(),
						a.p95(), b.p50(), b.p95());
			}
			double openP50 = median(openRounds.stream().mapToDouble(LatencyRecorder.Summary::p50).toArray());
			double openP95 = median(openRounds.stream().mapToDouble(LatencyRecorder.Summary::p95).toArray());
			double ledP50 = median(ledgeredRounds.stream().mapToDouble(LatencyRecorder.Summary::p50).toArray());
			double ledP95 = median(ledgeredRounds.stream().mapToDouble(LatencyRecorder.Summary::p95).toArray());
			out.printf("%nlatest Observation, one client, medians of %d rounds of %d requests:%n", rounds, requests);
			out.printf("  open stream:                         p50 %.2f ms, p95 %.2f ms%n", openP50, openP95);
			out.printf("  restricted, purpose-bound, ledgered: p50 %.2f ms, p95 %.2f ms%n", ledP50, ledP95);
			out.printf("  added by purpose binding and ledger: p50 %.2f ms, p95 %.2f ms (target: p95 < 2 ms)%n",
					ledP50 - openP50, ledP95 - openP95);
		}
	}

	private LatencyRecorder measure(URI uri, int requests) throws Exception {
		LatencyRecorder recorder = new LatencyRecorder();
		HttpRequest request = HttpRequest.newBuilder(uri)
			.header("Authorization", Api.bearer(Api.TEST_TOKEN))
			.header("Cabildo-Purpose", "mobility")
			.build();
		for (int i = 0; i < requests; i++) {
			long start = System.nanoTime();
			HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			recorder.record(start, System.nanoTime());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": "
						+ new String(response.body()));
			}
		}
		return recorder;
	}

	private static long stream(Api api, String name) {
		Api.Response created = api.post("/v1.1/Datastreams", Fixtures.datastreamWithThing("governance-" + name));
		if (created.status() != 201) {
			throw new IllegalStateException("could not create a Datastream: " + created);
		}
		return created.id();
	}

	private static void declareRestricted(Api steward, long datastream) {
		Map<String, Object> draft = new LinkedHashMap<>(Fixtures.openDeclaration());
		draft.put("purposes", List.of("mobility", "planning_decision_making"));
		draft.put("technology", List.of("identifiable_video"));
		draft.put("personalDataClass", "pseudonymous");
		draft.put("accessLevel", "restricted");
		draft.put("legalBasis", Map.of("category", "public_task", "text", "benchmark"));
		draft.put("privacyStatementUrl", "https://example.org/privacy");
		draft.put("retention", Map.of("duration", "P30D", "keeps", "nothing"));
		Api.Response declared = steward.put("/api/register/" + datastream, draft);
		if (declared.status() != 200) {
			throw new IllegalStateException("could not declare Datastream " + datastream + ": " + declared);
		}
	}

	private static void load(Api api, long datastream) {
		Instant start = Instant.now().minus(Duration.ofDays(1));
		List<List<Object>> rows = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			rows.add(List.of(start.plusSeconds(60L * i).toString(), i % 97));
		}
		Api.Response loaded = api.post("/v1.1/CreateObservations", List.of(Map.of("Datastream",
				Map.of("@iot.id", datastream), "components", List.of("phenomenonTime", "result"), "dataArray", rows)));
		if (loaded.status() != 201) {
			throw new IllegalStateException("could not load Observations: " + loaded);
		}
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
				: (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
	}

}
