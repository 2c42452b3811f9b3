package org.cabildo.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
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

import org.cabildo.bench.LatencyRecorder.Summary;
import org.cabildo.support.ServerProcess;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code bench indicators}: the air indicators of issue 13 on PostgreSQL. A year of PM2.5 and O3
 * from stations spread over square districts (10 million observations by default) is loaded
 * once with COPY and kept; the server's first start on it rolls every row up (timed); then
 * readers ask for the district tables of the year (WHO PM2.5 24-hour, WHO O3 8-hour, the local
 * index) and the stream series; then {@link RollupsUnderIngest} measures what rollups cost
 * ingest and how far they trail it.
 */
final class IndicatorsBenchmark {

	static final Set<String> OPTIONS = Set.of("phases", "observations", "stations", "districts", "year", "reload",
			"catch-up", "rounds", "requests", "warmup", "clients", "queries", "ingest-duration", "ingest-warmup",
			"ingest-rounds", "ingest-pairs", "ingest-datastreams", "array-clients", "array-rows", "array-datastreams",
			"server-env", "pg-url", "ingest-pg-url", "pg-user", "pg-password", "jar", "out", "seed");

	static final String USAGE = """
			bench indicators [options]   the air indicators on PostgreSQL: the first start's roll-up of a year of
			                         data, latency of the district tables and series, what rollups cost ingest
			                         and how far they trail it
			  --phases=tables,ingest      tables: the data, its roll-up and the reads; ingest: rollups under ingest
			  --observations=10M --stations=100 --districts=16
			                              a year of PM2.5 and O3 (two streams a station), stations dealt to square
			                              districts in turn, every stream evenly spaced over the year
			  --year=YYYY                 the calendar year of the data (default: last year)
			  --reload                    load the data again even if the loaded data has this shape
			  --catch-up                  roll the loaded data up again from nothing, timed (as a fresh load does)
			  --rounds=5 --requests=50    measured rounds, and requests per round, query and client count
			  --warmup=20                 requests per query and client count before measuring (discarded)
			  --clients=1,4               concurrent clients, each waiting for its answer before the next request
			  --queries=pm25-24h,o3-8h,local-index,series-day,series-hour
			  --ingest-duration=60 --ingest-warmup=10 --ingest-rounds=1
			                              the ingest benchmark's DataArray load: seconds measured per round, of
			                              load before, rounds per server
			  --ingest-pairs=1            servers with rollups on then off, each on a fresh database (figures are
			                              medians over the pairs)
			  --ingest-datastreams=100 --array-clients=4 --array-rows=1000 --array-datastreams=10
			                              as bench ingest: datastreams, clients, observations a request, datastreams
			                              a request
			  --server-env=NAME=value,... server settings, e.g. CABILDO_SENSING_ROLLUPS_INTERVAL=1s
			  --pg-url=jdbc:postgresql://127.0.0.1:5432/cabildo_indicators_bench (kept between runs)
			  --ingest-pg-url=jdbc:postgresql://127.0.0.1:5432/cabildo_indicators_ingest_bench (made afresh)
			  --pg-user=postgres --pg-password=
			  --jar=target/cabildo.jar    the server to measure
			  --out=bench-results         where the JSON results and the server logs go
			""";

	/** The target of issue 13: the district table of a year, p95. */
	static final double TABLE_TARGET_P95_MS = 200;

	/** The city index the server is started with, so that the local-index table has one. */
	static final String AIR_INDEX = "nom-172-semarnat-2019";

	private final Options options;

	private final PrintStream out;

	private final Path projectDir = Path.of("").toAbsolutePath();

	private final JsonMapper json = JsonMapper.shared();

	IndicatorsBenchmark(Options options, PrintStream out) {
		this.options = options;
		this.out = out;
	}

	/** One query at one client count: a summary per round. */
	record QueryRounds(IndicatorQuery query, int clients, List<Summary> rounds) {

		double medianP50() {
			return ReadBenchmark.QueryResult.median(rounds.stream().mapToDouble(Summary::p50).toArray());
		}

		double medianP95() {
			return ReadBenchmark.QueryResult.median(rounds.stream().mapToDouble(Summary::p95).toArray());
		}

		double medianP99() {
			return ReadBenchmark.QueryResult.median(rounds.stream().mapToDouble(Summary::p99).toArray());
		}

	}

	/**
	 * The first start's roll-up.
	 *
	 * @param measured whether it was measured in this run (else the figure of the run that loaded the data)
	 * @param fromLaunch seconds from starting the server process until the rollups were current
	 * @param fromHealthy seconds from the server answering health UP until then
	 */
	record CatchUp(boolean measured, double fromLaunch, double fromHealthy, long rows, long hoursRolledUp,
			long days) {
	}

	void run() throws Exception {
		Machine machine = Machine.describe();
		List<String> phases = options.strings("phases", List.of("tables", "ingest"));
		for (String phase : phases) {
			if (!phase.equals("tables") && !phase.equals("ingest")) {
				throw new IllegalArgumentException("unknown phase '" + phase + "' (tables, ingest)");
			}
		}
		Path jar = projectDir.resolve(options.string("jar", "target/cabildo.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " does not exist; build it first (./mvnw -q package -DskipTests)");
		}
		ServerProcess.JvmOptions jvm = ServerProcess.jvmOptions(projectDir);
		out.printf("Cabildo indicators benchmark on %s, load average %.1f%n", machine.describeShort(),
				Machine.loadAverage());
		out.printf("server: java %s -jar %s (JVM options from %s)%n", String.join(" ", jvm.options()),
				projectDir.relativize(jar), jvm.source());
		// A copy, so that a build running meanwhile cannot swap the server under the benchmark.
		Path snapshot = Files.createTempFile("cabildo-indicators-bench-", ".jar");
		Files.copy(jar, snapshot, StandardCopyOption.REPLACE_EXISTING);
		String jarInfo = String.format("%s built %s", projectDir.relativize(jar),
				Files.getLastModifiedTime(jar).toInstant().truncatedTo(ChronoUnit.SECONDS));
		out.printf("server jar: %s%n", jarInfo);
		Instant started = Instant.now();
		ObjectNode root = json.createObjectNode();
		root.put("benchmark", "indicators");
		root.put("started", started.toString());
		machine.writeTo(root.putObject("machine"));
		root.put("jvmOptions", String.join(" ", jvm.options()));
		root.put("jar", jarInfo);
		Path results = projectDir.resolve(options.string("out", "bench-results"));
		Files.createDirectories(results);
		try {
			List<String> summary = new ArrayList<>();
			if (phases.contains("tables")) {
				tables(snapshot, jvm, results, root.putObject("tables"), summary);
			}
			if (phases.contains("ingest")) {
				RollupsUnderIngest ingest = new RollupsUnderIngest(ingestSettings(), jvm, snapshot, results, out);
				ingest.run(root.putObject("ingest"), summary);
			}
			out.printf("%n== indicators: summary%n");
			summary.forEach(out::println);
		}
		finally {
			Files.deleteIfExists(snapshot);
		}
		root.put("finished", Instant.now().toString());
		Path file = results.resolve("indicators-" + started.toString().replace(':', '-') + ".json");
		Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
		out.printf("%nJSON: %s%n", projectDir.relativize(file));
	}

	private RollupsUnderIngest.Settings ingestSettings() {
		return new RollupsUnderIngest.Settings(
				new PostgresBenchDatabase(
						options.string("ingest-pg-url", "jdbc:postgresql://127.0.0.1:5432/cabildo_indicators_ingest_bench"),
						options.string("pg-user", "postgres"), options.string("pg-password", "")),
				Duration.ofSeconds(options.count("ingest-duration", 60)),
				Duration.ofSeconds(options.count("ingest-warmup", 10)), options.integer("ingest-rounds", 1),
				options.integer("ingest-pairs", 1), options.integer("ingest-datastreams", 100),
				new IngestPhase.Shape(options.integer("array-clients", 4), options.integer("array-rows", 1000),
						options.integer("array-datastreams", 10), 32, 8, 1000),
				serverEnvironment(), options.count("seed", 20240501L));
	}

	private Map<String, String> serverEnvironment() {
		Map<String, String> environment = new LinkedHashMap<>();
		for (String setting : options.strings("server-env", List.of())) {
			int equals = setting.indexOf('=');
			if (equals < 1) {
				throw new IllegalArgumentException("--server-env takes NAME=value pairs, not '" + setting + "'");
			}
			environment.put(setting.substring(0, equals), setting.substring(equals + 1));
		}
		return environment;
	}

	/** The data (loaded once), its roll-up at the server's start, and the reads. */
	private void tables(Path jar, ServerProcess.JvmOptions jvm, Path results, ObjectNode node, List<String> summary)
			throws Exception {
		PostgresBenchDatabase db = new PostgresBenchDatabase(
				options.string("pg-url", "jdbc:postgresql://127.0.0.1:5432/cabildo_indicators_bench"),
				options.string("pg-user", "postgres"), options.string("pg-password", ""));
		AirNetwork planned = AirNetwork.plan(options.count("observations", 10_000_000),
				options.integer("stations", 100), options.integer("districts", 16),
				options.integer("year", Year.now(ZoneOffset.UTC).getValue() - 1), options.count("seed", 20240501L));
		out.printf("%n== %s: %s%n", db.version(), planned.describe());
		if (!planned.everyHourHasValues()) {
			out.printf("  NOTE: a stream has fewer values than hours: days miss hours, and tables may lack values%n");
		}
		Path scratch = Files.createTempDirectory("cabildo-indicators-bench-");
		try {
			Optional<Loaded> existing = options.flag("reload") ? Optional.empty() : loaded(db, planned);
			AirNetwork network;
			boolean measureCatchUp;
			if (existing.isPresent()) {
				network = existing.get().network();
				out.printf("  reusing the data loaded at %s (in %.0f s); --reload loads it again%n",
						existing.get().loadedAt(), existing.get().loadSeconds());
				measureCatchUp = options.flag("catch-up");
				if (measureCatchUp) {
					try (Connection connection = db.connect()) {
						RollupState.reset(connection);
					}
					out.println("  --catch-up: rollups emptied, the next start rolls every row up again");
				}
			}
			else {
				out.println("  loading (this takes a while; later runs reuse the data)");
				network = load(db, planned, jar, jvm, results, scratch);
				measureCatchUp = true;
			}
			long rows;
			try (Connection connection = db.connect(); Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM observations")) {
				rs.next();
				rows = rs.getLong(1);
			}
			String warmed = db.warmCache();
			out.printf("  %s%n", warmed);
			Map<String, String> environment = new LinkedHashMap<>(db.serverEnvironment(scratch));
			environment.put("CABILDO_CITY_AIR_INDEX", AIR_INDEX);
			environment.putAll(serverEnvironment());
			long launched = System.nanoTime();
			try (ServerProcess server = ServerProcess.start(jar, jvm.options(), environment,
					results.resolve("server-indicators.log"), Duration.ofMinutes(10))) {
				long healthy = System.nanoTime();
				out.printf("  server pid %d up in %.1f s, RSS %s; waiting for the rollups to be current%n", server.pid(),
						(healthy - launched) / 1e9, Report.mib(server.memory().rssBytes()));
				CatchUp catchUp = awaitRollups(db, server, launched, healthy, rows, measureCatchUp);
				if (measureCatchUp) {
					try (Connection connection = db.connect()) {
						recordCatchUp(connection, catchUp.fromLaunch());
					}
				}
				else {
					catchUp = new CatchUp(false, storedCatchUp(db), Double.NaN, rows, catchUp.hoursRolledUp(),
							catchUp.days());
				}
				new AirStationsSetup(server.baseUri(), out).putDistricts(network);
				Map<IndicatorQuery, List<QueryRounds>> measured = measure(server, network);
				ServerProcess.Memory memory = server.memory();
				report(network, catchUp, measured, memory, node, summary);
				node.put("cache", warmed);
				node.putPOJO("serverCommand", server.command());
			}
		}
		finally {
			deleteQuietly(scratch);
		}
	}

	/** The data and how it was loaded, found in the database. */
	private record Loaded(AirNetwork network, String loadedAt, double loadSeconds) {
	}

	/**
	 * The network loaded into this database, if it has the planned shape: the observations by
	 * {@link DatasetMarker}, the year, stations and districts by {@code bench_indicators}.
	 */
	private static Optional<Loaded> loaded(PostgresBenchDatabase db, AirNetwork planned) throws Exception {
		Optional<DatasetMarker.Loaded> marker = db.loaded(planned.dataset().shape());
		if (marker.isEmpty()) {
			return Optional.empty();
		}
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			if (!connection.getMetaData().getTables(null, null, "bench_indicators", null).next()) {
				return Optional.empty();
			}
			try (ResultSet rs = statement.executeQuery("SELECT year, stations, districts FROM bench_indicators")) {
				if (!rs.next() || rs.getInt(1) != planned.year() || rs.getInt(2) != planned.stations()
						|| rs.getInt(3) != planned.districts()) {
					return Optional.empty();
				}
			}
		}
		DatasetMarker.Loaded found = marker.get();
		return Optional.of(new Loaded(planned.withDataset(found.dataset()), found.loadedAt(), found.loadSeconds()));
	}

	/**
	 * Creates the stations through the API with rollups off (so the watermark stays at 0), then
	 * loads the rest with COPY, the server stopped: the next start rolls up every row, as the first
	 * start of an installation whose rows were stored before rollups existed.
	 */
	private AirNetwork load(PostgresBenchDatabase db, AirNetwork planned, Path jar, ServerProcess.JvmOptions jvm,
			Path results, Path scratch) throws Exception {
		db.recreate();
		Map<String, String> environment = new LinkedHashMap<>(db.serverEnvironment(scratch));
		environment.put("CABILDO_SENSING_ROLLUPS_ENABLED", "false");
		AirNetwork network;
		try (ServerProcess server = ServerProcess.start(jar, jvm.options(), environment,
				results.resolve("server-indicators-setup.log"), Duration.ofMinutes(3))) {
			network = new AirStationsSetup(server.baseUri(), out).create(planned);
		}
		db.load(network.dataset(), out);
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS bench_indicators");
			statement.execute("CREATE TABLE bench_indicators (year INTEGER NOT NULL, stations INTEGER NOT NULL, "
					+ "districts INTEGER NOT NULL, catch_up_seconds DOUBLE PRECISION)");
			try (PreparedStatement insert = connection
				.prepareStatement("INSERT INTO bench_indicators (year, stations, districts) VALUES (?, ?, ?)")) {
				insert.setInt(1, network.year());
				insert.setInt(2, network.stations());
				insert.setInt(3, network.districts());
				insert.executeUpdate();
			}
		}
		return network;
	}

	private static void recordCatchUp(Connection connection, double seconds) throws SQLException {
		try (PreparedStatement update = connection.prepareStatement("UPDATE bench_indicators SET catch_up_seconds = ?")) {
			update.setDouble(1, seconds);
			update.executeUpdate();
		}
	}

	private static double storedCatchUp(PostgresBenchDatabase db) throws SQLException {
		try (Connection connection = db.connect(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT catch_up_seconds FROM bench_indicators")) {
			rs.next();
			double seconds = rs.getDouble(1);
			return rs.wasNull() ? Double.NaN : seconds;
		}
	}

	/**
	 * Polls the rollups' bookkeeping every half second until they are current (the watermark at
	 * the newest id, nothing pending) and the count of daily rollups has stopped moving, then checks
	 * that the hourly rollups count every stored value.
	 */
	private CatchUp awaitRollups(PostgresBenchDatabase db, ServerProcess server, long launched, long healthy, long rows,
			boolean measured) throws Exception {
		long deadline = System.nanoTime() + Duration.ofHours(3).toNanos();
		long nextNote = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		// Already current at start (a rerun): the first round still runs after the initial delay.
		long earliest = healthy + Duration.ofSeconds(measured ? 0 : 8).toNanos();
		try (Connection connection = db.connect()) {
			long previousDays = -1;
			long currentSince = -1;
			while (true) {
				if (server.death() != null) {
					throw new IllegalStateException(server.death());
				}
				RollupState state = RollupState.read(connection);
				long now = System.nanoTime();
				if (state.current() && state.days() == previousDays && now >= earliest) {
					if (currentSince < 0) {
						currentSince = now;
					}
					// current, and still so a second later: the catch-up is over
					if (now - currentSince >= 1_000_000_000L) {
						RollupState.Totals totals = RollupState.totals(connection);
						if (totals.rolledUp() != totals.observations()) {
							throw new IllegalStateException(String.format("the rollups count %,d values, the "
									+ "observations hold %,d", totals.rolledUp(), totals.observations()));
						}
						double fromLaunch = (currentSince - launched) / 1e9;
						double fromHealthy = (currentSince - healthy) / 1e9;
						out.printf("  rollups current: %,d values rolled up (all of them), %,d days; %s%n",
								totals.rolledUp(), state.days(), measured
										? String.format("%.1f s after the process started (%.1f s after health UP)",
												fromLaunch, fromHealthy)
										: "they were already");
						return new CatchUp(measured, fromLaunch, fromHealthy, rows, totals.rolledUp(), state.days());
					}
				}
				else {
					currentSince = -1;
				}
				previousDays = state.days();
				if (now > deadline) {
					throw new IllegalStateException("the rollups were not current after 3 hours: " + state);
				}
				if (now > nextNote) {
					out.printf("  rolling up: %,d days so far, watermark %,d of %,d (%.0f s)%n", state.days(),
							state.watermark(), state.highestId(), (now - launched) / 1e9);
					nextNote = now + Duration.ofSeconds(30).toNanos();
				}
				Thread.sleep(500);
			}
		}
	}

	private record Settings(int rounds, int requests, int warmup, List<Integer> clients, List<IndicatorQuery> queries) {
	}

	private Settings settings() {
		return new Settings(options.integer("rounds", 5), options.integer("requests", 50),
				options.integer("warmup", 20), options.integers("clients", List.of(1, 4)),
				options.strings("queries", List.of("pm25-24h", "o3-8h", "local-index", "series-day", "series-hour"))
					.stream()
					.map(IndicatorQuery::of)
					.toList());
	}

	/** Warm-up, then the measured rounds: every query at every client count. */
	private Map<IndicatorQuery, List<QueryRounds>> measure(ServerProcess server, AirNetwork network) throws Exception {
		Settings s = settings();
		int most = s.clients().stream().mapToInt(Integer::intValue).max().orElse(1);
		List<HttpClient> clients = new ArrayList<>();
		for (int i = 0; i < most; i++) {
			clients.add(HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.build());
		}
		Random seeds = new Random(options.count("seed", 20240501L));
		for (IndicatorQuery query : s.queries()) {
			for (int c : s.clients()) {
				Summary warm = run(server, clients, network, query, c, s.warmup(), seeds.nextLong()).summary();
				out.printf("  warm-up %-11s %d client%s: %d requests, p50 %.1f ms%n", query.key(), c, c == 1 ? "" : "s",
						warm.requests(), warm.p50());
			}
		}
		Map<IndicatorQuery, List<QueryRounds>> measured = new EnumMap<>(IndicatorQuery.class);
		for (int c : s.clients()) {
			Map<IndicatorQuery, List<Summary>> rounds = new EnumMap<>(IndicatorQuery.class);
			s.queries().forEach(query -> rounds.put(query, new ArrayList<>()));
			for (int round = 1; round <= s.rounds(); round++) {
				CpuAccounting cpu = CpuAccounting.start(server.pid());
				StringBuilder line = new StringBuilder(String.format("  %d client%s, round %d:", c, c == 1 ? "" : "s",
						round));
				for (IndicatorQuery query : s.queries()) {
					Summary summary = run(server, clients, network, query, c, s.requests(), seeds.nextLong()).summary();
					rounds.get(query).add(summary);
					line.append(String.format("  %s p50/p95/p99 %.1f/%.1f/%.1f ms", query.key(), summary.p50(),
							summary.p95(), summary.p99()));
				}
				line.append(String.format("  (other processes: %.0f%% CPU)", 100 * cpu.othersShare()));
				out.println(line);
			}
			rounds.forEach((query, list) -> measured.computeIfAbsent(query, q -> new ArrayList<>())
				.add(new QueryRounds(query, c, list)));
		}
		return measured;
	}

	/** {@code requests} requests from {@code count} clients at once, each on its own connection. */
	private LatencyRecorder run(ServerProcess server, List<HttpClient> clients, AirNetwork network,
			IndicatorQuery query, int count, int requests, long seed) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<LatencyRecorder>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				HttpClient client = clients.get(i);
				int share = requests / count + (i < requests % count ? 1 : 0);
				Random random = new Random(seed + i);
				futures.add(executor.submit(() -> client(server.baseUri(), client, network, query, share, random, start)));
			}
			start.countDown();
			LatencyRecorder all = new LatencyRecorder();
			for (Future<LatencyRecorder> future : futures) {
				try {
					all.addAll(future.get());
				}
				catch (ExecutionException e) {
					futures.forEach(f -> f.cancel(true));
					if (server.death() != null) {
						throw new IllegalStateException(server.death(), e.getCause());
					}
					throw e.getCause() instanceof Exception cause ? cause : e;
				}
			}
			return all;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private LatencyRecorder client(URI base, HttpClient client, AirNetwork network, IndicatorQuery query, int requests,
			Random random, CountDownLatch start) throws Exception {
		start.await();
		LatencyRecorder recorder = new LatencyRecorder();
		for (int i = 0; i < requests; i++) {
			String path = query.path(network, random);
			HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
				.timeout(Duration.ofSeconds(120))
				.header("Accept", "application/json")
				.GET()
				.build();
			long begin = System.nanoTime();
			HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			recorder.record(begin, System.nanoTime());
			String body = new String(response.body(), StandardCharsets.UTF_8);
			try {
				if (response.statusCode() != 200) {
					throw new IllegalStateException("status " + response.statusCode());
				}
				query.verify(network, json.readTree(body));
			}
			catch (RuntimeException e) {
				throw new IllegalStateException("wrong answer to GET " + path + ": " + e.getMessage() + "; body: "
						+ body.substring(0, Math.min(body.length(), 500)), e);
			}
		}
		return recorder;
	}

	private void report(AirNetwork network, CatchUp catchUp, Map<IndicatorQuery, List<QueryRounds>> measured,
			ServerProcess.Memory memory, ObjectNode node, List<String> summary) {
		Settings s = settings();
		summary.add(String.format("%s", network.describe()));
		summary.add(String.format("first start's roll-up of %,d rows: %s", catchUp.rows(),
				Double.isNaN(catchUp.fromLaunch()) ? "not measured (--catch-up measures it)"
						: String.format("%.1f s from the process's start%s", catchUp.fromLaunch(),
								catchUp.measured() ? String.format(" (%.1f s from health UP)", catchUp.fromHealthy())
										: " (measured when the data was loaded)")));
		summary.add(String.format("reads, public, year %d; medians of %d rounds of %d requests (ms):", network.year(),
				s.rounds(), s.requests()));
		summary.add("  query        | clients | p50     | p95     | p99     | target p95");
		node.put("description", network.describe());
		node.put("observations", network.dataset().shape().observations());
		node.put("stations", network.stations());
		node.put("districts", network.districts());
		node.put("year", network.year());
		ObjectNode catchUpNode = node.putObject("catchUp");
		catchUpNode.put("measuredThisRun", catchUp.measured());
		catchUpNode.put("secondsFromLaunch", catchUp.fromLaunch());
		catchUpNode.put("secondsFromHealthy", catchUp.fromHealthy());
		catchUpNode.put("rows", catchUp.rows());
		catchUpNode.put("valuesRolledUp", catchUp.hoursRolledUp());
		catchUpNode.put("days", catchUp.days());
		node.put("rounds", s.rounds());
		node.put("requestsPerRound", s.requests());
		node.put("warmupRequests", s.warmup());
		ArrayNode queries = node.putArray("queries");
		for (List<QueryRounds> list : measured.values()) {
			for (QueryRounds q : list) {
				boolean table = q.query() != IndicatorQuery.SERIES_DAY && q.query() != IndicatorQuery.SERIES_HOUR;
				summary.add(String.format("  %-12s | %7d | %7.1f | %7.1f | %7.1f | %s", q.query().key(), q.clients(),
						q.medianP50(), q.medianP95(), q.medianP99(), table ? String.format("< %.0f ms: %s",
								TABLE_TARGET_P95_MS, q.medianP95() < TABLE_TARGET_P95_MS ? "met" : "MISSED") : ""));
				ObjectNode entry = queries.addObject();
				entry.put("query", q.query().key());
				entry.put("example", q.query().path(network, new Random(0)));
				entry.put("clients", q.clients());
				entry.put("medianP50Ms", q.medianP50());
				entry.put("medianP95Ms", q.medianP95());
				entry.put("medianP99Ms", q.medianP99());
				ArrayNode rounds = entry.putArray("rounds");
				for (Summary round : q.rounds()) {
					ObjectNode r = rounds.addObject();
					r.put("requests", round.requests());
					r.put("p50Ms", round.p50());
					r.put("p95Ms", round.p95());
					r.put("p99Ms", round.p99());
					r.put("maxMs", round.max());
					r.put("perSecond", round.throughput());
				}
			}
		}
		summary.add(String.format("server peak RSS through the reads: %s", Report.mib(memory.peakRssBytes())));
		node.put("serverPeakRssBytes", memory.peakRssBytes());
	}

	static void deleteQuietly(Path dir) {
		try (var files = Files.walk(dir)) {
			for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (java.io.IOException ignored) {
			// a temporary directory
		}
	}

}
