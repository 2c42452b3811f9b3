package org.cabildo.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cabildo.support.ServerProcess;

/**
 * One phase of {@code bench ingest}: from a known number of stored observations, the load
 * runs through a warm-up and then the measured rounds back to back; each round counts what
 * the database holds at its start and end while the load goes on. Then the load stops, every
 * answer still due is awaited, and what the clients were told is stored is compared with what
 * is.
 */
final class PhaseMeasurement {

	/** How long the stored count may keep moving after the last answer before the phase is called settled. */
	private static final Duration SETTLE = Duration.ofSeconds(30);

	private final ServerProcess server;

	private final StoredRows stored;

	private final DeliveryWatch watch;

	private final Optional<String> postgresDatabase;

	private final PrintStream out;

	/**
	 * @param watch the subscriber, or null when there is none
	 * @param postgresDatabase the server's PostgreSQL database, whose connections' CPU is the
	 * server's database work; empty on H2
	 */
	PhaseMeasurement(ServerProcess server, StoredRows stored, DeliveryWatch watch, Optional<String> postgresDatabase,
			PrintStream out) {
		this.server = server;
		this.stored = stored;
		this.watch = watch;
		this.postgresDatabase = postgresDatabase;
		this.out = out;
	}

	/**
	 * One measured window.
	 *
	 * @param latency of the requests (HTTP: until the answer, 503 waits included; MQTT: until
	 * the PUBACK) that started in it, in milliseconds; null if none was answered
	 * @param deliveries of the observations sent in it to the subscriber, or null without one
	 */
	record Round(double seconds, long storedAtStart, long storedAtEnd, LoadTally.Counts counts,
			LatencyRecorder.Summary latency, DeliveryWatch.Deliveries deliveries, CpuAccounting.Split cpu) {

		double landedPerSecond() {
			return (storedAtEnd - storedAtStart) / seconds;
		}

		double acknowledgedPerSecond() {
			return counts.acknowledged() / seconds;
		}

	}

	/**
	 * @param storedAtStart observations stored before the phase's warm-up
	 * @param total what the clients did and were told over the whole phase, warm-up included
	 * @param storedAtLastAnswer stored once every answer had arrived
	 * @param storedSettled stored once the count stopped moving (at most {@link #SETTLE} later)
	 * @param memory the server's resident memory after the phase (the peak is since its start)
	 * @param notMeasured why the phase has no figures, or null
	 */
	record Result(IngestPhase phase, String title, int clients, String spread, String details, List<Round> rounds,
			long storedAtStart, LoadTally.Counts total, long storedAtLastAnswer, long storedSettled,
			ServerProcess.Memory memory, List<String> errorSamples, String notMeasured) {

		double medianLanded() {
			return median(rounds.stream().mapToDouble(Round::landedPerSecond).toArray());
		}

		double medianAcknowledged() {
			return median(rounds.stream().mapToDouble(Round::acknowledgedPerSecond).toArray());
		}

		double medianP50() {
			return median(rounds.stream().filter(r -> r.latency() != null).mapToDouble(r -> r.latency().p50()).toArray());
		}

		double medianP95() {
			return median(rounds.stream().filter(r -> r.latency() != null).mapToDouble(r -> r.latency().p95()).toArray());
		}

		double medianDeliveryP95() {
			return median(rounds.stream()
				.filter(r -> r.deliveries() != null && r.deliveries().latency() != null)
				.mapToDouble(r -> r.deliveries().latency().p95())
				.toArray());
		}

		long landedInPhase() {
			return storedSettled - storedAtStart;
		}

		boolean measured() {
			return notMeasured == null;
		}

		static double median(double[] values) {
			if (values.length == 0) {
				return Double.NaN;
			}
			return ReadBenchmark.QueryResult.median(values);
		}

	}

	Result measure(IngestPhase phase, IngestLoad load, String spread, Duration warmup, Duration duration, int rounds)
			throws Exception {
		long storedAtStart = stored.count();
		out.printf("  %s, %d client%s: %,d observations stored before; warming up %d s%n", load.title(),
				load.clients(), load.clients() == 1 ? "" : "s", storedAtStart, warmup.toSeconds());
		try {
			load.start();
		}
		catch (Exception e) {
			String why = "could not start: " + e;
			out.printf("  NOT MEASURED: %s%n", why);
			return new Result(phase, load.title(), load.clients(), spread, load.details(), List.of(), storedAtStart,
					load.tally().counts(), storedAtStart, storedAtStart, server.memory(), List.of(), why);
		}
		List<Round> measured = new ArrayList<>();
		String notMeasured = null;
		try {
			await(warmup);
			LoadTally.Counts warm = load.tally().counts();
			if (warm.acknowledged() == 0 && warm.errors() > 0) {
				notMeasured = "every request failed during the warm-up; the first: " + load.tally().errorSamples().get(0);
				out.printf("  NOT MEASURED: %s%n", notMeasured);
			}
			for (int r = 0; r < rounds && notMeasured == null; r++) {
				measured.add(round(load, r, duration));
			}
		}
		finally {
			load.stop();
		}
		long atLastAnswer = stored.count();
		long settled = settle(atLastAnswer);
		LoadTally.Counts total = load.tally().counts();
		out.printf("  stopped: %,d observations acknowledged in the phase, %,d stored (%,d when the last answer came)%s%n",
				total.acknowledged(), settled - storedAtStart, atLastAnswer - storedAtStart,
				LoadTally.problems(total).stream().map(p -> "; " + p).reduce("", String::concat));
		load.tally().errorSamples().forEach(e -> out.printf("    error: %s%n", e));
		if (total.acknowledged() > 0 && settled == storedAtStart) {
			out.printf("  NOTHING STORED: the server acknowledged %,d observations and stored none%n", total.acknowledged());
		}
		return new Result(phase, load.title(), load.clients(), spread, load.details(), measured, storedAtStart, total,
				atLastAnswer, settled, server.memory(), load.tally().errorSamples(), notMeasured);
	}

	private Round round(IngestLoad load, int index, Duration duration) throws Exception {
		LoadTally tally = load.tally();
		CpuAccounting cpu = CpuAccounting.start(server.pid(), postgresDatabase);
		long fromMicros = SendTimes.nowMicros();
		LoadTally.Counts before = tally.counts();
		tally.round(index);
		long begin = System.nanoTime();
		long storedAtStart = stored.count();
		await(duration);
		long end = System.nanoTime();
		long storedAtEnd = stored.count();
		tally.round(-1);
		LoadTally.Counts counts = tally.counts().minus(before);
		long toMicros = SendTimes.nowMicros();
		LatencyRecorder latencies = tally.latencies(index);
		Round round = new Round((end - begin) / 1e9, storedAtStart, storedAtEnd, counts,
				latencies.count() == 0 ? null : latencies.summary(),
				watch == null ? null : watch.between(fromMicros, toMicros), cpu.split());
		ServerProcess.Memory memory = server.memory();
		out.printf("  round %d: %,.0f observations/s landed (%,.0f/s acknowledged; %,d requests%s)%s%s; RSS %s, peak %s; "
				+ "CPU %s%n", index + 1, round.landedPerSecond(), round.acknowledgedPerSecond(), counts.requests(),
				LoadTally.problems(counts).stream().map(p -> ", " + p).reduce("", String::concat),
				round.latency() == null ? "" : String.format("; latency p50 %.1f ms, p95 %.1f ms", round.latency().p50(),
						round.latency().p95()),
				round.deliveries() == null || round.deliveries().latency() == null ? ""
						: String.format("; delivery to the subscriber p95 %.1f ms (%,d observations)",
								round.deliveries().latency().p95(), round.deliveries().count()),
				Report.mib(memory.rssBytes()), Report.mib(memory.peakRssBytes()), round.cpu());
		if (round.cpu() != null && round.cpu().others() > Report.BUSY) {
			out.printf("  -- other processes used %.0f%% of the CPU: the machine was busy, these figures are skewed%n",
					100 * round.cpu().others());
		}
		return round;
	}

	/** Waits, failing early if the server died. */
	private void await(Duration duration) throws InterruptedException {
		long until = System.nanoTime() + duration.toNanos();
		while (System.nanoTime() < until) {
			if (server.death() != null) {
				throw new IllegalStateException(server.death());
			}
			Thread.sleep(Math.min(500, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
		}
	}

	/** The stored count once it has not moved for a second. */
	private long settle(long count) throws Exception {
		long deadline = System.nanoTime() + SETTLE.toNanos();
		while (System.nanoTime() < deadline) {
			Thread.sleep(1000);
			long now = stored.count();
			if (now == count) {
				return now;
			}
			count = now;
		}
		return count;
	}

}
