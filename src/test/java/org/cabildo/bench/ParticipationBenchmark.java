package org.cabildo.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import org.cabildo.bench.LatencyRecorder.Summary;
import org.cabildo.bench.Open311Residents.Period;
import org.cabildo.support.ServerProcess;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code bench participation}: residents' reports through Open311 GeoReport v2 on PostgreSQL. A
 * year of reports (a million by default) is loaded once with COPY and kept; then many residents
 * at once file reports and read requests (the mixed phase), and readers alone ask for requests
 * with each kind of filter (the reads phase). The server runs as its own process, with the
 * filing allowances out of the way (every resident calls from 127.0.0.1).
 */
final class ParticipationBenchmark {

	static final Set<String> OPTIONS = Set.of("phases", "reports", "reload", "clients", "think", "warmup", "rounds",
			"duration", "read-clients", "read-filters", "read-warmup", "read-duration", "verify-every", "server-env",
			"pg-url", "pg-user", "pg-password", "jar", "out", "seed");

	static final String USAGE = """
			bench participation [options]   Open311 GeoReport v2 on PostgreSQL: residents filing and reading reports
			                         at once (POST and GET requests.json), then reads alone with each filter
			  --phases=mixed,reads        mixed: residents each file a report, then read requests, in a loop;
			                              reads: GET requests.json alone, each filter in turn
			  --reports=1M                reports loaded (a year of them, COPY, kept between runs; loaded again
			                              once they are 7 days old, so that "the last 90 days" hold as many)
			  --reload                    load them again even if the loaded ones have this shape
			  --clients=200               residents of the mixed phase, each on its own connection
			  --think=0                   milliseconds a resident pauses after each answer (on average; 0: a
			                              closed loop, each resident sends its next request at once)
			  --warmup=20 --rounds=3 --duration=30
			                              mixed phase: seconds of warm-up, measured rounds (of both phases),
			                              seconds a round
			  --read-clients=1,16 --read-filters=latest,service-open,week,ids
			  --read-warmup=5 --read-duration=10
			                              reads phase: concurrent readers, the filters (latest: no filter, the
			                              last 90 days; service-open: service_code=X&status=open; week:
			                              start_date/end_date a week apart; ids: service_request_id= five ids),
			                              seconds of warm-up and a round, per filter and client count
			  --verify-every=10           every how many answers a reader checks row by row (status, and that
			                              an answer is a JSON array, are checked for every one)
			  --server-env=NAME=value,... server settings, e.g. SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE=32
			  --pg-url=jdbc:postgresql://127.0.0.1:5432/cabildo_participation_bench (kept between runs)
			  --pg-user=postgres --pg-password=
			  --jar=target/cabildo.jar    the server to measure
			  --out=bench-results         where the JSON and markdown results and the server's log go
			""";

	/** The command that reproduces the figures, as the README gives it. */
	static final String COMMAND = "./cabildo bench participation";

	/** The targets of the issue: POST requests p95 with 200 residents, GET requests with filters over 1 M reports. */
	static final double POST_TARGET_P95_MS = 100;

	static final double GET_TARGET_P95_MS = 50;

	/** Loaded reports older than this are loaded again, so that "the last 90 days" hold as many as at the load. */
	static final Duration MAX_DATA_AGE = Duration.ofDays(7);

	/** The key of every GET of the mixed phase together. */
	static final String ALL_GETS = "get (all)";

	private final Options options;

	private final PrintStream out;

	private final Path projectDir = Path.of("").toAbsolutePath();

	private final JsonMapper json = JsonMapper.shared();

	ParticipationBenchmark(Options options, PrintStream out) {
		this.options = options;
		this.out = out;
	}

	/** A kind of request over a phase's rounds: the clients' latencies and the server's own times. */
	record Measured(String kind, int clients, List<Summary> client, List<Summary> server, List<Double> perSecond,
			long errors) {

		double median(ToDoubleFunction<Summary> figure, boolean ofServer) {
			List<Summary> rounds = ofServer ? server : client;
			if (rounds.isEmpty()) {
				return Double.NaN;
			}
			return ReadBenchmark.QueryResult.median(rounds.stream().mapToDouble(figure).toArray());
		}

		double medianPerSecond() {
			return ReadBenchmark.QueryResult.median(perSecond.stream().mapToDouble(Double::doubleValue).toArray());
		}

		boolean isPost() {
			return kind.equals(Open311Residents.POST);
		}

		double target() {
			return isPost() ? POST_TARGET_P95_MS : GET_TARGET_P95_MS;
		}

	}

	/** A phase measured: its kinds, where the CPU went (medians of its rounds), errors shown. */
	record PhaseResult(String phase, String description, List<Measured> measured, String cpu, List<String> errorSamples,
			long errors) {
	}

	void run() throws Exception {
		Machine machine = Machine.describe();
		List<String> phases = options.strings("phases", List.of("mixed", "reads"));
		for (String phase : phases) {
			if (!phase.equals("mixed") && !phase.equals("reads")) {
				throw new IllegalArgumentException("unknown phase '" + phase + "' (mixed, reads)");
			}
		}
		Path jar = projectDir.resolve(options.string("jar", "target/cabildo.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " does not exist; build it first (./mvnw -q package -DskipTests)");
		}
		ServerProcess.JvmOptions jvm = ServerProcess.jvmOptions(projectDir);
		PostgresBenchDatabase db = new PostgresBenchDatabase(
				options.string("pg-url", "jdbc:postgresql://127.0.0.1:5432/cabildo_participation_bench"),
				options.string("pg-user", "postgres"), options.string("pg-password", ""));
		out.printf("Cabildo participation benchmark on %s, load average %.1f%n", machine.describeShort(),
				Machine.loadAverage());
		out.printf("server: java %s -jar %s (JVM options from %s); %s%n", String.join(" ", jvm.options()),
				projectDir.relativize(jar), jvm.source(), db.version());
		// A copy, so that a build running meanwhile cannot swap the server under the benchmark.
		Path snapshot = Files.createTempFile("cabildo-participation-bench-", ".jar");
		Files.copy(jar, snapshot, StandardCopyOption.REPLACE_EXISTING);
		String jarInfo = String.format("%s built %s", projectDir.relativize(jar),
				Files.getLastModifiedTime(jar).toInstant().truncatedTo(ChronoUnit.SECONDS));
		Path results = projectDir.resolve(options.string("out", "bench-results"));
		Files.createDirectories(results);
		Path scratch = Files.createTempDirectory("cabildo-participation-bench-");
		Instant started = Instant.now();
		ObjectNode root = json.createObjectNode();
		root.put("benchmark", "participation");
		root.put("command", COMMAND);
		root.put("started", started.toString());
		machine.writeTo(root.putObject("machine"));
		root.put("jvmOptions", String.join(" ", jvm.options()));
		root.put("jar", jarInfo);
		root.put("database", db.version());
		ObjectNode pgSettings = root.putObject("databaseSettings");
		db.settings().forEach(pgSettings::put);
		try {
			ObjectNode dataNode = root.putObject("data");
			ReportsDataset data = data(db, snapshot, jvm, results, scratch, dataNode);
			restore(db, data);
			sizes(db, dataNode);
			String warmed = warmCache(db);
			out.printf("  %s%n", warmed);
			root.put("cache", warmed);
			Path accessLog = scratch.resolve("access");
			Map<String, String> environment = serverEnvironment(db, scratch, accessLog);
			List<PhaseResult> phaseResults = new ArrayList<>();
			try (ServerProcess server = ServerProcess.start(snapshot, jvm.options(), environment,
					results.resolve("server-participation.log"), Duration.ofMinutes(10))) {
				out.printf("  server pid %d up, RSS %s%n", server.pid(), Report.mib(server.memory().rssBytes()));
				check(server.baseUri(), data);
				int most = Math.max(options.integer("clients", 200),
						options.integers("read-clients", List.of(1, 16)).stream().mapToInt(Integer::intValue).max().orElse(1));
				Open311Residents residents = new Open311Residents(server.baseUri(), data, most,
						options.integer("verify-every", 10), options.count("seed", 20261207L), server::death);
				for (String phase : phases) {
					restore(db, data);
					phaseResults.addAll(phase.equals("mixed") ? mixed(server, db, residents, accessLog)
							: reads(server, db, residents, accessLog));
				}
				ServerProcess.Memory memory = server.memory();
				root.put("serverPeakRssBytes", memory.peakRssBytes());
				root.putPOJO("serverCommand", server.command());
				root.put("finished", Instant.now().toString());
				report(machine, jvm, data, phaseResults, memory, root, results, started);
			}
			finally {
				restore(db, data, false);
			}
		}
		finally {
			Files.deleteIfExists(snapshot);
			IndicatorsBenchmark.deleteQuietly(scratch);
		}
	}

	// ---- the data

	/** The loaded reports, loading them first when there are none of this shape or they are too old. */
	private ReportsDataset data(PostgresBenchDatabase db, Path jar, ServerProcess.JvmOptions jvm, Path results,
			Path scratch, ObjectNode node) throws Exception {
		long reports = options.count("reports", 1_000_000);
		long seed = options.count("seed", 20261207L);
		Optional<String> marker = Optional.empty();
		if (!options.flag("reload") && exists(db)) {
			try (Connection connection = db.connect()) {
				marker = ReportsDataset.loadedMarker(connection, reports, seed);
			}
		}
		ReportsDataset data;
		if (marker.isPresent()) {
			Instant until = ReportsDataset.markerUntil(marker.get());
			Duration age = Duration.between(until, Instant.now());
			if (age.compareTo(MAX_DATA_AGE) > 0) {
				out.printf("  the loaded reports end %d days ago; loading them again, so that the last 90 days hold as "
						+ "many as a fresh load%n", age.toDays());
				marker = Optional.empty();
			}
		}
		if (marker.isPresent()) {
			data = ReportsDataset.plan(reports, seed, ReportsDataset.markerUntil(marker.get()));
			out.printf("%n== %s%n  reusing the reports loaded at %s (in %.0f s); --reload loads them again%n",
					data.describe(), ReportsDataset.markerLoadedAt(marker.get()),
					ReportsDataset.markerSeconds(marker.get()));
			node.put("reused", true);
			node.put("loadedAt", ReportsDataset.markerLoadedAt(marker.get()));
			node.put("loadSeconds", ReportsDataset.markerSeconds(marker.get()));
		}
		else {
			data = ReportsDataset.plan(reports, seed, Instant.now());
			out.printf("%n== %s%n  loading (later runs reuse the reports for %d days)%n", data.describe(),
					MAX_DATA_AGE.toDays());
			db.recreate();
			// the server's first start on the empty database makes the schema (Flyway), as an installation's does
			try (ServerProcess server = ServerProcess.start(jar, jvm.options(), serverEnvironment(db, scratch, null),
					results.resolve("server-participation-setup.log"), Duration.ofMinutes(5))) {
				out.printf("  schema made by the server (pid %d); stopping it for the load%n", server.pid());
			}
			try (Connection connection = db.connect()) {
				data.load(connection, out);
			}
			node.put("reused", false);
		}
		node.put("reports", data.reports());
		node.put("seed", data.seed());
		node.put("until", data.until().toString());
		node.put("description", data.describe());
		return data;
	}

	/** What the table takes on disk, for the report. */
	private void sizes(PostgresBenchDatabase db, ObjectNode node) throws SQLException {
		try (Connection connection = db.connect(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT pg_total_relation_size('service_requests'),"
						+ " pg_relation_size('service_requests'), pg_indexes_size('service_requests')")) {
			rs.next();
			node.put("totalBytes", rs.getLong(1));
			node.put("heapBytes", rs.getLong(2));
			node.put("indexBytes", rs.getLong(3));
			out.printf("  service_requests: %s (heap %s, indexes %s)%n", Report.mib(rs.getLong(1)),
					Report.mib(rs.getLong(2)), Report.mib(rs.getLong(3)));
		}
	}

	private static boolean exists(PostgresBenchDatabase db) {
		try (Connection connection = db.connect()) {
			return true;
		}
		catch (SQLException e) {
			return false;
		}
	}

	private void restore(PostgresBenchDatabase db, ReportsDataset data) throws SQLException {
		restore(db, data, true);
	}

	/**
	 * Removes the reports the benchmark filed (ids past the loaded ones), so that each phase and
	 * each run reads the loaded table; VACUUM ANALYZE then, as autovacuum would in time.
	 */
	private void restore(PostgresBenchDatabase db, ReportsDataset data, boolean vacuum) throws SQLException {
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			// Without the foreign-key triggers: duplicate_of has no index, so checking that no report
			// names a deleted one as its duplicate reads the whole table once per deleted report (minutes
			// for a few thousand). The rows removed are named only by each other. Needs a superuser.
			statement.execute("SET LOCAL session_replication_role = replica");
			int removed = statement.executeUpdate("DELETE FROM service_requests WHERE id > " + data.reports());
			connection.commit();
			connection.setAutoCommit(true);
			if (vacuum) {
				statement.execute("VACUUM ANALYZE service_requests");
			}
			if (removed > 0) {
				out.printf("  %,d reports filed by the benchmark removed%s%n", removed, vacuum ? "; VACUUM ANALYZE" : "");
			}
		}
	}

	/** Reads the table and its indexes once, so that they are in the OS page cache as on a server that has run a while. */
	private static String warmCache(PostgresBenchDatabase db) throws SQLException {
		long started = System.nanoTime();
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			statement.execute("SELECT SUM(LENGTH(attributes)) FROM service_requests");
			statement.execute("SET enable_seqscan = off");
			statement.execute("SELECT COUNT(*) FROM service_requests WHERE requested_at > '-infinity'");
			statement.execute("SELECT COUNT(*) FROM service_requests WHERE service_code > '' AND requested_at > '-infinity'");
			statement.execute("SELECT COUNT(*) FROM service_requests WHERE id > 0");
		}
		return String.format("service_requests and its indexes read once into the OS page cache (%.1f s); "
				+ "shared_buffers as configured", (System.nanoTime() - started) / 1e9);
	}

	/**
	 * The server's settings: this database, the benchmark's jurisdiction and box (not bound by
	 * districts, as there are none), the allowances out of the way, and Tomcat's access log for
	 * the server's own time of each request.
	 */
	private Map<String, String> serverEnvironment(PostgresBenchDatabase db, Path scratch, Path accessLog) {
		Map<String, String> environment = new LinkedHashMap<>(db.serverEnvironment(scratch));
		environment.put("CABILDO_CITY_TIME_ZONE", "America/Mexico_City");
		environment.put("CABILDO_PARTICIPATION_OPEN311_JURISDICTION_ID", ReportsDataset.JURISDICTION);
		environment.put("CABILDO_PARTICIPATION_OPEN311_BOUNDS_0", Double.toString(ReportsDataset.WEST));
		environment.put("CABILDO_PARTICIPATION_OPEN311_BOUNDS_1", Double.toString(ReportsDataset.SOUTH));
		environment.put("CABILDO_PARTICIPATION_OPEN311_BOUNDS_2", Double.toString(ReportsDataset.EAST));
		environment.put("CABILDO_PARTICIPATION_OPEN311_BOUNDS_3", Double.toString(ReportsDataset.NORTH));
		environment.put("CABILDO_PARTICIPATION_OPEN311_WITHIN_DISTRICTS", "false");
		// every resident calls from 127.0.0.1: the per-address allowances would refuse all but a few
		environment.put("CABILDO_PARTICIPATION_REPORTS_ANONYMOUS_PER_HOUR", "100000000");
		environment.put("CABILDO_IDENTITY_LIMITS_ANONYMOUS_WRITES_PER_ADDRESS", "100000000");
		if (accessLog != null) {
			environment.put("SERVER_TOMCAT_ACCESSLOG_ENABLED", "true");
			environment.put("SERVER_TOMCAT_ACCESSLOG_DIRECTORY", accessLog.toString());
			environment.put("SERVER_TOMCAT_ACCESSLOG_PREFIX", "access");
			environment.put("SERVER_TOMCAT_ACCESSLOG_SUFFIX", ".log");
			environment.put("SERVER_TOMCAT_ACCESSLOG_ROTATE", "false");
			environment.put("SERVER_TOMCAT_ACCESSLOG_BUFFERED", "false");
			// when it began (ms), method, path and query, status, microseconds from the request's first byte to the answer's last
			environment.put("SERVER_TOMCAT_ACCESSLOG_PATTERN", "%{begin:msec}t %m %U%q %s %{us}T");
		}
		for (String setting : options.strings("server-env", List.of())) {
			int equals = setting.indexOf('=');
			if (equals < 1) {
				throw new IllegalArgumentException("--server-env takes NAME=value pairs, not '" + setting + "'");
			}
			environment.put(setting.substring(0, equals), setting.substring(equals + 1));
		}
		return environment;
	}

	/**
	 * Before measuring: the server serves the benchmark's jurisdiction and its four services, and
	 * refuses a point outside the box (so the box was taken).
	 */
	private void check(URI base, ReportsDataset data) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> services = http.send(HttpRequest
			.newBuilder(base.resolve("/open311/v2/services.json?jurisdiction_id=" + ReportsDataset.JURISDICTION))
			.build(), HttpResponse.BodyHandlers.ofString());
		JsonNode list = services.statusCode() == 200 ? json.readTree(services.body()) : null;
		if (list == null || list.size() != data.services().size()) {
			throw new IllegalStateException("GET services.json answered " + services.statusCode() + ": " + services.body());
		}
		String outside = "jurisdiction_id=" + ReportsDataset.JURISDICTION + "&service_code="
				+ URLEncoder.encode(data.services().getFirst().code(), StandardCharsets.UTF_8) + "&lat=19.3&long=-99.6";
		HttpResponse<String> refused = http.send(HttpRequest.newBuilder(base.resolve("/open311/v2/requests.json"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(outside))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (refused.statusCode() != 400 || !refused.body().contains("outside the jurisdiction")) {
			throw new IllegalStateException("a report west of the box was answered " + refused.statusCode()
					+ ", not 400 (are the bounds set?): " + refused.body());
		}
		out.printf("  checked: jurisdiction %s, %d services, the box [%s, %s, %s, %s] bounds filing%n",
				ReportsDataset.JURISDICTION, list.size(), ReportsDataset.WEST, ReportsDataset.SOUTH, ReportsDataset.EAST,
				ReportsDataset.NORTH);
	}

	// ---- the phases

	private List<PhaseResult> mixed(ServerProcess server, PostgresBenchDatabase db, Open311Residents residents,
			Path accessLog) throws Exception {
		int clients = options.integer("clients", 200);
		Duration think = Duration.ofMillis(options.count("think", 0));
		Duration warmup = Duration.ofSeconds(options.count("warmup", 20));
		Duration round = Duration.ofSeconds(options.count("duration", 30));
		int rounds = options.integer("rounds", 3);
		List<ReportFilter> filters = List.of(ReportFilter.values());
		String description = String.format("%d residents at once, each filing a report (POST) and then reading "
				+ "requests (GET, the four filters in turn)%s; %d s of warm-up, %d rounds of %d s", clients,
				think.isZero() ? ", no pause (a closed loop)" : ", pausing " + think.toMillis() + " ms on average after each answer",
				warmup.toSeconds(), rounds, round.toSeconds());
		out.printf("%n== mixed: %s%n", description);
		Open311Residents.Run run = residents.run(new Open311Residents.Behaviour(clients, true, filters, think), warmup,
				rounds, round, server.pid(), db.databaseName());
		List<String> kinds = new ArrayList<>();
		kinds.add(Open311Residents.POST);
		filters.forEach(f -> kinds.add(f.key()));
		printPeriods(run, kinds);
		Map<Period, Map<String, LatencyRecorder>> serverTimes = serverTimes(accessLog, run.periods());
		List<Measured> measured = new ArrayList<>();
		for (String kind : kinds) {
			measured.add(measured(kind, clients, run, serverTimes, List.of(kind)));
		}
		measured.add(measured(ALL_GETS, clients, run, serverTimes, kinds.subList(1, kinds.size())));
		long errors = run.periods().stream().mapToLong(Period::errorCount).sum();
		showErrors(run, errors);
		return List.of(new PhaseResult("mixed", description, measured, cpu(run), run.errorSamples(), errors));
	}

	private List<PhaseResult> reads(ServerProcess server, PostgresBenchDatabase db, Open311Residents residents,
			Path accessLog) throws Exception {
		List<Integer> counts = options.integers("read-clients", List.of(1, 16));
		List<ReportFilter> filters = options.strings("read-filters", List.of("latest", "service-open", "week", "ids"))
			.stream()
			.map(ReportFilter::of)
			.toList();
		Duration warmup = Duration.ofSeconds(options.count("read-warmup", 5));
		Duration round = Duration.ofSeconds(options.count("read-duration", 10));
		int rounds = options.integer("rounds", 3);
		List<PhaseResult> results = new ArrayList<>();
		for (int clients : counts) {
			String description = String.format("%d reader%s, GET requests.json only, one filter at a time; %d s of "
					+ "warm-up, %d rounds of %d s per filter", clients, clients == 1 ? "" : "s", warmup.toSeconds(),
					rounds, round.toSeconds());
			out.printf("%n== reads: %s%n", description);
			List<Measured> measured = new ArrayList<>();
			List<String> samples = new ArrayList<>();
			long errors = 0;
			List<String> cpu = new ArrayList<>();
			for (ReportFilter filter : filters) {
				Open311Residents.Run run = residents.run(
						new Open311Residents.Behaviour(clients, false, List.of(filter), Duration.ZERO), warmup, rounds,
						round, server.pid(), db.databaseName());
				printPeriods(run, List.of(filter.key()));
				measured.add(measured(filter.key(), clients, run, serverTimes(accessLog, run.periods()),
						List.of(filter.key())));
				long e = run.periods().stream().mapToLong(Period::errorCount).sum();
				showErrors(run, e);
				errors += e;
				samples.addAll(run.errorSamples());
				cpu.add(filter.key() + ": " + cpu(run));
			}
			results.add(new PhaseResult("reads", description, measured, String.join("; ", cpu), samples, errors));
		}
		return results;
	}

	private void printPeriods(Open311Residents.Run run, List<String> kinds) {
		for (Period period : run.periods()) {
			StringBuilder line = new StringBuilder(String.format("  %-8s", period.name() + ":"));
			for (String kind : kinds) {
				LatencyRecorder recorder = period.latencies().get(kind);
				if (recorder.count() == 0) {
					line.append(String.format("  %s none", kind));
					continue;
				}
				Summary s = recorder.summary();
				line.append(String.format("  %s %d, p50/p95/p99 %.1f/%.1f/%.1f ms", kind, s.requests(), s.p50(), s.p95(),
						s.p99()));
			}
			long errors = period.errorCount();
			if (errors > 0) {
				line.append(String.format("  ERRORS %d", errors));
			}
			if (period.cpu() != null) {
				line.append(String.format("  (other processes %.0f%% CPU)", 100 * period.cpu().others()));
			}
			out.println(line);
		}
	}

	private void showErrors(Open311Residents.Run run, long errors) {
		if (errors > 0) {
			out.printf("  %d wrong or failed answers; the first:%n", errors);
			run.errorSamples().forEach(e -> out.printf("    %s%n", e));
		}
	}

	/** Where the CPU went over the rounds (medians), for the report. */
	private static String cpu(Open311Residents.Run run) {
		List<CpuAccounting.Split> splits = run.rounds().stream().map(Period::cpu).filter(s -> s != null).toList();
		if (splits.isEmpty()) {
			return "unknown";
		}
		return new CpuAccounting.Split(median(splits, CpuAccounting.Split::server),
				median(splits, CpuAccounting.Split::benchmark), median(splits, CpuAccounting.Split::postgres),
				median(splits, CpuAccounting.Split::interrupts), median(splits, CpuAccounting.Split::others)).toString();
	}

	private static <T> double median(List<T> values, ToDoubleFunction<T> figure) {
		return ReadBenchmark.QueryResult.median(values.stream().mapToDouble(figure).toArray());
	}

	/** One kind (or several together) over the rounds: summaries of the clients' and the server's times. */
	private static Measured measured(String name, int clients, Open311Residents.Run run,
			Map<Period, Map<String, LatencyRecorder>> serverTimes, List<String> kinds) {
		List<Summary> client = new ArrayList<>();
		List<Summary> server = new ArrayList<>();
		List<Double> perSecond = new ArrayList<>();
		long errors = 0;
		for (Period round : run.rounds()) {
			LatencyRecorder all = new LatencyRecorder();
			LatencyRecorder serverAll = new LatencyRecorder();
			for (String kind : kinds) {
				all.addAll(round.latencies().get(kind));
				errors += round.errors().get(kind);
				LatencyRecorder s = serverTimes.getOrDefault(round, Map.of()).get(kind);
				if (s != null) {
					serverAll.addAll(s);
				}
			}
			if (all.count() > 0) {
				client.add(all.summary());
				perSecond.add(all.count() / round.seconds());
			}
			if (serverAll.count() > 0) {
				server.add(serverAll.summary());
			}
		}
		return new Measured(name, clients, client, server, perSecond, errors);
	}

	/**
	 * The server's own time of each request (Tomcat's access log: from the request's first byte to
	 * the answer's last), by the period it began in and its kind.
	 */
	private static Map<Period, Map<String, LatencyRecorder>> serverTimes(Path accessLog, List<Period> periods)
			throws Exception {
		// unbuffered, but written as each answer completes: the last ones may trail the clients by a moment
		Thread.sleep(300);
		Map<Period, Map<String, LatencyRecorder>> times = new LinkedHashMap<>();
		Optional<Path> file = logFile(accessLog);
		if (file.isEmpty()) {
			return times;
		}
		long first = periods.getFirst().wallStart();
		try (var lines = Files.lines(file.get(), StandardCharsets.UTF_8)) {
			for (String line : (Iterable<String>) lines::iterator) {
				String[] f = line.trim().split(" ");
				if (f.length != 5) {
					continue;
				}
				long begin;
				try {
					begin = Long.parseLong(f[0]);
				}
				catch (NumberFormatException e) {
					continue;
				}
				if (begin < first) {
					continue;
				}
				Period period = null;
				for (Period p : periods) {
					if (begin >= p.wallStart() && begin < p.wallEnd()) {
						period = p;
						break;
					}
				}
				// %q writes "-" when there is no query
				String target = f[2].endsWith("-") && f[2].indexOf('?') < 0 ? f[2].substring(0, f[2].length() - 1) : f[2];
				int q = target.indexOf('?');
				String path = q < 0 ? target : target.substring(0, q);
				if (period == null || !path.equals(ReportFilter.PATH)) {
					continue;
				}
				String kind = f[1].equals("POST") ? Open311Residents.POST
						: ReportFilter.ofQuery(q < 0 ? "" : target.substring(q)).key();
				times.computeIfAbsent(period, p -> new LinkedHashMap<>())
					.computeIfAbsent(kind, k -> new LatencyRecorder())
					.record(0, Long.parseLong(f[4]) * 1000);
			}
		}
		return times;
	}

	private static Optional<Path> logFile(Path accessLog) throws IOException {
		if (!Files.isDirectory(accessLog)) {
			return Optional.empty();
		}
		try (var files = Files.list(accessLog)) {
			return files.filter(file -> file.getFileName().toString().startsWith("access")).findFirst();
		}
	}

	// ---- the report

	private void report(Machine machine, ServerProcess.JvmOptions jvm, ReportsDataset data, List<PhaseResult> phases,
			ServerProcess.Memory memory, ObjectNode root, Path results, Instant started) throws IOException {
		out.printf("%n== participation: summary (%s)%n", data.describe());
		out.printf("machine: %s; %s; %s; JVM options %s%n", machine.describeShort(), machine.os(), machine.java(),
				String.join(" ", jvm.options()));
		out.println("figures: medians over the rounds of each round's percentiles; client = the latency a resident "
				+ "sees here, server = Tomcat's own time (first byte in to last byte out)");
		ArrayNode phasesNode = root.putArray("phases");
		for (PhaseResult phase : phases) {
			out.printf("%n%s: %s%n", phase.phase(), phase.description());
			out.println("  kind          | client p50 / p95 / p99 (ms)  | server p50 / p95 / p99 (ms)  |  req/s | errors"
					+ " | target p95");
			ObjectNode p = phasesNode.addObject();
			p.put("phase", phase.phase());
			p.put("description", phase.description());
			p.put("cpu", phase.cpu());
			p.put("errors", phase.errors());
			ArrayNode samples = p.putArray("errorSamples");
			phase.errorSamples().forEach(samples::add);
			ArrayNode kinds = p.putArray("kinds");
			for (Measured m : phase.measured()) {
				double p95 = m.median(Summary::p95, false);
				boolean hasTarget = !m.kind().equals(ALL_GETS) || phase.phase().equals("mixed");
				out.printf("  %-13s | %7.1f / %7.1f / %7.1f    | %7.1f / %7.1f / %7.1f    | %6.0f | %6d | %s%n", m.kind(),
						m.median(Summary::p50, false), p95, m.median(Summary::p99, false), m.median(Summary::p50, true),
						m.median(Summary::p95, true), m.median(Summary::p99, true), m.medianPerSecond(), m.errors(),
						hasTarget ? String.format("< %.0f ms: %s", m.target(),
								p95 < m.target() && m.errors() == 0 ? "met" : "MISSED") : "");
				ObjectNode k = kinds.addObject();
				k.put("kind", m.kind());
				k.put("clients", m.clients());
				k.put("targetP95Ms", m.target());
				k.put("medianP50Ms", m.median(Summary::p50, false));
				k.put("medianP95Ms", p95);
				k.put("medianP99Ms", m.median(Summary::p99, false));
				k.put("medianServerP50Ms", m.median(Summary::p50, true));
				k.put("medianServerP95Ms", m.median(Summary::p95, true));
				k.put("medianServerP99Ms", m.median(Summary::p99, true));
				k.put("medianPerSecond", m.medianPerSecond());
				k.put("errors", m.errors());
				ArrayNode rounds = k.putArray("rounds");
				for (int r = 0; r < m.client().size(); r++) {
					ObjectNode round = rounds.addObject();
					summary(round.putObject("client"), m.client().get(r));
					if (r < m.server().size()) {
						summary(round.putObject("server"), m.server().get(r));
					}
					round.put("perSecond", m.perSecond().get(r));
				}
			}
			out.printf("  CPU (shares of both cores, medians of the rounds): %s%n", phase.cpu());
			if (phase.errors() > 0) {
				out.printf("  %d WRONG OR FAILED ANSWERS: the figures do not count; the first: %s%n", phase.errors(),
						phase.errorSamples().isEmpty() ? "" : phase.errorSamples().getFirst());
			}
		}
		out.printf("%nserver peak RSS (VmHWM): %s%n", Report.mib(memory.peakRssBytes()));
		String markdown = markdown(machine, jvm, data, phases, memory);
		root.put("markdown", markdown);
		out.printf("%nMarkdown for the README:%n%n%s%n", markdown);
		String stamp = started.truncatedTo(ChronoUnit.SECONDS).toString().replace(':', '-');
		Path file = results.resolve("participation-" + stamp + ".json");
		Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
		Path md = results.resolve("participation-" + stamp + ".md");
		Files.writeString(md, markdown);
		out.printf("JSON: %s%nmarkdown: %s%n", projectDir.relativize(file), projectDir.relativize(md));
	}

	private static void summary(ObjectNode node, Summary summary) {
		node.put("requests", summary.requests());
		node.put("p50Ms", summary.p50());
		node.put("p95Ms", summary.p95());
		node.put("p99Ms", summary.p99());
		node.put("maxMs", summary.max());
	}

	private String markdown(Machine machine, ServerProcess.JvmOptions jvm, ReportsDataset data, List<PhaseResult> phases,
			ServerProcess.Memory memory) {
		StringBuilder md = new StringBuilder();
		md.append(String.format("| what was measured (%s reports, PostgreSQL) | client p50 / p95 / p99 | server p95 | req/s"
				+ " | target |%n", millions(data.reports())));
		md.append("|---|---|---|---|---|\n");
		for (PhaseResult phase : phases) {
			for (Measured m : phase.measured()) {
				double p95 = m.median(Summary::p95, false);
				String what = phase.phase().equals("mixed")
						? String.format("%s, %d residents filing and reading at once", label(m.kind()), m.clients())
						: String.format("%s, %d reader%s", label(m.kind()), m.clients(), m.clients() == 1 ? "" : "s");
				boolean hasTarget = !m.kind().equals(ALL_GETS) || phase.phase().equals("mixed");
				md.append(String.format("| %s | %s / **%s** / %s ms | %s ms | %.0f | %s |%n", what,
						figure(m.median(Summary::p50, false)), figure(p95), figure(m.median(Summary::p99, false)),
						figure(m.median(Summary::p95, true)), m.medianPerSecond(),
						hasTarget ? String.format("p95 < %.0f ms: %s", m.target(),
								p95 < m.target() && m.errors() == 0 ? "met" : "missed") : ""));
			}
		}
		md.append(String.format("| server peak resident memory (VmHWM) | %s | | | |%n", Report.mib(memory.peakRssBytes())));
		md.append(String.format("%nMeasured with `%s` on %d cores (%s), JDK %d, server JVM options `%s`; figures are medians "
				+ "over the rounds of each round's percentiles, every answer's status checked and one in %d checked row by "
				+ "row.%n", COMMAND, machine.cores(), machine.cpu(), Runtime.version().feature(),
				String.join(" ", jvm.options()), options.integer("verify-every", 10)));
		return md.toString();
	}

	private static String label(String kind) {
		return switch (kind) {
			case Open311Residents.POST -> "`POST requests.json`";
			case ALL_GETS -> "`GET requests.json`, the four filters together";
			case "latest" -> "`GET requests.json` (no filter: the last 90 days, newest 1,000)";
			case "service-open" -> "`GET requests.json?service_code=X&status=open`";
			case "week" -> "`GET requests.json?start_date=…&end_date=…` (a week)";
			case "ids" -> "`GET requests.json?service_request_id=` five ids";
			default -> kind;
		};
	}

	private static String millions(long n) {
		return n % 1_000_000 == 0 ? (n / 1_000_000) + " M" : String.format("%,d", n);
	}

	private static String figure(double millis) {
		if (Double.isNaN(millis)) {
			return "–";
		}
		return millis < 10 ? String.format("%.1f", millis) : String.format("%.0f", millis);
	}

}
