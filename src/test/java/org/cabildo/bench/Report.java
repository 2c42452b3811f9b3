package org.cabildo.bench;

import org.cabildo.support.ServerProcess;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.cabildo.bench.LatencyRecorder.Summary;
import org.cabildo.bench.ReadBenchmark.DatabaseResult;
import org.cabildo.bench.ReadBenchmark.QueryResult;
import org.cabildo.bench.ReadBenchmark.Settings;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The read benchmark's results: a table to read, a markdown snippet for the README's
 * Performance table, and every figure as JSON under bench-results/.
 */
final class Report {

	/** The command that reproduces the figures, as the README gives it. */
	static final String COMMAND = "./cabildo bench read";

	static final double STORAGE_TARGET_MIB_PER_MILLION = 120;

	static final double RSS_TARGET_MB = 512;

	/** Above this share of the CPU used by other processes, the report warns that figures are skewed. */
	static final double BUSY = 0.05;

	private final Machine machine;

	private final ServerProcess.JvmOptions jvm;

	private final Instant started;

	private final Instant finished;

	private final Settings settings;

	private final List<DatabaseResult> results;

	private final String jar;

	Report(Machine machine, ServerProcess.JvmOptions jvm, String jar, Instant started, Instant finished,
			Settings settings, List<DatabaseResult> results) {
		this.jar = jar;
		this.machine = machine;
		this.jvm = jvm;
		this.started = started;
		this.finished = finished;
		this.settings = settings;
		this.results = results;
	}

	void print(PrintStream out) {
		out.println();
		out.printf("Cabildo read benchmark, %s%n", DateTimeFormatter.ISO_INSTANT.format(finished.truncatedTo(
				java.time.temporal.ChronoUnit.SECONDS)));
		out.printf("machine: %s; %s; %s%n", machine.describeShort(), machine.os(), machine.java());
		out.printf("server:  %s; JVM options %s (%s)%n", jar, String.join(" ", jvm.options()), jvm.source());
		out.printf("method:  %d rounds of %,d requests per query and client count after %,d warm-up requests; "
				+ "p50/p95/p99 are medians over the rounds%n", settings.rounds(), settings.requests(), settings.warmup());
		for (DatabaseResult result : results) {
			out.println();
			out.printf("%s: %s%s%n", result.version(), result.shape().describe(),
					result.reusedData() ? " (data loaded " + result.loadedAt() + ")" : " (loaded now)");
			if (!result.settings().isEmpty()) {
				out.printf("  settings: %s%n", result.settings());
			}
			out.printf("  cache: %s%n", result.cache());
			out.printf("  other processes used %.0f%% of the CPU while measuring%s%n", 100 * result.othersCpuShare(),
					result.othersCpuShare() > BUSY ? " -- THE MACHINE WAS BUSY; these figures are skewed, run again when it is idle" : "");
			out.printf("  %-52s %7s %8s %8s %8s %15s %8s %9s%n", "query", "clients", "p50 ms", "p95 ms", "p99 ms",
					"p95 min-max", "req/s", "target");
			for (QueryResult q : result.queries()) {
				boolean hasTarget = result.storage() != null && q.clients() == 1;
				boolean onTarget = q.medianP95() < q.query().targetP95Millis();
				out.printf("  %-52s %7d %8.2f %8.2f %8.2f %15s %8.0f %9s%n", q.query().title(), q.clients(),
						q.medianP50(), q.medianP95(), q.medianP99(),
						String.format("%.2f-%.2f", q.minP95(), q.maxP95()), q.medianThroughput(),
						!hasTarget ? "-" : (onTarget ? "" : "MISSED ") + "< " + trim(q.query().targetP95Millis()) + " ms");
			}
			if (result.storage() != null) {
				PostgresBenchDatabase.Storage st = result.storage();
				out.printf("  storage of %,d observations in %d partitions: %.1f MiB per million (target <= %.0f%s); "
						+ "heap %.1f, indexes %.1f%n", st.rows(), st.partitions(), st.mibPerMillion(st.totalBytes()),
						STORAGE_TARGET_MIB_PER_MILLION,
						st.mibPerMillion(st.totalBytes()) <= STORAGE_TARGET_MIB_PER_MILLION ? "" : ", MISSED",
						st.mibPerMillion(st.heapBytes()), st.mibPerMillion(st.indexBytes()));
				st.indexBytesByName().forEach((name, bytes) -> out.printf("    index %-40s %6.1f MiB per million%n",
						name, st.mibPerMillion(bytes)));
			}
			if (result.h2FileBytes() != null) {
				out.printf("  H2 database file: %s (%.1f MiB per million observations, everything included)%n",
						mib(result.h2FileBytes()), result.h2FileBytes() / 1048576.0 / (result.shape().observations() / 1e6));
			}
			long peak = result.memory().peakRssBytes();
			out.printf("  server peak RSS (VmHWM): %s = %.0f MB%s; RSS after start %s, at the end %s%n", mib(peak),
					peak / 1e6, result.storage() == null ? ""
							: peak / 1e6 < RSS_TARGET_MB ? " (target < 512 MB)" : " (target < 512 MB, MISSED)",
					mib(result.afterStart().rssBytes()), mib(result.memory().rssBytes()));
		}
		out.println();
		out.println("Markdown for the README's Performance table:");
		out.println();
		out.println(markdown());
	}

	String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("| What was measured | Cabildo | Target | FROST-Server |\n");
		md.append("|---|---|---|---|\n");
		for (DatabaseResult result : results) {
			boolean postgres = result.storage() != null;
			String where = postgres ? "PostgreSQL, " + millions(result.shape().observations()) + " observations"
					: "embedded H2, " + millions(result.shape().observations()) + " observations";
			for (QueryResult q : result.queries()) {
				if (q.clients() != 1 && q.clients() != maxClients()) {
					continue;
				}
				md.append(String.format("| %s, p95, %d client%s (%s) | %s ms | %s | %s |\n", capitalize(q.query().title()),
						q.clients(), q.clients() == 1 ? "" : "s", where, figure(q.medianP95()),
						postgres && q.clients() == 1 ? "< " + trim(q.query().targetP95Millis()) + " ms" : "",
						postgres && q.clients() == 1 ? q.query().frost() : ""));
			}
			if (postgres) {
				PostgresBenchDatabase.Storage st = result.storage();
				md.append(String.format("| Storage of observations on PostgreSQL, indexes included | %.0f MiB per million "
						+ "(heap %.0f, indexes %.0f) | ≤ 120 MiB | 163 / 211 MiB (bare 3-column table + 1 B-tree: 81) |\n",
						st.mibPerMillion(st.totalBytes()), st.mibPerMillion(st.heapBytes()), st.mibPerMillion(st.indexBytes())));
			}
			md.append(String.format("| Server peak RSS (VmHWM) through the %s benchmark | %.0f MB | %s | %s |\n",
					postgres ? "PostgreSQL" : "H2", result.memory().peakRssBytes() / 1e6, postgres ? "< 512 MB" : "",
					postgres ? "882 MB" : ""));
		}
		md.append("\n");
		md.append(String.format("Measured with `%s` on %d cores (%s), %s; JDK %s; server JVM options `%s`. "
				+ "Latencies are the median p95 of %d rounds of %,d requests from clients on the same machine, "
				+ "each response checked; FROST-Server figures are from the project's issue.%n", COMMAND, machine.cores(), machine.cpu(),
				results.stream().map(r -> r.version() + (r.settings().isEmpty() ? ""
						: " (shared_buffers " + r.settings().get("shared_buffers") + ")")).reduce((a, b) -> a + " and " + b)
					.orElse(""),
				Runtime.version().feature(), String.join(" ", jvm.options()), settings.rounds(), settings.requests()));
		return md.toString();
	}

	private int maxClients() {
		return settings.clients().stream().mapToInt(Integer::intValue).max().orElse(1);
	}

	Path writeJson(Path dir) throws IOException {
		JsonMapper json = JsonMapper.shared();
		ObjectNode root = json.createObjectNode();
		root.put("benchmark", "read");
		root.put("command", COMMAND);
		root.put("started", started.toString());
		root.put("finished", finished.toString());
		machine.writeTo(root.putObject("machine"));
		ObjectNode method = root.putObject("method");
		method.put("rounds", settings.rounds());
		method.put("requestsPerRound", settings.requests());
		method.put("warmupRequests", settings.warmup());
		ArrayNode clientCounts = method.putArray("clients");
		settings.clients().forEach(clientCounts::add);
		method.put("percentiles", "nearest rank over every request of a round; figures are medians over rounds");
		ObjectNode server = root.putObject("server");
		ArrayNode jvmOptions = server.putArray("jvmOptions");
		jvm.options().forEach(jvmOptions::add);
		server.put("jvmOptionsSource", jvm.source());
		server.put("jar", jar);
		ArrayNode databases = root.putArray("databases");
		for (DatabaseResult result : results) {
			ObjectNode d = databases.addObject();
			d.put("database", result.database());
			d.put("version", result.version());
			d.put("otherProcessesCpuShare", result.othersCpuShare());
			d.put("cache", result.cache());
			ObjectNode settingsNode = d.putObject("settings");
			result.settings().forEach(settingsNode::put);
			ObjectNode shape = d.putObject("data");
			shape.put("observations", result.shape().observations());
			shape.put("datastreams", result.shape().datastreams());
			shape.put("largestDatastream", result.shape().largest());
			shape.put("loadedAt", result.loadedAt());
			shape.put("loadSeconds", result.loadSeconds());
			shape.put("reused", result.reusedData());
			ArrayNode queries = d.putArray("queries");
			for (QueryResult q : result.queries()) {
				ObjectNode node = queries.addObject();
				node.put("query", q.query().key());
				node.put("title", q.query().title());
				node.put("request", q.query().request());
				node.put("clients", q.clients());
				node.put("p50Ms", q.medianP50());
				node.put("p95Ms", q.medianP95());
				node.put("p99Ms", q.medianP99());
				node.put("p95MinMs", q.minP95());
				node.put("p95MaxMs", q.maxP95());
				node.put("throughputPerSecond", q.medianThroughput());
				if (result.storage() != null) {
					node.put("targetP95Ms", q.query().targetP95Millis());
					node.put("frostServer", q.query().frost());
				}
				ArrayNode rounds = node.putArray("rounds");
				for (Summary r : q.rounds()) {
					ObjectNode round = rounds.addObject();
					round.put("requests", r.requests());
					round.put("p50Ms", r.p50());
					round.put("p95Ms", r.p95());
					round.put("p99Ms", r.p99());
					round.put("maxMs", r.max());
					round.put("throughputPerSecond", r.throughput());
				}
			}
			ObjectNode memory = d.putObject("serverMemory");
			memory.put("peakRssBytes", result.memory().peakRssBytes());
			memory.put("rssAtEndBytes", result.memory().rssBytes());
			memory.put("rssAfterStartBytes", result.afterStart().rssBytes());
			if (result.storage() != null) {
				PostgresBenchDatabase.Storage st = result.storage();
				ObjectNode storage = d.putObject("storage");
				storage.put("rows", st.rows());
				storage.put("partitions", st.partitions());
				storage.put("totalBytes", st.totalBytes());
				storage.put("heapBytes", st.heapBytes());
				storage.put("indexBytes", st.indexBytes());
				storage.put("mibPerMillion", st.mibPerMillion(st.totalBytes()));
				storage.put("heapMibPerMillion", st.mibPerMillion(st.heapBytes()));
				storage.put("indexMibPerMillion", st.mibPerMillion(st.indexBytes()));
				ObjectNode indexes = storage.putObject("indexBytes");
				st.indexBytesByName().forEach(indexes::put);
			}
			if (result.h2FileBytes() != null) {
				d.put("h2FileBytes", result.h2FileBytes());
			}
			ArrayNode command = d.putArray("serverCommand");
			result.serverCommand().forEach(command::add);
		}
		root.put("markdown", markdown());
		Files.createDirectories(dir);
		Path file = dir.resolve("read-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
			.format(finished) + ".json");
		Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
		return file;
	}

	static String mib(long bytes) {
		return String.format("%.0f MiB", bytes / 1048576.0);
	}

	private static String millions(long n) {
		return n % 1_000_000 == 0 ? (n / 1_000_000) + " M" : String.format("%,d", n);
	}

	private static String figure(double millis) {
		return millis < 10 ? String.format("%.2f", millis) : String.format("%.1f", millis);
	}

	private static String trim(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
	}

	private static String capitalize(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
