package org.cabildo.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cabildo.bench.Dataset.Series;
import org.cabildo.bench.Dataset.Shape;
import org.cabildo.support.ServerProcess;

/**
 * {@code bench ingest}: how many observations per second the server stores when a city's
 * sensors send them in bulk (DataArray), one by one over HTTP, and over MQTT; whether every
 * acknowledged one is stored; how soon a subscriber hears of them; and what it all costs in
 * memory. On PostgreSQL (with PostgreSQL's own COPY of the same rows as the yardstick) and on
 * the embedded H2 default, each in a database made afresh for the run.
 */
final class IngestBenchmark {

	static final Set<String> OPTIONS = Set.of("databases", "phases", "duration", "warmup", "rounds", "datastreams",
			"array-clients", "array-rows", "array-datastreams", "post-clients", "mqtt-publishers", "mqtt-inflight",
			"copy-streams", "server-env", "pg-url", "pg-user", "pg-password", "h2-dir", "jar", "out", "seed");

	static final String USAGE = """
			bench ingest [options]   observations/s landed over HTTP (DataArray, single POST) and MQTT, none lost,
			                         delivery latency to a subscriber, peak RSS; PostgreSQL COPY as the yardstick
			  --databases=postgresql,h2   which databases (default both); each is made afresh for the run
			  --phases=dataarray,post,mqtt  which ways in, in this order (also history, history-shuffled: one
			                              datastream's past, in time order or shuffled, in DataArray requests)
			  --duration=60 --warmup=10   seconds measured per round, and of load before measuring, per phase
			  --rounds=1                  measured rounds per phase, back to back (figures are medians)
			  --datastreams=100           datastreams, made through the API
			  --array-clients=4 --array-rows=1000 --array-datastreams=10
			                              DataArray clients, observations a request, datastreams a request
			  --post-clients=32           clients POSTing one observation at a time
			  --mqtt-publishers=8 --mqtt-inflight=1000
			                              MQTT publishers, and the most QoS 1 publishes each keeps unacknowledged
			                              (the broker's receive maximum may allow fewer)
			  --copy-streams=1            COPY streams of the PostgreSQL baseline (0: none)
			  --server-env=NAME=value,... server settings, e.g. CABILDO_SENSING_INGEST_WRITERS=4
			  --pg-url=jdbc:postgresql://127.0.0.1:5432/cabildo_ingest_bench --pg-user=postgres --pg-password=
			  --h2-dir=target/bench/ingest-h2
			  --jar=target/cabildo.jar    the server to measure
			  --out=bench-results         where the JSON results and server logs go
			""";

	private final Options options;

	private final PrintStream out;

	private final Path projectDir = Path.of("").toAbsolutePath();

	IngestBenchmark(Options options, PrintStream out) {
		this.options = options;
		this.out = out;
	}

	/** What the run was asked to do, for the report. */
	record Settings(List<IngestPhase> phases, Duration duration, Duration warmup, int rounds, int datastreams,
			IngestPhase.Shape shape, int copyStreams, Map<String, String> serverEnvironment) {
	}

	/**
	 * @param copy PostgreSQL's COPY of the rows the DataArray phase landed, or null
	 * @param memory the server's at the end: its peak is the run's
	 */
	record DatabaseResult(String database, String version, Map<String, String> settings, String counting,
			long watchedDatastream, List<PhaseMeasurement.Result> phases, CopyBaseline.Result copy,
			ServerProcess.Memory afterStart, ServerProcess.Memory memory, String watchNote, List<String> serverCommand) {

		boolean postgres() {
			return database.equals("PostgreSQL");
		}

	}

	void run() throws Exception {
		Machine machine = Machine.describe();
		Path jar = projectDir.resolve(options.string("jar", "target/cabildo.jar"));
		ServerProcess.JvmOptions jvm = ServerProcess.jvmOptions(projectDir);
		Settings settings = settings();
		out.printf("Cabildo ingest benchmark on %s%n", machine.describeShort());
		out.printf("server: java %s -jar %s (JVM options from %s)%n", String.join(" ", jvm.options()),
				projectDir.relativize(jar), jvm.source());
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " does not exist; build it first (./mvnw -q package -DskipTests)");
		}
		// A copy, so that a build running meanwhile cannot swap the server under the benchmark.
		Path snapshot = Files.createTempFile("cabildo-bench-", ".jar");
		Files.copy(jar, snapshot, StandardCopyOption.REPLACE_EXISTING);
		String jarInfo = String.format("%s built %s", projectDir.relativize(jar),
				Files.getLastModifiedTime(jar).toInstant().truncatedTo(ChronoUnit.SECONDS));
		out.printf("server jar: %s%n", jarInfo);
		Instant started = Instant.now();
		List<DatabaseResult> results = new ArrayList<>();
		try {
			for (String database : options.strings("databases", List.of("postgresql", "h2"))) {
				results.add(switch (database) {
					case "postgresql" -> measure(new PostgresBenchDatabase(
							options.string("pg-url", "jdbc:postgresql://127.0.0.1:5432/cabildo_ingest_bench"),
							options.string("pg-user", "postgres"), options.string("pg-password", "")), snapshot, jvm,
							settings);
					case "h2" -> measure(new H2BenchDatabase(projectDir.resolve(options.string("h2-dir",
							"target/bench/ingest-h2"))), snapshot, jvm, settings);
					default -> throw new IllegalArgumentException("unknown database '" + database + "' (postgresql, h2)");
				});
			}
		}
		finally {
			Files.deleteIfExists(snapshot);
		}
		IngestReport report = new IngestReport(machine, jvm, jarInfo, started, Instant.now(), settings, results);
		report.print(out);
		Path file = report.writeJson(projectDir.resolve(options.string("out", "bench-results")));
		out.printf("%nJSON: %s%n", projectDir.relativize(file));
	}

	private Settings settings() {
		Map<String, String> environment = new LinkedHashMap<>();
		for (String setting : options.strings("server-env", List.of())) {
			int equals = setting.indexOf('=');
			if (equals < 1) {
				throw new IllegalArgumentException("--server-env takes NAME=value pairs, not '" + setting + "'");
			}
			environment.put(setting.substring(0, equals), setting.substring(equals + 1));
		}
		IngestPhase.Shape shape = new IngestPhase.Shape(options.integer("array-clients", 4),
				options.integer("array-rows", 1000), options.integer("array-datastreams", 10),
				options.integer("post-clients", 32), options.integer("mqtt-publishers", 8),
				options.integer("mqtt-inflight", 1000));
		return new Settings(
				options.strings("phases", List.of("dataarray", "post", "mqtt")).stream().map(IngestPhase::of).toList(),
				Duration.ofSeconds(options.count("duration", 60)), Duration.ofSeconds(options.count("warmup", 10)),
				options.integer("rounds", 1), options.integer("datastreams", 100), shape,
				options.integer("copy-streams", 1), environment);
	}

	private DatabaseResult measure(BenchDatabase db, Path jar, ServerProcess.JvmOptions jvm, Settings s)
			throws Exception {
		out.printf("%n== %s%n", db.version());
		db.recreate();
		Path scratch = Files.createTempDirectory("cabildo-bench-");
		Path logs = projectDir.resolve(options.string("out", "bench-results"));
		int mqttPort = ServerProcess.freePort();
		Map<String, String> environment = new LinkedHashMap<>(db.serverEnvironment(scratch));
		environment.put("CABILDO_MQTT_PORT", Integer.toString(mqttPort));
		environment.putAll(s.serverEnvironment());
		List<PhaseMeasurement.Result> phases = new ArrayList<>();
		List<Series> datastreams;
		ServerProcess.Memory afterStart;
		ServerProcess.Memory memory;
		List<String> command;
		String counting;
		String watchNote;
		long watched;
		try (ServerProcess server = ServerProcess.start(jar, jvm.options(), environment,
				logs.resolve("server-ingest-" + db.key() + ".log"), Duration.ofMinutes(3))) {
			command = server.command();
			afterStart = server.memory();
			out.printf("  server pid %d up (HTTP %s, MQTT port %d), RSS %s%n", server.pid(), server.baseUri(), mqttPort,
					Report.mib(afterStart.rssBytes()));
			Dataset planned = Dataset.plan(Shape.of(10L * s.datastreams(), s.datastreams()), Instant.now(),
					options.count("seed", 20240501L));
			datastreams = new ApiSetup(server.baseUri(), out).create(planned).series();
			watched = datastreams.get(0).datastreamId();
			DeliveryWatch watch = null;
			try {
				watch = DeliveryWatch.subscribe(mqttPort, watched);
				watchNote = "subscribed to " + watch.topic();
			}
			catch (Exception e) {
				watchNote = "no subscriber: the broker on port " + mqttPort + " did not take one (" + e + ")";
			}
			out.printf("  %s%n", watchNote);
			SendTimes times = new SendTimes(datastreams.size());
			try (StoredRows stored = db instanceof PostgresBenchDatabase pg ? StoredRows.postgres(pg)
					: StoredRows.throughApi(server.baseUri())) {
				counting = stored.how();
				PhaseMeasurement measurement = new PhaseMeasurement(server, stored, watch,
						db instanceof PostgresBenchDatabase pg ? Optional.of(pg.databaseName()) : Optional.empty(), out);
				for (IngestPhase phase : s.phases()) {
					IngestLoad load = phase.load(s.shape(), server.baseUri(), mqttPort, datastreams, times, s.rounds());
					phases.add(measurement.measure(phase, load, phase.spread(s.shape(), datastreams.size()), s.warmup(),
							s.duration(), s.rounds()));
				}
			}
			finally {
				if (watch != null) {
					watchNote += "; " + watch.others();
					watch.close();
				}
			}
			memory = server.memory();
		}
		finally {
			deleteQuietly(scratch);
		}
		CopyBaseline.Result copy = null;
		if (db instanceof PostgresBenchDatabase pg && s.copyStreams() > 0) {
			copy = copyBaseline(pg, datastreams, phases, s);
		}
		return new DatabaseResult(db.name(), db.version(), settingsOf(db), counting, watched, phases, copy, afterStart,
				memory, watchNote, command);
	}

	/** The database's settings worth giving with the figures, those that bear on writing included. */
	private static Map<String, String> settingsOf(BenchDatabase db) throws Exception {
		Map<String, String> settings = new LinkedHashMap<>(db.settings());
		if (db instanceof PostgresBenchDatabase pg) {
			try (var connection = pg.connect(); var statement = connection.createStatement()) {
				for (String name : List.of("synchronous_commit", "autovacuum", "max_wal_size")) {
					try (var rs = statement.executeQuery("SHOW " + name)) {
						rs.next();
						settings.put(name, rs.getString(1));
					}
				}
			}
		}
		return settings;
	}

	/** COPY of as many rows as the DataArray phase landed in its measured rounds, with the server stopped. */
	private CopyBaseline.Result copyBaseline(PostgresBenchDatabase db, List<Series> datastreams,
			List<PhaseMeasurement.Result> phases, Settings s) throws Exception {
		long rows = phases.stream()
			.filter(p -> p.phase() == IngestPhase.DATAARRAY && p.measured())
			.flatMap(p -> p.rounds().stream())
			.mapToLong(r -> r.storedAtEnd() - r.storedAtStart())
			.sum();
		rows = Math.max(rows, 1_000_000);
		out.printf("  PostgreSQL COPY of %,d rows shaped as the DataArray requests (%d stream%s), the server stopped ...%n",
				rows, s.copyStreams(), s.copyStreams() == 1 ? "" : "s");
		CopyBaseline.Result copy = CopyBaseline.run(db, datastreams, rows, s.shape().arrayRows(),
				s.shape().arrayDatastreams(), s.copyStreams());
		out.printf("  COPY: %,.0f rows/s (%,d rows in %.1f s)%n", copy.rowsPerSecond(), copy.rows(), copy.seconds());
		return copy;
	}

	private static void deleteQuietly(Path dir) {
		try (var files = Files.walk(dir)) {
			for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ignored) {
			// a temporary directory
		}
	}

}
