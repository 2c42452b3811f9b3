package org.cabildo.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.cabildo.bench.Dataset.Series;
import org.cabildo.bench.Dataset.Shape;
import org.cabildo.support.ServerProcess;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ingest phase of {@code bench indicators}: the ingest benchmark's DataArray load, on the
 * ingest benchmark's setup (100 datastreams made through the API in a database made afresh),
 * against a server with rollups on and one with them off ({@code
 * CABILDO_SENSING_ROLLUPS_ENABLED=false}), each on a fresh database, in pairs. It measures the
 * observations landed per second of each (rollups may cost ingest at most 10 %) and, with rollups
 * on, how far they trail the stored rows every second ({@link RollupLag}) and how long after the
 * load stops they are current; then checks that they count every stored value.
 */
final class RollupsUnderIngest {

	/** Issue 13: rollups may slow ingest by at most this share. */
	static final double MOST_SLOWDOWN = 0.10;

	/** How long the rollups may take to be current once the load stopped before the benchmark gives up. */
	private static final Duration CURRENT_WITHIN = Duration.ofMinutes(15);

	record Settings(PostgresBenchDatabase db, Duration duration, Duration warmup, int rounds, int pairs,
			int datastreams, IngestPhase.Shape shape, Map<String, String> serverEnvironment, long seed) {
	}

	/**
	 * One server's run.
	 *
	 * @param lag over the measured rounds, null with rollups off
	 * @param currentAfterStop seconds from the last id drawn until the rollups were current; NaN off
	 */
	record Run(boolean rollups, PhaseMeasurement.Result ingest, RollupLag.Summary lag, double currentAfterStop,
			RollupState.Totals totals, List<RollupLag.Sample> samples) {

		double landed() {
			return ingest.medianLanded();
		}

	}

	private final Settings settings;

	private final ServerProcess.JvmOptions jvm;

	private final Path jar;

	private final Path results;

	private final PrintStream out;

	RollupsUnderIngest(Settings settings, ServerProcess.JvmOptions jvm, Path jar, Path results, PrintStream out) {
		this.settings = settings;
		this.jvm = jvm;
		this.jar = jar;
		this.results = results;
		this.out = out;
	}

	void run(ObjectNode node, List<String> summary) throws Exception {
		out.printf("%n== rollups under ingest: %s, database %s made afresh for each server%n",
				settings.db().version(), settings.db().databaseName());
		List<Run> on = new ArrayList<>();
		List<Run> off = new ArrayList<>();
		for (int pair = 1; pair <= settings.pairs(); pair++) {
			on.add(measure(true, pair));
			off.add(measure(false, pair));
		}
		double landedOn = median(on.stream().mapToDouble(Run::landed).toArray());
		double landedOff = median(off.stream().mapToDouble(Run::landed).toArray());
		double slowdown = 1 - landedOn / landedOff;
		summary.add(String.format("ingest (DataArray, %d clients x %,d observations, %d datastreams, %d s x %d "
				+ "round%s per server, %d pair%s; the ingest benchmark's setup, a fresh database each):",
				settings.shape().arrayClients(), settings.shape().arrayRows(), settings.datastreams(),
				settings.duration().toSeconds(), settings.rounds(), settings.rounds() == 1 ? "" : "s", settings.pairs(),
				settings.pairs() == 1 ? "" : "s"));
		summary.add(String.format("  landed, rollups on: %,.0f obs/s (%s); off: %,.0f obs/s (%s)", landedOn,
				figures(on), landedOff, figures(off)));
		summary.add(String.format("  on/off %.3f: rollups cost ingest %.1f %% (target at most %.0f %%: %s)",
				landedOn / landedOff, 100 * slowdown, 100 * MOST_SLOWDOWN, slowdown <= MOST_SLOWDOWN ? "met" : "MISSED"));
		for (Run run : on) {
			summary.add(String.format("  rollups' lag behind the stored rows while measured: median %.1f s, p95 %.1f s,"
					+ " max %.1f s (%d samples); current %.1f s after the load stopped; %,d values, %,d rolled up",
					run.lag().median(), run.lag().p95(), run.lag().max(), run.lag().samples(), run.currentAfterStop(),
					run.totals().observations(), run.totals().rolledUp()));
		}
		node.put("database", settings.db().databaseName());
		node.put("setup", "the ingest benchmark's: datastreams made through the API in a database made afresh for each "
				+ "server; DataArray load as bench ingest");
		node.put("datastreams", settings.datastreams());
		node.put("arrayClients", settings.shape().arrayClients());
		node.put("arrayRows", settings.shape().arrayRows());
		node.put("arrayDatastreams", settings.shape().arrayDatastreams());
		node.put("secondsPerRound", settings.duration().toSeconds());
		node.put("warmupSeconds", settings.warmup().toSeconds());
		node.put("rounds", settings.rounds());
		node.put("pairs", settings.pairs());
		node.put("medianLandedRollupsOn", landedOn);
		node.put("medianLandedRollupsOff", landedOff);
		node.put("slowdown", slowdown);
		node.put("lag", "at each second, how long ago the newest observation id the rollups' watermark covers was "
				+ "drawn (observations_id_seq vs rollup_watermark, sampled every second)");
		ArrayNode runs = node.putArray("runs");
		for (List<Run> list : List.of(on, off)) {
			for (Run run : list) {
				ObjectNode r = runs.addObject();
				r.put("rollups", run.rollups());
				r.put("medianLanded", run.landed());
				ArrayNode landed = r.putArray("landedPerRound");
				run.ingest().rounds().forEach(round -> landed.add(round.landedPerSecond()));
				r.put("acknowledged", run.ingest().total().acknowledged());
				r.put("stored", run.ingest().landedInPhase());
				if (run.lag() != null) {
					r.put("lagMedianSeconds", run.lag().median());
					r.put("lagP95Seconds", run.lag().p95());
					r.put("lagMaxSeconds", run.lag().max());
					r.put("currentSecondsAfterStop", run.currentAfterStop());
					r.put("values", run.totals().observations());
					r.put("valuesRolledUp", run.totals().rolledUp());
				}
				ArrayNode samples = r.putArray("samples");
				for (RollupLag.Sample sample : run.samples()) {
					samples.addArray().add(sample.seconds()).add(sample.highestId()).add(sample.watermark());
				}
			}
		}
	}

	private static String figures(List<Run> runs) {
		return String.join(" / ", runs.stream().map(run -> String.format("%,.0f", run.landed())).toList());
	}

	private Run measure(boolean rollups, int pair) throws Exception {
		PostgresBenchDatabase db = settings.db();
		out.printf("%n  pair %d, rollups %s: a fresh database%n", pair, rollups ? "on" : "off");
		db.recreate();
		Path scratch = Files.createTempDirectory("cabildo-indicators-ingest-");
		Map<String, String> environment = new LinkedHashMap<>(db.serverEnvironment(scratch));
		environment.put("CABILDO_SENSING_ROLLUPS_ENABLED", Boolean.toString(rollups));
		environment.putAll(settings.serverEnvironment());
		try (ServerProcess server = ServerProcess.start(jar, jvm.options(), environment,
				results.resolve("server-indicators-ingest-" + (rollups ? "on" : "off") + ".log"),
				Duration.ofMinutes(3))) {
			out.printf("  server pid %d up, RSS %s%n", server.pid(), Report.mib(server.memory().rssBytes()));
			Dataset planned = Dataset.plan(Shape.of(10L * settings.datastreams(), settings.datastreams()),
					Instant.now(), settings.seed());
			List<Series> datastreams = new ApiSetup(server.baseUri(), out).create(planned).series();
			SendTimes times = new SendTimes(datastreams.size());
			IngestLoad load = IngestPhase.DATAARRAY.load(settings.shape(), server.baseUri(), 0, datastreams, times,
					settings.rounds());
			RollupLag lag = new RollupLag();
			Sampler sampler = new Sampler(db, lag);
			PhaseMeasurement.Result ingest;
			try (StoredRows stored = StoredRows.postgres(db)) {
				sampler.start();
				ingest = new PhaseMeasurement(server, stored, null, Optional.of(db.databaseName()), out).measure(
						IngestPhase.DATAARRAY, load, IngestPhase.DATAARRAY.spread(settings.shape(), datastreams.size()),
						settings.warmup(), settings.duration(), settings.rounds());
				if (rollups) {
					sampler.awaitCurrent(server, CURRENT_WITHIN);
				}
			}
			finally {
				sampler.stop();
			}
			if (!rollups) {
				return new Run(false, ingest, null, Double.NaN, null, lag.samples());
			}
			RollupState.Totals totals;
			try (Connection connection = db.connect()) {
				totals = RollupState.totals(connection);
			}
			if (totals.rolledUp() != totals.observations()) {
				throw new IllegalStateException(String.format("the rollups count %,d values, the observations hold %,d",
						totals.rolledUp(), totals.observations()));
			}
			double lastDrawn = lastIdChange(lag.samples());
			double current = firstCurrentAfter(lag.samples(), lastDrawn);
			RollupLag.Summary during = lag.summary(settings.warmup().toSeconds(), lastDrawn);
			out.printf("  rollups' lag while measured: median %.1f s, p95 %.1f s, max %.1f s; current %.1f s after the "
					+ "last id was drawn; they count all %,d values%n", during.median(), during.p95(), during.max(),
					current - lastDrawn, totals.observations());
			return new Run(true, ingest, during, current - lastDrawn, totals, lag.samples());
		}
		finally {
			IndicatorsBenchmark.deleteQuietly(scratch);
		}
	}

	/** When the highest id drawn last moved: the load's end, as the database saw it. */
	static double lastIdChange(List<RollupLag.Sample> samples) {
		double last = samples.isEmpty() ? 0 : samples.getFirst().seconds();
		for (int i = 1; i < samples.size(); i++) {
			if (samples.get(i).highestId() != samples.get(i - 1).highestId()) {
				last = samples.get(i).seconds();
			}
		}
		return last;
	}

	private static double firstCurrentAfter(List<RollupLag.Sample> samples, double seconds) {
		for (RollupLag.Sample sample : samples) {
			if (sample.seconds() >= seconds && sample.watermark() >= sample.highestId()) {
				return sample.seconds();
			}
		}
		return Double.NaN;
	}

	private static double median(double[] values) {
		return ReadBenchmark.QueryResult.median(values);
	}

	/** Reads the rollups' bookkeeping every second on a connection of its own, rollups on or off alike. */
	private static final class Sampler {

		private final PostgresBenchDatabase db;

		private final RollupLag lag;

		private final AtomicReference<RollupState> latest = new AtomicReference<>();

		private final AtomicReference<Exception> failure = new AtomicReference<>();

		private volatile boolean running;

		private Thread thread;

		Sampler(PostgresBenchDatabase db, RollupLag lag) {
			this.db = db;
			this.lag = lag;
		}

		void start() {
			running = true;
			long origin = System.nanoTime();
			thread = Thread.ofPlatform().name("rollup-sampler").daemon().start(() -> {
				try (Connection connection = db.connect()) {
					long next = System.nanoTime();
					while (running) {
						RollupState state = RollupState.read(connection);
						latest.set(state);
						lag.add(new RollupLag.Sample((System.nanoTime() - origin) / 1e9, state.highestId(),
								state.watermark()));
						next += 1_000_000_000L;
						long sleep = (next - System.nanoTime()) / 1_000_000;
						if (sleep > 0) {
							Thread.sleep(sleep);
						}
					}
				}
				catch (Exception e) {
					failure.set(e);
				}
			});
		}

		/** Waits until the rollups are current (and nothing is pending), as the samples see them. */
		void awaitCurrent(ServerProcess server, Duration within) throws Exception {
			long deadline = System.nanoTime() + within.toNanos();
			while (System.nanoTime() < deadline) {
				if (failure.get() != null) {
					throw failure.get();
				}
				if (server.death() != null) {
					throw new IllegalStateException(server.death());
				}
				RollupState state = latest.get();
				if (state != null && state.current()) {
					// one more sample, so that the samples hold the moment it became current
					Thread.sleep(1100);
					return;
				}
				Thread.sleep(200);
			}
			throw new IllegalStateException("the rollups were not current " + within + " after the load stopped: "
					+ latest.get());
		}

		void stop() throws Exception {
			running = false;
			if (thread != null) {
				thread.join(Duration.ofSeconds(10));
			}
			if (failure.get() != null) {
				throw failure.get();
			}
		}

	}

}
