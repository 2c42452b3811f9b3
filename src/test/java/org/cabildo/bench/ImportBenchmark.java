package org.cabildo.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cabildo.importing.ImportCommand;
import org.cabildo.support.Api;
import org.cabildo.support.ServerProcess;

/**
 * {@code bench import}: rows per second that {@code ./cabildo import} brings from one long CSV
 * into a server on PostgreSQL, for the same history (a) in time order and (b) shuffled, each
 * into streams of its own, so that the second is no re-send of the first. The client runs in
 * this JVM, the server in its own process, both on this machine.
 */
final class ImportBenchmark {

	static final Set<String> OPTIONS = Set.of("rows", "warmup-rows", "stations", "parameters", "pg-url", "pg-user", "pg-password",
			"jar", "out", "seed");

	static final String USAGE = """
			bench import [options]   rows/s of ./cabildo import from one long CSV into PostgreSQL, history in time
			                         order and the same history shuffled (target: 50,000 rows/s)
			  --rows=500000               rows of each CSV (stations x parameters x hours)
			  --warmup-rows=100000        rows of a first import into streams of their own, not measured (the
			                              server compiles its hot code meanwhile)
			  --stations=25 --parameters=4
			  --pg-url=jdbc:postgresql://127.0.0.1:5432/cabildo_import_bench --pg-user=postgres --pg-password=
			  --jar=target/cabildo.jar    the server to measure
			  --out=bench-results         where the server log goes
			""";

	private static final Pattern SUMMARY = Pattern.compile("(\\d+) records read, (\\d+) observations created");

	private final Options options;

	private final PrintStream out;

	private final Path projectDir = Path.of("").toAbsolutePath();

	ImportBenchmark(Options options, PrintStream out) {
		this.options = options;
		this.out = out;
	}

	void run() throws Exception {
		Path jar = projectDir.resolve(options.string("jar", "target/cabildo.jar"));
		Path snapshot = Files.createTempFile("cabildo-bench-", ".jar");
		Files.copy(jar, snapshot, StandardCopyOption.REPLACE_EXISTING);
		int stations = options.integer("stations", 25);
		int parameters = options.integer("parameters", 4);
		int hours = Math.max(1, options.integer("rows", 500_000) / (stations * parameters));
		Machine machine = Machine.describe();
		out.printf("Cabildo import benchmark on %s%n", machine.describeShort());
		out.printf("%d stations x %d parameters x %d hours = %,d rows a file%n", stations, parameters, hours,
				(long) stations * parameters * hours);
		String url = options.string("pg-url", "jdbc:postgresql://127.0.0.1:5432/cabildo_import_bench");
		String database = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
		PostgresBenchDatabase db = new PostgresBenchDatabase(url,
				options.string("pg-user", "postgres"), options.string("pg-password", ""));
		db.recreate();
		Path scratch = Files.createTempDirectory("cabildo-bench-import-");
		Map<String, String> environment = new LinkedHashMap<>(db.serverEnvironment(scratch));
		Path logs = projectDir.resolve(options.string("out", "bench-results"));
		Files.createDirectories(logs);
		try (ServerProcess server = ServerProcess.start(snapshot, ServerProcess.jvmOptions(projectDir).options(),
				environment, logs.resolve("server-import-postgresql.log"), Duration.ofMinutes(3))) {
			out.printf("server pid %d up on PostgreSQL (%s)%n", server.pid(), db.version());
			Random random = new Random(options.count("seed", 20240501L));
			// A freshly started server compiles its hot code during the first import: a smaller one first.
			int warmupHours = Math.max(1, options.integer("warmup-rows", 100_000) / (stations * parameters));
			out.printf("warm-up: %,d rows, not measured%n", (long) stations * parameters * warmupHours);
			measure(server, database, scratch, "warmup", stations, parameters, warmupHours, true, random);
			String inOrder = measure(server, database, scratch, "ordered", stations, parameters, hours, false, random);
			String shuffled = measure(server, database, scratch, "shuffled", stations, parameters, hours, true, random);
			out.printf("%n(a) in time order: %s%n(b) shuffled:      %s%n", inOrder, shuffled);
			out.println("(the client and the server share this machine's cores; other work on it lowers the figures)");
		}
		finally {
			Files.deleteIfExists(snapshot);
		}
	}

	/** Imports one generated history; the connections to {@code database} count as the import's CPU. */
	private String measure(ServerProcess server, String database, Path scratch, String name, int stations, int parameters, int hours,
			boolean shuffle, Random random) throws IOException {
		Path folder = Files.createDirectories(scratch.resolve(name));
		StringBuilder sites = new StringBuilder("id,name,lat,lon\n");
		for (int s = 0; s < stations; s++) {
			sites.append(name).append('-').append(s).append(",Station ").append(s).append(',')
				.append(19 + s / 1000.0).append(',').append(-99 - s / 1000.0).append('\n');
		}
		Files.writeString(folder.resolve("stations.csv"), sites);
		List<String> rows = new ArrayList<>(stations * parameters * hours);
		LocalDateTime start = LocalDateTime.of(2024, 1, 1, 1, 0);
		for (int h = 0; h < hours; h++) {
			String time = start.plusHours(h) + "-06:00";
			for (int s = 0; s < stations; s++) {
				for (int p = 0; p < parameters; p++) {
					rows.add(name + "-" + s + "," + time + ",P" + p + "," + (random.nextInt(2000) / 10.0));
				}
			}
		}
		if (shuffle) {
			Collections.shuffle(rows, random);
		}
		try (Writer csv = Files.newBufferedWriter(folder.resolve("readings.csv"), StandardCharsets.UTF_8)) {
			csv.write("station,time,parameter,value\n");
			for (String row : rows) {
				csv.write(row);
				csv.write('\n');
			}
		}
		StringBuilder mapping = new StringBuilder("""
				things: {file: stations.csv, id: id, name: name, latitude: lat, longitude: lon}
				readings: {file: readings.csv, station: station, time: time, parameter: parameter, value: value}
				declaration:
				  organisation: "%s"
				  template: {contact: bench@example.org, purposes: [ecology], technology: [air_quality],
				    dataTypes: [values_time], retention: {keeps: nothing}, personalDataClass: none,
				    accessLevel: open, summary: Benchmark streams.}
				parameters:
				""".formatted(Api.TEST_ORGANISATION));
		for (int p = 0; p < parameters; p++) {
			mapping.append("  P").append(p).append(": {observed_property: {name: P").append(p)
				.append(", definition: \"urn:bench:P").append(p).append("\"}, unit: {code: \"[ppb]\"}}\n");
		}
		Files.writeString(folder.resolve("mapping.yaml"), mapping);
		ByteArrayOutputStream summary = new ByteArrayOutputStream();
		CpuAccounting cpu = CpuAccounting.start(server.pid(), Optional.of(database));
		long began = System.nanoTime();
		int status = ImportCommand.run(new String[] { folder.resolve("mapping.yaml").toString(), "--server",
				server.baseUri().toString(), "--state", folder.resolve("state").toString() },
				Map.of("CABILDO_TOKEN", Api.TEST_TOKEN), new PrintStream(summary, true, StandardCharsets.UTF_8), out);
		double seconds = (System.nanoTime() - began) / 1e9;
		CpuAccounting.Split split = cpu.split();
		String said = summary.toString(StandardCharsets.UTF_8);
		out.print(said);
		Matcher matcher = SUMMARY.matcher(said);
		if (status != 0 || !matcher.find()) {
			throw new IllegalStateException("the " + name + " import failed (exit " + status + ")");
		}
		long created = Long.parseLong(matcher.group(2));
		if (created != rows.size()) {
			throw new IllegalStateException(name + ": " + created + " of " + rows.size() + " rows stored");
		}
		String rate = String.format("%,d rows in %.1f s = %,.0f rows/s (stations, streams and template included)", created,
				seconds, created / seconds);
		if (split == null) {
			return rate;
		}
		// CPU time per row of the import's three processes: what other work on the machine changes least.
		double cores = Runtime.getRuntime().availableProcessors();
		double perRow = 1e6 * seconds * cores / created;
		return rate + String.format("%n    CPU %s; per row: server %.1f us, client %.1f us, PostgreSQL %.1f us",
				split, split.server() * perRow, split.benchmark() * perRow, split.postgres() * perRow);
	}

}
