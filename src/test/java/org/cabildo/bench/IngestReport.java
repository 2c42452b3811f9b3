package org.cabildo.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.cabildo.bench.IngestBenchmark.DatabaseResult;
import org.cabildo.bench.IngestBenchmark.Settings;
import org.cabildo.bench.PhaseMeasurement.Result;
import org.cabildo.bench.PhaseMeasurement.Round;
import org.cabildo.support.ServerProcess;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ingest benchmark's results: a table to read, a Markdown block for the README's
 * Performance section, and every figure as JSON under bench-results/.
 */
final class IngestReport {

	static final String COMMAND = "./cabildo bench ingest";

	private final Machine machine;

	private final ServerProcess.JvmOptions jvm;

	private final String jar;

	private final Instant started;

	private final Instant finished;

	private final Settings settings;

	private final List<DatabaseResult> results;

	IngestReport(Machine machine, ServerProcess.JvmOptions jvm, String jar, Instant started, Instant finished,
			Settings settings, List<DatabaseResult> results) {
		this.machine = machine;
		this.jvm = jvm;
		this.jar = jar;
		this.started = started;
		this.finished = finished;
		this.settings = settings;
		this.results = results;
	}

	void print(PrintStream out) {
		out.println();
		out.printf("Cabildo ingest benchmark, %s%n",
				DateTimeFormatter.ISO_INSTANT.format(finished.truncatedTo(ChronoUnit.SECONDS)));
		out.printf("machine: %s; %s; %s%n", machine.describeShort(), machine.os(), machine.java());
		out.printf("server:  %s; JVM options %s (%s)%s%n", jar, String.join(" ", jvm.options()), jvm.source(),
				settings.serverEnvironment().isEmpty() ? "" : "; settings " + settings.serverEnvironment());
		out.printf("method:  %s%n", method());
		for (DatabaseResult result : results) {
			out.println();
			out.printf("%s%s%n", result.version(), result.settings().isEmpty() ? "" : " " + result.settings());
			out.printf("  stored observations counted by %s%n", result.counting());
			double others = result.phases().stream().flatMap(p -> p.rounds().stream()).filter(r -> r.cpu() != null)
				.mapToDouble(r -> r.cpu().others()).max().orElse(0);
			out.printf("  other processes used up to %.0f%% of the CPU in a measured round%s%n", 100 * others,
					others > Report.BUSY ? " -- THE MACHINE WAS BUSY; these figures are skewed, run again when it is idle"
							: "");
			out.printf("  %-62s %7s %10s %10s %7s %6s %8s %8s %10s  %s%n", "way in", "clients", "landed/s", "acked/s",
					"503s", "errors", "p50 ms", "p95 ms", "deliv. p95", "target");
			for (Result phase : result.phases()) {
				if (!phase.measured()) {
					out.printf("  %-62s %7d  NOT MEASURED: %s%n", phase.title(), phase.clients(), phase.notMeasured());
					continue;
				}
				LoadTally.Counts counts = sum(phase.rounds());
				out.printf("  %-62s %7d %10s %10s %7d %6d %8.1f %8.1f %10s  %s%n", phase.title(), phase.clients(),
						grouped(phase.medianLanded()), grouped(phase.medianAcknowledged()), counts.busy(), counts.errors(),
						phase.medianP50(), phase.medianP95(), millis(phase.medianDeliveryP95()),
						result.postgres() ? target(phase) : "-");
			}
			if (result.copy() != null) {
				CopyBaseline.Result copy = result.copy();
				out.printf("  %-62s %7s %10s%n", String.format("PostgreSQL's own COPY of %,d such rows, %d stream%s",
						copy.rows(), copy.streams(), copy.streams() == 1 ? "" : "s"), "", grouped(copy.rowsPerSecond()));
				dataArray(result).ifPresent(p -> out.printf("  DataArray lands %.2f of COPY's rate (aim: half)%n",
						p.medianLanded() / copy.rowsPerSecond()));
			}
			for (Result phase : result.phases()) {
				out.printf("  %s: %s%s%n", phase.phase().key(), phase.spread(),
						phase.details().isEmpty() ? "" : "; " + phase.details());
				out.printf("    acknowledged %,d observations, stored %,d (%,d when the last answer arrived)%s%s%n",
						phase.total().acknowledged(), phase.landedInPhase(),
						phase.storedAtLastAnswer() - phase.storedAtStart(),
						phase.total().acknowledged() == phase.landedInPhase() ? ": none lost" : ": THEY DIFFER",
						phase.total().refused() > 0 ? String.format("; %,d refused", phase.total().refused()) : "");
				for (Round round : phase.rounds()) {
					out.printf("    round: %.1f s, %,d -> %,d stored; CPU %s%s%n", round.seconds(), round.storedAtStart(),
							round.storedAtEnd(), round.cpu(), round.deliveries() == null ? ""
									: String.format("; subscriber got %,d observations sent in it",
											round.deliveries().count()));
				}
			}
			out.printf("  subscriber: %s%n", result.watchNote());
			long peak = result.memory().peakRssBytes();
			out.printf("  server peak RSS (VmHWM) through the run: %s = %.0f MB%s; after start %s, at the end %s%n",
					Report.mib(peak), peak / 1e6, result.postgres()
							? (peak / 1e6 < IngestPhase.RSS_TARGET_MB ? " (target < 768 MB)" : " (target < 768 MB, MISSED)")
							: "",
					Report.mib(result.afterStart().rssBytes()), Report.mib(result.memory().rssBytes()));
		}
		out.println();
		out.println("Markdown for the README's Performance section:");
		out.println();
		out.println(markdown());
	}

	private String method() {
		return String.format("per way in: %d s of warm-up, then %d round%s of %d s; 'landed' counts the stored "
				+ "observations at each round's start and end while the load runs; latencies are nearest-rank over the "
				+ "requests started in a round (HTTP: until the answer, 503 waits included; MQTT: until the PUBACK); "
				+ "delivery is arrival at an MQTT subscriber less send time; figures are medians over rounds; clients "
				+ "run in the benchmark's JVM on the same machine", settings.warmup().toSeconds(), settings.rounds(),
				settings.rounds() == 1 ? "" : "s", settings.duration().toSeconds());
	}

	private static String target(Result phase) {
		boolean met = phase.medianLanded() >= phase.phase().targetPerSecond();
		String target = String.format(">= %,.0f/s", phase.phase().targetPerSecond());
		double delivery = phase.medianDeliveryP95();
		if (!Double.isNaN(delivery) && delivery >= IngestPhase.DELIVERY_TARGET_MS) {
			target += ", DELIVERY MISSED (< 200 ms)";
		}
		return met ? target : "MISSED " + target;
	}

	private static Optional<Result> dataArray(DatabaseResult result) {
		return result.phases().stream().filter(p -> p.phase() == IngestPhase.DATAARRAY && p.measured()).findFirst();
	}

	private static Optional<Result> phase(DatabaseResult result, IngestPhase phase) {
		return result.phases().stream().filter(p -> p.phase() == phase && p.measured()).findFirst();
	}

	private static LoadTally.Counts sum(List<Round> rounds) {
		LoadTally.Counts sum = new LoadTally.Counts(0, 0, 0, 0, 0, 0);
		for (Round round : rounds) {
			LoadTally.Counts c = round.counts();
			sum = new LoadTally.Counts(sum.requests() + c.requests(), sum.sent() + c.sent(),
					sum.acknowledged() + c.acknowledged(), sum.refused() + c.refused(), sum.busy() + c.busy(),
					sum.errors() + c.errors());
		}
		return sum;
	}

	String markdown() {
		Optional<DatabaseResult> pg = results.stream().filter(DatabaseResult::postgres).findFirst();
		Optional<DatabaseResult> h2 = results.stream().filter(r -> !r.postgres()).findFirst();
		IngestPhase.Shape shape = settings.shape();
		StringBuilder md = new StringBuilder();
		md.append(String.format("| What was measured (ingest into %d datastreams) | Cabildo on PostgreSQL "
				+ "| Cabildo on H2 | target |%n", settings.datastreams()));
		md.append("|---|---|---|---|\n");
		row(md, String.format("DataArray (`CreateObservations`, %,d observations a request), %d clients: "
				+ "observations/s landed", shape.arrayRows(), shape.arrayClients()), pg, h2, r -> phase(r, IngestPhase.DATAARRAY)
					.map(p -> grouped(p.medianLanded())), "≥ 60,000");
		row(md, "PostgreSQL's own COPY of the same rows: rows/s (DataArray's share of it)", pg, Optional.empty(),
				r -> Optional.ofNullable(r.copy()).map(c -> grouped(c.rowsPerSecond()) + dataArray(r)
					.map(p -> String.format(" (%.2f)", p.medianLanded() / c.rowsPerSecond())).orElse("")),
				"DataArray half of COPY");
		row(md, String.format("Single POST to `Datastreams(id)/Observations`, %d clients: observations/s landed; "
				+ "latency p50 / p95", shape.postClients()), pg, h2, r -> phase(r, IngestPhase.POST)
					.map(p -> String.format("%s; %s / %s ms", grouped(p.medianLanded()), figure(p.medianP50()),
							figure(p.medianP95()))), "≥ 4,000");
		row(md, String.format("MQTT QoS 1 publish, %d publishers: observations/s landed", shape.mqttPublishers()), pg,
				h2, r -> phase(r, IngestPhase.MQTT).map(p -> grouped(p.medianLanded())), "≥ 20,000");
		row(md, "MQTT: observations acknowledged (PUBACK) / stored", pg, h2, r -> phase(r, IngestPhase.MQTT)
			.map(p -> String.format("%,d / %,d", p.total().acknowledged(), p.landedInPhase())), "equal (none lost)");
		row(md, "Delivery to an MQTT subscriber, p95, during DataArray / POST / MQTT", pg, h2, r -> {
			List<String> parts = new ArrayList<>();
			for (IngestPhase phase : IngestPhase.values()) {
				phase(r, phase).ifPresent(p -> parts.add(millis(p.medianDeliveryP95())));
			}
			return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" / ", parts));
		}, "< 200 ms");
		row(md, "Server peak RSS (VmHWM) through the ingest benchmark", pg, h2,
				r -> Optional.of(String.format("%.0f MB", r.memory().peakRssBytes() / 1e6)), "< 768 MB");
		md.append("\n");
		int groups = Math.min(shape.arrayDatastreams(), settings.datastreams() / shape.arrayClients());
		md.append(String.format("Measured with `%s` on %d cores (%s), %s; JDK %s; server JVM options `%s`%s. "
				+ "Each way in: %d s of warm-up, then %s of %d s; landed = observations counted in the database at "
				+ "the start and end of the measured window, not requests sent. Clients in the benchmark's JVM on the "
				+ "same machine: DataArray requests of %d datastreams x %d observations, each client its own %d "
				+ "datastreams; MQTT 5 with up to %,d QoS 1 publishes in flight per publisher; phenomenonTime is the "
				+ "send time (unique and in order per datastream), so a subscriber to one datastream measures delivery.%n",
				COMMAND, machine.cores(), machine.cpu(),
				String.join(" and ", results.stream().map(r -> r.version() + (r.settings().isEmpty() ? ""
						: " (shared_buffers " + r.settings().get("shared_buffers") + ")")).toList()),
				Runtime.version().feature(), String.join(" ", jvm.options()),
				settings.serverEnvironment().isEmpty() ? "" : ", settings " + settings.serverEnvironment(),
				settings.warmup().toSeconds(),
				settings.rounds() == 1 ? "one round" : "the median of " + settings.rounds() + " rounds",
				settings.duration().toSeconds(), groups, shape.arrayRows() / groups,
				settings.datastreams() / shape.arrayClients(), shape.mqttInflight()));
		return md.toString();
	}

	private static void row(StringBuilder md, String what, Optional<DatabaseResult> pg, Optional<DatabaseResult> h2,
			Function<DatabaseResult, Optional<String>> figure, String target) {
		md.append(String.format("| %s | %s | %s | %s |%n", what, pg.flatMap(figure).orElse("–"),
				h2.flatMap(figure).orElse("–"), target));
	}

	Path writeJson(Path dir) throws IOException {
		JsonMapper json = JsonMapper.shared();
		ObjectNode root = json.createObjectNode();
		root.put("benchmark", "ingest");
		root.put("command", COMMAND);
		root.put("started", started.toString());
		root.put("finished", finished.toString());
		machine.writeTo(root.putObject("machine"));
		ObjectNode method = root.putObject("method");
		method.put("description", method());
		method.put("warmupSeconds", settings.warmup().toSeconds());
		method.put("roundSeconds", settings.duration().toSeconds());
		method.put("rounds", settings.rounds());
		method.put("datastreams", settings.datastreams());
		IngestPhase.Shape shape = settings.shape();
		ObjectNode load = method.putObject("load");
		load.put("arrayClients", shape.arrayClients());
		load.put("arrayRowsPerRequest", shape.arrayRows());
		load.put("arrayDatastreamsPerRequest", shape.arrayDatastreams());
		load.put("postClients", shape.postClients());
		load.put("mqttPublishers", shape.mqttPublishers());
		load.put("mqttInflightCap", shape.mqttInflight());
		load.put("copyStreams", settings.copyStreams());
		ObjectNode server = root.putObject("server");
		ArrayNode jvmOptions = server.putArray("jvmOptions");
		jvm.options().forEach(jvmOptions::add);
		server.put("jvmOptionsSource", jvm.source());
		server.put("jar", jar);
		ObjectNode environment = server.putObject("settings");
		settings.serverEnvironment().forEach(environment::put);
		ArrayNode databases = root.putArray("databases");
		for (DatabaseResult result : results) {
			ObjectNode d = databases.addObject();
			d.put("database", result.database());
			d.put("version", result.version());
			ObjectNode dbSettings = d.putObject("settings");
			result.settings().forEach(dbSettings::put);
			d.put("storedCountedBy", result.counting());
			d.put("subscriber", result.watchNote());
			d.put("watchedDatastream", result.watchedDatastream());
			ArrayNode phases = d.putArray("phases");
			for (Result phase : result.phases()) {
				phases.add(phaseJson(json, phase, result.postgres()));
			}
			if (result.copy() != null) {
				ObjectNode copy = d.putObject("copyBaseline");
				copy.put("rows", result.copy().rows());
				copy.put("streams", result.copy().streams());
				copy.put("seconds", result.copy().seconds());
				copy.put("rowsPerSecond", result.copy().rowsPerSecond());
				copy.put("table", result.copy().table());
				dataArray(result).ifPresent(
						p -> copy.put("dataArrayShare", p.medianLanded() / result.copy().rowsPerSecond()));
			}
			ObjectNode memory = d.putObject("serverMemory");
			memory.put("peakRssBytes", result.memory().peakRssBytes());
			memory.put("rssAtEndBytes", result.memory().rssBytes());
			memory.put("rssAfterStartBytes", result.afterStart().rssBytes());
			if (result.postgres()) {
				memory.put("targetPeakRssMB", IngestPhase.RSS_TARGET_MB);
			}
			ArrayNode command = d.putArray("serverCommand");
			result.serverCommand().forEach(command::add);
		}
		root.put("markdown", markdown());
		Files.createDirectories(dir);
		Path file = dir.resolve("ingest-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
			.format(finished) + ".json");
		Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
		return file;
	}

	private static ObjectNode phaseJson(JsonMapper json, Result phase, boolean postgres) {
		ObjectNode p = json.createObjectNode();
		p.put("phase", phase.phase().key());
		p.put("title", phase.title());
		p.put("clients", phase.clients());
		p.put("spread", phase.spread());
		p.put("details", phase.details());
		if (!phase.measured()) {
			p.put("notMeasured", phase.notMeasured());
		}
		else {
			p.put("landedPerSecond", phase.medianLanded());
			p.put("acknowledgedPerSecond", phase.medianAcknowledged());
			p.put("p50Ms", phase.medianP50());
			p.put("p95Ms", phase.medianP95());
			p.put("deliveryP95Ms", phase.medianDeliveryP95());
		}
		if (postgres) {
			p.put("targetLandedPerSecond", phase.phase().targetPerSecond());
			p.put("targetDeliveryP95Ms", IngestPhase.DELIVERY_TARGET_MS);
		}
		p.put("storedAtStart", phase.storedAtStart());
		p.put("storedAtLastAnswer", phase.storedAtLastAnswer());
		p.put("storedSettled", phase.storedSettled());
		p.set("total", counts(json, phase.total()));
		p.put("noneLost", phase.total().acknowledged() == phase.landedInPhase());
		p.put("peakRssBytesAfter", phase.memory().peakRssBytes());
		ArrayNode errors = p.putArray("errorSamples");
		phase.errorSamples().forEach(errors::add);
		ArrayNode rounds = p.putArray("rounds");
		for (Round round : phase.rounds()) {
			ObjectNode r = rounds.addObject();
			r.put("seconds", round.seconds());
			r.put("storedAtStart", round.storedAtStart());
			r.put("storedAtEnd", round.storedAtEnd());
			r.put("landedPerSecond", round.landedPerSecond());
			r.put("acknowledgedPerSecond", round.acknowledgedPerSecond());
			r.set("counts", counts(json, round.counts()));
			if (round.latency() != null) {
				r.put("p50Ms", round.latency().p50());
				r.put("p95Ms", round.latency().p95());
				r.put("p99Ms", round.latency().p99());
				r.put("maxMs", round.latency().max());
			}
			if (round.deliveries() != null) {
				ObjectNode delivery = r.putObject("delivery");
				delivery.put("observations", round.deliveries().count());
				if (round.deliveries().latency() != null) {
					delivery.put("p50Ms", round.deliveries().latency().p50());
					delivery.put("p95Ms", round.deliveries().latency().p95());
					delivery.put("p99Ms", round.deliveries().latency().p99());
					delivery.put("maxMs", round.deliveries().latency().max());
				}
			}
			if (round.cpu() != null) {
				ObjectNode cpu = r.putObject("cpuShare");
				cpu.put("server", round.cpu().server());
				cpu.put("loadGenerators", round.cpu().benchmark());
				cpu.put("postgresql", round.cpu().postgres());
				cpu.put("interrupts", round.cpu().interrupts());
				cpu.put("otherProcesses", round.cpu().others());
			}
		}
		return p;
	}

	private static ObjectNode counts(JsonMapper json, LoadTally.Counts counts) {
		ObjectNode c = json.createObjectNode();
		c.put("requests", counts.requests());
		c.put("observationsSent", counts.sent());
		c.put("observationsAcknowledged", counts.acknowledged());
		c.put("observationsRefused", counts.refused());
		c.put("busy503", counts.busy());
		c.put("errors", counts.errors());
		return c;
	}

	private static String grouped(double perSecond) {
		return String.format("%,.0f", perSecond);
	}

	private static String millis(double millis) {
		return Double.isNaN(millis) ? "-" : figure(millis) + " ms";
	}

	private static String figure(double millis) {
		return millis < 10 ? String.format("%.2f", millis) : String.format("%.1f", millis);
	}

}
