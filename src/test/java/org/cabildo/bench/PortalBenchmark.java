package org.cabildo.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import org.cabildo.support.ServerProcess;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code bench portal}: how fast the portal's pages answer many readers at once, with the demo
 * city (Mexico City's 36 RAMA stations, January to June 2024, hourly) on PostgreSQL. Each page
 * is measured twice over: by the clients (the latency a reader sees, on this machine) and by
 * the server itself (Tomcat's access log: the time from reading the request to writing the last
 * byte of the answer, per request, so that the percentiles are exact).
 */
final class PortalBenchmark {

	static final Set<String> OPTIONS = Set.of("pages", "clients", "rounds", "duration", "warmup", "reload", "pg-url",
			"pg-user", "pg-password", "jar", "out", "server-env", "seed");

	static final String USAGE = """
			bench portal [options]   server time and latency of the portal's pages (home, stream card) with the
			                         demo city on PostgreSQL, many readers at once
			  --pages=home,card           which pages: home (/) and card (/sensors/{id}, a random demo stream, as
			                              the public sees it: made once for everyone); card-made is the card made
			                              for each request (/sensors/{id}?lang=es, as a signed-in reader's is);
			                              --pages=home measures the home page only. Any answer but 200 stops
			                              the benchmark.
			  --clients=20                concurrent readers, each waiting for its answer before the next request
			  --rounds=3 --duration=30    measured rounds, and seconds per page per round
			  --warmup=20                 seconds of load per page before measuring (discarded)
			  --reload                    load the demo city again (drops the database first)
			  --server-env=NAME=value,... server settings, e.g. JAVA_TOOL_OPTIONS=-XX:StartFlightRecording:filename=/tmp/p.jfr
			  --pg-url=jdbc:postgresql://127.0.0.1:5432/cabildo_portal_bench --pg-user=postgres --pg-password=
			  --jar=target/cabildo.jar    the server to measure
			  --out=bench-results         where the JSON results and the server's log go
			""";

	/** The targets of issue 12: server time, p95, with 20 concurrent readers. */
	private static final Map<Page, Double> TARGET_P95_MS = Map.of(Page.HOME, 50.0, Page.CARD, 80.0,
			Page.CARD_MADE, 80.0);

	private final Options options;

	private final PrintStream out;

	private final Path projectDir = Path.of("").toAbsolutePath();

	private final JsonMapper json = JsonMapper.shared();

	PortalBenchmark(Options options, PrintStream out) {
		this.options = options;
		this.out = out;
	}

	/** A page measured, and how its path shows in the access log. */
	enum Page {

		HOME("home", path -> path.equals("/")),

		CARD("card", path -> path.matches("/sensors/\\d+")),

		/** The card made for each request, as a signed-in reader's is: a query (?lang=es) skips the public's kept card. */
		CARD_MADE("card-made", path -> path.matches("/sensors/\\d+"));

		final String key;

		final Predicate<String> logged;

		Page(String key, Predicate<String> logged) {
			this.key = key;
			this.logged = logged;
		}

		static Page of(String key) {
			return Arrays.stream(values())
				.filter(page -> page.key.equals(key))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("unknown page '" + key + "' (home, card, card-made)"));
		}

	}

	void run() throws Exception {
		Machine machine = Machine.describe();
		List<Page> pages = options.strings("pages", List.of("home", "card")).stream().map(Page::of).toList();
		int clients = options.integer("clients", 20);
		int rounds = options.integer("rounds", 3);
		int seconds = options.integer("duration", 30);
		int warmup = options.integer("warmup", 20);
		Path jar = projectDir.resolve(options.string("jar", "target/cabildo.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " does not exist; build it first (./mvnw -q package -DskipTests)");
		}
		ServerProcess.JvmOptions jvm = ServerProcess.jvmOptions(projectDir);
		PostgresBenchDatabase db = new PostgresBenchDatabase(
				options.string("pg-url", "jdbc:postgresql://127.0.0.1:5432/cabildo_portal_bench"),
				options.string("pg-user", "postgres"), options.string("pg-password", ""));
		out.printf("Cabildo portal benchmark on %s, load average %.1f%n", machine.describeShort(), Machine.loadAverage());
		if (options.flag("reload") || !exists(db)) {
			out.println("  a fresh database: the server loads the demo city on its first start (several minutes)");
			db.recreate();
		}
		out.printf("server: java %s -jar %s (JVM options from %s); %s%n", String.join(" ", jvm.options()),
				projectDir.relativize(jar), jvm.source(), db.version());
		// A copy, so that a build running meanwhile cannot swap the server under the benchmark.
		Path snapshot = Files.createTempFile("cabildo-portal-bench-", ".jar");
		Files.copy(jar, snapshot, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		Path scratch = Files.createTempDirectory("cabildo-portal-bench-");
		Path results = projectDir.resolve(options.string("out", "bench-results"));
		Files.createDirectories(results);
		Path accessLog = scratch.resolve("access");
		Map<String, String> environment = new LinkedHashMap<>(db.serverEnvironment(scratch));
		environment.put("SPRING_PROFILES_ACTIVE", "demo");
		environment.put("SERVER_TOMCAT_ACCESSLOG_ENABLED", "true");
		environment.put("SERVER_TOMCAT_ACCESSLOG_DIRECTORY", accessLog.toString());
		environment.put("SERVER_TOMCAT_ACCESSLOG_PREFIX", "access");
		environment.put("SERVER_TOMCAT_ACCESSLOG_SUFFIX", ".log");
		environment.put("SERVER_TOMCAT_ACCESSLOG_ROTATE", "false");
		environment.put("SERVER_TOMCAT_ACCESSLOG_BUFFERED", "false");
		// method, path without query, status, microseconds from the request's first byte to the answer's last
		environment.put("SERVER_TOMCAT_ACCESSLOG_PATTERN", "%m %U %s %{us}T");
		for (String setting : options.strings("server-env", List.of())) {
			int equals = setting.indexOf('=');
			if (equals < 1) {
				throw new IllegalArgumentException("--server-env takes NAME=value pairs, not '" + setting + "'");
			}
			environment.put(setting.substring(0, equals), setting.substring(equals + 1));
		}
		Instant started = Instant.now();
		// Long: on a busy machine, with the demo city to load (its first start), it takes minutes.
		try (ServerProcess server = ServerProcess.start(snapshot, jvm.options(), environment,
				results.resolve("server-portal.log"), Duration.ofMinutes(60))) {
			awaitDemoCity(server);
			List<Long> streams = streams(server.baseUri());
			out.printf("  demo city ready: %d declared streams; server pid %d, RSS %s%n", streams.size(), server.pid(),
					Report.mib(server.memory().rssBytes()));
			Load load = new Load(server.baseUri(), streams, clients, options.count("seed", 20240501L));
			for (Page page : pages) {
				load.check(page);
			}
			for (Page page : pages) {
				load.run(page, Duration.ofSeconds(warmup));
			}
			out.printf("  warmed up: %d s per page, %d clients%n", warmup, clients);
			Map<Page, List<Round>> measured = new LinkedHashMap<>();
			pages.forEach(page -> measured.put(page, new ArrayList<>()));
			for (int round = 1; round <= rounds; round++) {
				for (Page page : pages) {
					long offset = size(accessLog);
					CpuAccounting cpu = CpuAccounting.start(server.pid(), Optional.of(db.databaseName()));
					long begin = System.nanoTime();
					LatencyRecorder client = load.run(page, Duration.ofSeconds(seconds));
					double wall = (System.nanoTime() - begin) / 1e9;
					CpuAccounting.Split split = cpu.split();
					LatencyRecorder serverTimes = serverTimes(accessLog, offset, page);
					Round r = new Round(client.summary(), serverTimes.summary(), split, wall);
					measured.get(page).add(r);
					out.printf("  round %d, %-4s: server p50 %6.2f p95 %6.2f p99 %6.2f ms | client p50 %6.2f p95 %6.2f"
							+ " p99 %6.2f ms | %5.0f req/s, server CPU %.2f ms/req | other processes %.0f%% CPU%n", round,
							page.key, r.server().p50(), r.server().p95(), r.server().p99(), r.client().p50(),
							r.client().p95(), r.client().p99(), r.client().throughput(), r.serverCpuMillisPerRequest(),
							split == null ? -1 : 100 * split.others());
					if (serverTimes.count() != client.count()) {
						out.printf("    (the access log holds %d requests of the round, the clients made %d)%n",
								serverTimes.count(), client.count());
					}
				}
			}
			report(machine, jvm, started, clients, rounds, seconds, warmup, streams.size(), measured, results);
		}
		finally {
			Files.deleteIfExists(snapshot);
			deleteQuietly(scratch);
		}
	}

	/** The server's scratch directory (data directory, access log): a temporary one. */
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

	private void report(Machine machine, ServerProcess.JvmOptions jvm, Instant started, int clients, int rounds,
			int seconds, int warmup, int streams, Map<Page, List<Round>> measured, Path results) throws IOException {
		out.printf("%nportal, %d concurrent readers, PostgreSQL, demo city (%d streams); medians of %d rounds of %d s:%n",
				clients, streams, rounds, seconds);
		out.println("  page  | server p50 / p95 / p99 (ms)   | client p50 / p95 / p99 (ms)   | req/s | target server p95");
		ObjectNode root = json.createObjectNode();
		root.put("benchmark", "portal");
		root.put("started", started.toString());
		root.put("finished", Instant.now().toString());
		machine.writeTo(root.putObject("machine"));
		root.put("jvmOptions", String.join(" ", jvm.options()));
		root.put("clients", clients);
		root.put("rounds", rounds);
		root.put("secondsPerRound", seconds);
		root.put("warmupSeconds", warmup);
		root.put("streams", streams);
		root.put("serverTime", "Tomcat access log, %{us}T: from the request's first byte to the answer's last");
		ObjectNode pages = root.putObject("pages");
		for (Map.Entry<Page, List<Round>> entry : measured.entrySet()) {
			List<Round> r = entry.getValue();
			double target = TARGET_P95_MS.get(entry.getKey());
			double serverP95 = median(r, round -> round.server().p95());
			out.printf("  %-5s | %6.2f / %6.2f / %6.2f       | %6.2f / %6.2f / %6.2f       | %5.0f | < %.0f ms: %s%n",
					entry.getKey().key, median(r, x -> x.server().p50()), serverP95, median(r, x -> x.server().p99()),
					median(r, x -> x.client().p50()), median(r, x -> x.client().p95()), median(r, x -> x.client().p99()),
					median(r, x -> x.client().throughput()), target, serverP95 < target ? "met" : "MISSED");
			ObjectNode page = pages.putObject(entry.getKey().key);
			page.put("targetServerP95Ms", target);
			page.put("medianServerP95Ms", serverP95);
			ArrayNode list = page.putArray("rounds");
			for (Round round : r) {
				ObjectNode node = list.addObject();
				summary(node.putObject("server"), round.server());
				summary(node.putObject("client"), round.client());
				node.put("serverCpuMillisPerRequest", round.serverCpuMillisPerRequest());
				if (round.cpu() != null) {
					node.put("otherProcessesCpuShare", round.cpu().others());
					node.put("serverCpuShare", round.cpu().server());
					node.put("postgresCpuShare", round.cpu().postgres());
					node.put("benchmarkCpuShare", round.cpu().benchmark());
				}
			}
		}
		Path file = results.resolve("portal-" + started.toString().replace(':', '-') + ".json");
		Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
		out.printf("%nJSON: %s%n", projectDir.relativize(file));
	}

	private static void summary(ObjectNode node, LatencyRecorder.Summary summary) {
		node.put("requests", summary.requests());
		node.put("p50Ms", summary.p50());
		node.put("p95Ms", summary.p95());
		node.put("p99Ms", summary.p99());
		node.put("maxMs", summary.max());
		node.put("perSecond", summary.throughput());
	}

	private static double median(List<Round> rounds, java.util.function.ToDoubleFunction<Round> figure) {
		return ReadBenchmark.QueryResult.median(rounds.stream().mapToDouble(figure).toArray());
	}

	/** One page's round: the clients' latencies, the server's own times, where the CPU went. */
	record Round(LatencyRecorder.Summary client, LatencyRecorder.Summary server, CpuAccounting.Split cpu,
			double seconds) {

		/** The server's CPU time per answer: the figure other work on the machine changes least. */
		double serverCpuMillisPerRequest() {
			if (cpu == null || client.requests() == 0) {
				return -1;
			}
			return cpu.server() * Runtime.getRuntime().availableProcessors() * seconds * 1000 / client.requests();
		}

	}

	/** The server has started; the demo city is loaded once readiness says UP (the first time, minutes). */
	private void awaitDemoCity(ServerProcess server) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest readiness = HttpRequest.newBuilder(server.baseUri().resolve("/actuator/health/readiness")).build();
		long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
		long nextNote = System.nanoTime();
		while (System.nanoTime() < deadline) {
			if (server.death() != null) {
				throw new IllegalStateException(server.death());
			}
			if (http.send(readiness, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
				return;
			}
			if (System.nanoTime() >= nextNote) {
				out.println("  waiting for the demo city to load (see " + server.log() + ")");
				nextNote = System.nanoTime() + Duration.ofMinutes(1).toNanos();
			}
			Thread.sleep(1000);
		}
		throw new IllegalStateException("the demo city was not loaded within an hour; see " + server.log());
	}

	/** The declared Datastreams of the public register: each has a stream card. */
	private List<Long> streams(URI base) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(base.resolve("/api/register")).build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET /api/register answered " + response.statusCode());
		}
		List<Long> ids = new ArrayList<>();
		for (JsonNode entry : json.readTree(response.body()).path("value")) {
			if (!"MultiDatastreams".equals(entry.path("entitySet").asString(""))) {
				ids.add(entry.path("datastreamId").asLong());
			}
		}
		if (ids.isEmpty()) {
			throw new IllegalStateException("the demo city's register declares no Datastream");
		}
		return ids;
	}

	private static boolean exists(PostgresBenchDatabase db) {
		try (Connection connection = db.connect()) {
			return true;
		}
		catch (java.sql.SQLException e) {
			return false;
		}
	}

	private static long size(Path accessLog) throws IOException {
		Optional<Path> file = logFile(accessLog);
		return file.isEmpty() ? 0 : Files.size(file.get());
	}

	private static Optional<Path> logFile(Path accessLog) throws IOException {
		if (!Files.isDirectory(accessLog)) {
			return Optional.empty();
		}
		try (var files = Files.list(accessLog)) {
			return files.filter(file -> file.getFileName().toString().startsWith("access")).findFirst();
		}
	}

	/** The server's own time of each request of a page logged after {@code offset}. */
	private static LatencyRecorder serverTimes(Path accessLog, long offset, Page page) throws Exception {
		// unbuffered, but written as each answer completes: the last ones may trail the client by a moment
		Thread.sleep(200);
		Path file = logFile(accessLog)
			.orElseThrow(() -> new IllegalStateException("no access log in " + accessLog + ": the server time is unknown"));
		byte[] bytes;
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
			in.seek(offset);
			bytes = new byte[(int) (in.length() - offset)];
			in.readFully(bytes);
		}
		LatencyRecorder times = new LatencyRecorder();
		for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
			String[] fields = line.trim().split(" ");
			if (fields.length == 4 && fields[0].equals("GET") && page.logged.test(fields[1])) {
				if (!fields[2].equals("200")) {
					throw new IllegalStateException("the server logged " + line);
				}
				times.record(0, Long.parseLong(fields[3]) * 1000);
			}
		}
		return times;
	}

	/** The readers: each its own connection, one request at a time, as fast as the answers come. */
	private final class Load {

		private final URI base;

		private final List<Long> streams;

		private final List<HttpClient> clients = new ArrayList<>();

		private final Random seeds;

		Load(URI base, List<Long> streams, int count, long seed) {
			this.base = base;
			this.streams = streams;
			this.seeds = new Random(seed);
			for (int i = 0; i < count; i++) {
				clients.add(HttpClient.newBuilder()
					.version(HttpClient.Version.HTTP_1_1)
					.connectTimeout(Duration.ofSeconds(5))
					.build());
			}
		}

		/** One request of the page, read whole: it must be a page, or the benchmark stops here. */
		void check(Page page) throws Exception {
			HttpResponse<byte[]> response = clients.getFirst()
				.send(request(page, new Random(0)), HttpResponse.BodyHandlers.ofByteArray());
			verify(page, response, true);
		}

		LatencyRecorder run(Page page, Duration duration) throws Exception {
			ExecutorService executor = Executors.newFixedThreadPool(clients.size());
			try {
				CountDownLatch start = new CountDownLatch(1);
				List<Future<LatencyRecorder>> futures = new ArrayList<>();
				long deadline = System.nanoTime() + duration.toNanos();
				for (HttpClient client : clients) {
					Random random = new Random(seeds.nextLong());
					futures.add(executor.submit(() -> reader(client, page, random, start, deadline)));
				}
				start.countDown();
				LatencyRecorder all = new LatencyRecorder();
				for (Future<LatencyRecorder> future : futures) {
					try {
						all.addAll(future.get());
					}
					catch (ExecutionException e) {
						futures.forEach(f -> f.cancel(true));
						throw e.getCause() instanceof Exception cause ? cause : e;
					}
				}
				return all;
			}
			finally {
				executor.shutdownNow();
			}
		}

		private LatencyRecorder reader(HttpClient client, Page page, Random random, CountDownLatch start, long deadline)
				throws Exception {
			start.await();
			LatencyRecorder recorder = new LatencyRecorder();
			boolean first = true;
			while (System.nanoTime() < deadline) {
				HttpRequest request = request(page, random);
				long begin = System.nanoTime();
				HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
				recorder.record(begin, System.nanoTime());
				verify(page, response, first);
				first = false;
			}
			return recorder;
		}

		private HttpRequest request(Page page, Random random) {
			String path = switch (page) {
				case HOME -> "/";
				case CARD -> "/sensors/" + streams.get(random.nextInt(streams.size()));
				case CARD_MADE -> "/sensors/" + streams.get(random.nextInt(streams.size())) + "?lang=es";
			};
			// as a browser asks: compressed, in the city's language
			return HttpRequest.newBuilder(base.resolve(path))
				.timeout(Duration.ofSeconds(60))
				.header("Accept", "text/html")
				.header("Accept-Encoding", "gzip")
				.header("Accept-Language", "es-MX,es;q=0.9")
				.GET()
				.build();
		}

		/** Any answer but 200 stops the benchmark: a 404 measured fast is no page. */
		private void verify(Page page, HttpResponse<byte[]> response, boolean readBody) throws IOException {
			String path = response.request().uri().getPath();
			if (response.statusCode() != 200) {
				String hint = page != Page.HOME && response.statusCode() == 404
						? " (is there a stream card at /sensors/{id} in this server? --pages=home measures the home page only)"
						: "";
				throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + hint + ": "
						+ text(response).substring(0, Math.min(300, text(response).length())));
			}
			if (readBody) {
				String body = text(response);
				if (!body.contains("<h1") || !response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
					throw new IllegalStateException("GET " + path + " answered 200 without a page: "
							+ body.substring(0, Math.min(300, body.length())));
				}
			}
		}

		private static String text(HttpResponse<byte[]> response) throws IOException {
			byte[] body = response.body();
			if (response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
				try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
					body = in.readAllBytes();
				}
			}
			return new String(body, StandardCharsets.UTF_8);
		}

	}

}
