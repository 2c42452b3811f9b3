package org.cabildo.bench;

import org.cabildo.support.ServerProcess;

import java.io.IOException;
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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.cabildo.bench.Dataset.Shape;
import org.cabildo.bench.LatencyRecorder.Summary;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench read}: how fast the server answers the reads a city's dashboards make, on
 * PostgreSQL with 10 million observations and on the embedded H2 default, and what the
 * server and its data cost in memory and on disk.
 */
final class ReadBenchmark {

	static final Set<String> OPTIONS = Set.of("databases", "reload", "observations", "datastreams", "largest",
			"h2-observations", "rounds", "requests", "warmup", "clients", "pg-url", "pg-user", "pg-password", "h2-dir",
			"jar", "seed", "out", "queries");

	static final String USAGE = """
			bench read [options]   latency of the reads dashboards make, storage per million observations, peak RSS
			  --databases=postgresql,h2   which databases (default both)
			  --reload                    reload the data even if the loaded data has the right shape
			  --observations=10M          observations on PostgreSQL, in --datastreams=100 datastreams
			  --largest=1M                observations of the largest datastream (default a tenth)
			  --h2-observations=N         observations on H2 (default: as on PostgreSQL)
			  --rounds=5 --requests=2000  measured rounds, and requests per round and query
			  --warmup=3000               requests per query and client count before measuring
			                              (discarded; the JIT compiler is still busy after 1,000)
			  --clients=1,4               concurrent clients
			  --queries=latest,range,count  which queries
			  --pg-url=jdbc:postgresql://127.0.0.1:5432/cabildo_bench --pg-user=postgres --pg-password=
			  --h2-dir=target/bench/h2    where the H2 database is kept between runs
			  --jar=target/cabildo.jar    the server to measure
			  --out=bench-results         where the JSON results go
			""";

	private final Options options;

	private final PrintStream out;

	private final Path projectDir = Path.of("").toAbsolutePath();

	private final JsonMapper json = JsonMapper.shared();

	ReadBenchmark(Options options, PrintStream out) {
		this.options = options;
		this.out = out;
	}

	void run() throws Exception {
		Machine machine = Machine.describe();
		Path jar = projectDir.resolve(options.string("jar", "target/cabildo.jar"));
		ServerProcess.JvmOptions jvm = ServerProcess.jvmOptions(projectDir);
		List<String> databases = options.strings("databases", List.of("postgresql", "h2"));
		long observations = options.count("observations", 10_000_000);
		int datastreams = options.integer("datastreams", 100);
		Shape pgShape = options.count("largest", -1) > 0
				? new Shape(observations, datastreams, options.count("largest", -1)) : Shape.of(observations, datastreams);
		Shape h2Shape = Shape.of(options.count("h2-observations", observations), datastreams);
		out.printf("Cabildo read benchmark on %s%n", machine.describeShort());
		out.printf("server: java %s -jar %s (JVM options from %s)%n", String.join(" ", jvm.options()),
				projectDir.relativize(jar), jvm.source());
		// A copy, so that a build running meanwhile cannot swap the server under the benchmark.
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " does not exist; build it first (./mvnw -q package -DskipTests)");
		}
		Path snapshot = Files.createTempFile("cabildo-bench-", ".jar");
		Files.copy(jar, snapshot, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		String jarInfo = String.format("%s built %s, sha256 %s", projectDir.relativize(jar),
				Files.getLastModifiedTime(jar).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
				sha256(snapshot).substring(0, 12));
		out.printf("server jar: %s%n", jarInfo);
		try {
			run(machine, snapshot, jarInfo, jvm, databases, pgShape, h2Shape);
		}
		finally {
			Files.deleteIfExists(snapshot);
		}
	}

	private void run(Machine machine, Path jar, String jarInfo, ServerProcess.JvmOptions jvm, List<String> databases,
			Shape pgShape, Shape h2Shape) throws Exception {
		Instant started = Instant.now();
		List<DatabaseResult> results = new ArrayList<>();
		for (String database : databases) {
			switch (database) {
				case "postgresql" -> {
					PostgresBenchDatabase db = new PostgresBenchDatabase(
							options.string("pg-url", "jdbc:postgresql://127.0.0.1:5432/cabildo_bench"),
							options.string("pg-user", "postgres"), options.string("pg-password", ""));
					results.add(measure(db, pgShape, jar, jvm));
				}
				case "h2" -> results.add(measure(new H2BenchDatabase(projectDir.resolve(options.string("h2-dir",
						"target/bench/h2"))), h2Shape, jar, jvm));
				default -> throw new IllegalArgumentException("unknown database '" + database + "' (postgresql, h2)");
			}
		}
		Report report = new Report(machine, jvm, jarInfo, started, Instant.now(), settings(), results);
		report.print(out);
		Path file = report.writeJson(projectDir.resolve(options.string("out", "bench-results")));
		out.printf("%nJSON: %s%n", projectDir.relativize(file));
	}

	private Settings settings() {
		return new Settings(options.integer("rounds", 5), options.integer("requests", 2000),
				options.integer("warmup", 3000), options.integers("clients", List.of(1, 4)));
	}

	private DatabaseResult measure(BenchDatabase db, Shape shape, Path jar, ServerProcess.JvmOptions jvm)
			throws Exception {
		out.printf("%n== %s: %s%n", db.version(), shape.describe());
		Path scratch = Files.createTempDirectory("cabildo-bench-");
		Path logs = projectDir.resolve(options.string("out", "bench-results"));
		var existing = options.flag("reload") ? java.util.Optional.<DatasetMarker.Loaded>empty() : db.loaded(shape);
		boolean reused = existing.isPresent();
		DatasetMarker.Loaded loaded;
		if (reused) {
			loaded = existing.get();
			out.printf("  reusing the data loaded at %s (in %.0f s); --reload loads it again%n", loaded.loadedAt(),
					loaded.loadSeconds());
		}
		else {
			out.println("  loading (this takes a while; later runs reuse the data)");
			db.recreate();
			Dataset planned = Dataset.plan(shape, Instant.now(), options.count("seed", 20240501L));
			Dataset dataset;
			try (ServerProcess server = ServerProcess.start(jar, jvm.options(), db.serverEnvironment(scratch),
					logs.resolve("server-" + db.key() + "-setup.log"), Duration.ofMinutes(3))) {
				dataset = new ApiSetup(server.baseUri(), out).create(planned);
			}
			db.load(dataset, out);
			loaded = db.loaded(shape).orElseThrow(() -> new IllegalStateException("the data just loaded is not found"));
		}
		Dataset dataset = loaded.dataset();

		Settings s = settings();
		String warmed = db.warmCache();
		out.printf("  %s%n", warmed);
		List<QueryResult> results = new ArrayList<>();
		ServerProcess.Memory memory;
		ServerProcess.Memory afterStart;
		List<String> command;
		double othersCpu;
		try (ServerProcess server = ServerProcess.start(jar, jvm.options(), db.serverEnvironment(scratch),
				logs.resolve("server-" + db.key() + ".log"), Duration.ofMinutes(3))) {
			command = server.command();
			afterStart = server.memory();
			out.printf("  server pid %d up, RSS %s%n", server.pid(), Report.mib(afterStart.rssBytes()));
			try {
				othersCpu = measureRounds(server, dataset, s, results);
			}
			catch (Exception e) {
				if (server.death() != null) {
					throw new IllegalStateException(server.death(), e);
				}
				throw e;
			}
			memory = server.memory();
		}
		finally {
			deleteQuietly(scratch);
		}
		PostgresBenchDatabase.Storage storage = db instanceof PostgresBenchDatabase pg ? pg.storage() : null;
		Long fileBytes = db instanceof H2BenchDatabase h2 ? h2.fileBytes() : null;
		return new DatabaseResult(db.name(), db.version(), db.settings(), dataset.shape(), loaded.loadedAt(),
				loaded.loadSeconds(), reused, results, afterStart, memory, storage, fileBytes, command, othersCpu,
				warmed);
	}

	/**
	 * Warm-up, then the measured rounds: every query, at every client count.
	 *
	 * @return the share of the CPU that other processes used meanwhile
	 */
	private double measureRounds(ServerProcess server, Dataset dataset, Settings s, List<QueryResult> results)
			throws Exception {
		int maxClients = s.clients().stream().mapToInt(Integer::intValue).max().orElse(1);
		List<HttpClient> clients = new ArrayList<>();
		for (int i = 0; i < maxClients; i++) {
			clients.add(HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.build());
		}
		Random seeds = new Random(options.count("seed", 20240501L));
		for (ReadQuery query : queries()) {
			for (int c : s.clients()) {
				run(server.baseUri(), clients, query, dataset, c, s.warmup(), seeds.nextLong());
			}
		}
		out.printf("  warmed up (%d requests per query and client count)%n", s.warmup());
		CpuAccounting measuring = CpuAccounting.start(server.pid());
		for (int c : s.clients()) {
			java.util.Map<ReadQuery, List<Summary>> rounds = new java.util.EnumMap<>(ReadQuery.class);
			queries().forEach(q -> rounds.put(q, new ArrayList<>()));
			for (int round = 1; round <= s.rounds(); round++) {
				CpuAccounting roundCpu = CpuAccounting.start(server.pid());
				StringBuilder line = new StringBuilder(String.format("  %d client%s, round %d:", c, c == 1 ? "" : "s",
						round));
				for (ReadQuery query : queries()) {
					Summary summary = run(server.baseUri(), clients, query, dataset, c, s.requests(), seeds.nextLong())
						.summary();
					rounds.get(query).add(summary);
					line.append(String.format("  %s p95 %.2f ms", query.key(), summary.p95()));
				}
				line.append(String.format("  (other processes: %.0f%% CPU)", 100 * roundCpu.othersShare()));
				out.println(line);
			}
			for (ReadQuery query : queries()) {
				results.add(new QueryResult(query, c, rounds.get(query)));
			}
		}
		return measuring.othersShare();
	}

	/** {@code requests} requests from {@code clientCount} clients at once, each on its own connection. */
	private LatencyRecorder run(URI base, List<HttpClient> clients, ReadQuery query, Dataset dataset,
			int clientCount, int requests, long seed) throws Exception {
		if (clientCount == 1) {
			return client(base, clients.get(0), query, dataset, requests, new Random(seed), new CountDownLatch(0));
		}
		ExecutorService executor = Executors.newFixedThreadPool(clientCount);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<LatencyRecorder>> futures = new ArrayList<>();
			for (int i = 0; i < clientCount; i++) {
				HttpClient client = clients.get(i);
				int share = requests / clientCount + (i < requests % clientCount ? 1 : 0);
				Random random = new Random(seed + i);
				futures.add(executor.submit(() -> client(base, client, query, dataset, share, random, start)));
			}
			start.countDown();
			LatencyRecorder all = new LatencyRecorder();
			for (Future<LatencyRecorder> future : futures) {
				all.addAll(future.get());
			}
			return all;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private LatencyRecorder client(URI base, HttpClient client, ReadQuery query, Dataset dataset, int requests,
			Random random, CountDownLatch start) throws Exception {
		start.await();
		LatencyRecorder recorder = new LatencyRecorder();
		for (int i = 0; i < requests; i++) {
			ReadQuery.Request request = query.next(dataset, random);
			HttpRequest http = HttpRequest.newBuilder(base.resolve(request.pathAndQuery()))
				.timeout(Duration.ofSeconds(60))
				.GET()
				.build();
			long begin = System.nanoTime();
			HttpResponse<byte[]> response = client.send(http, HttpResponse.BodyHandlers.ofByteArray());
			long end = System.nanoTime();
			recorder.record(begin, end);
			verify(query, request, response);
		}
		return recorder;
	}

	private void verify(ReadQuery query, ReadQuery.Request request, HttpResponse<byte[]> response) {
		String body = null;
		try {
			if (response.statusCode() != 200) {
				throw new IllegalStateException("status " + response.statusCode());
			}
			JsonNode tree = json.readTree(response.body());
			request.check().verify(tree);
		}
		catch (RuntimeException e) {
			body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
			throw new IllegalStateException("wrong answer to " + query.key() + " query GET " + request.pathAndQuery()
					+ ": " + e.getMessage() + "; body: " + body.substring(0, Math.min(body.length(), 500)), e);
		}
	}

	private List<ReadQuery> queries() {
		return options.strings("queries", ReadQuery.all().stream().map(ReadQuery::key).toList())
			.stream()
			.map(key -> ReadQuery.valueOf(key.toUpperCase()))
			.toList();
	}

	private static String sha256(Path file) throws IOException {
		try (var in = Files.newInputStream(file)) {
			java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[1 << 16];
			for (int n; (n = in.read(buffer)) > 0;) {
				digest.update(buffer, 0, n);
			}
			return java.util.HexFormat.of().formatHex(digest.digest());
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void deleteQuietly(Path dir) {
		try (var files = Files.walk(dir)) {
			for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ignored) {
			// a temporary directory
		}
	}

	record Settings(int rounds, int requests, int warmup, List<Integer> clients) {
	}

	/** One query at one client count: a summary per round. */
	record QueryResult(ReadQuery query, int clients, List<Summary> rounds) {

		double medianP50() {
			return median(rounds.stream().mapToDouble(Summary::p50).toArray());
		}

		double medianP95() {
			return median(rounds.stream().mapToDouble(Summary::p95).toArray());
		}

		double medianP99() {
			return median(rounds.stream().mapToDouble(Summary::p99).toArray());
		}

		double minP95() {
			return rounds.stream().mapToDouble(Summary::p95).min().orElse(Double.NaN);
		}

		double maxP95() {
			return rounds.stream().mapToDouble(Summary::p95).max().orElse(Double.NaN);
		}

		double medianThroughput() {
			return median(rounds.stream().mapToDouble(Summary::throughput).toArray());
		}

		static double median(double[] values) {
			double[] sorted = values.clone();
			java.util.Arrays.sort(sorted);
			int n = sorted.length;
			return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
		}

	}

	record DatabaseResult(String database, String version, Map<String, String> settings, Shape shape,
			String loadedAt, double loadSeconds, boolean reusedData, List<QueryResult> queries,
			ServerProcess.Memory afterStart, ServerProcess.Memory memory, PostgresBenchDatabase.Storage storage,
			Long h2FileBytes, List<String> serverCommand, double othersCpuShare, String cache) {
	}

}
