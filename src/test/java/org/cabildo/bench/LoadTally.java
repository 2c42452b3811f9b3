package org.cabildo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the clients of one ingest load have done: counters any thread adds to, and each
 * client's latencies by measured round (a request belongs to the round in which it started).
 */
final class LoadTally {

	private final LongAdder requests = new LongAdder();

	private final LongAdder sent = new LongAdder();

	private final LongAdder acknowledged = new LongAdder();

	private final LongAdder refused = new LongAdder();

	private final LongAdder busy = new LongAdder();

	private final LongAdder errors = new LongAdder();

	private final List<String> errorSamples = new CopyOnWriteArrayList<>();

	private final List<ClientLatencies> clients = new CopyOnWriteArrayList<>();

	private final int rounds;

	private volatile int round = -1;

	LoadTally(int rounds) {
		this.rounds = rounds;
	}

	/** Counts at one moment; {@link #minus} gives what happened between two. */
	record Counts(long requests, long sent, long acknowledged, long refused, long busy, long errors) {

		Counts minus(Counts earlier) {
			return new Counts(requests - earlier.requests, sent - earlier.sent, acknowledged - earlier.acknowledged,
					refused - earlier.refused, busy - earlier.busy, errors - earlier.errors);
		}

	}

	Counts counts() {
		return new Counts(requests.sum(), sent.sum(), acknowledged.sum(), refused.sum(), busy.sum(), errors.sum());
	}

	/** A request (an HTTP request or an MQTT publish) carrying {@code observations} went out. */
	void sent(int observations) {
		requests.increment();
		sent.add(observations);
	}

	/** The server acknowledged (201, PUBACK) a request: so many observations stored, so many refused. */
	void acknowledged(int stored, int refusedRows) {
		acknowledged.add(stored);
		refused.add(refusedRows);
	}

	/** The server said it was busy (503); the request is sent again after Retry-After. */
	void busy() {
		busy.increment();
	}

	void error(String what) {
		errors.increment();
		if (errorSamples.size() < 5) {
			errorSamples.add(what.length() > 300 ? what.substring(0, 300) + "..." : what);
		}
	}

	List<String> errorSamples() {
		return List.copyOf(errorSamples);
	}

	/** From now on, requests that start are measured in this round (0-based; -1: not measured). */
	void round(int round) {
		this.round = round;
	}

	int round() {
		return round;
	}

	ClientLatencies client() {
		ClientLatencies client = new ClientLatencies(rounds);
		clients.add(client);
		return client;
	}

	/** The latencies of every client in one round. */
	LatencyRecorder latencies(int round) {
		LatencyRecorder all = new LatencyRecorder();
		for (ClientLatencies client : clients) {
			synchronized (client) {
				all.addAll(client.byRound[round]);
			}
		}
		return all;
	}

	/** One client's latencies; recorded by the client's thread or by the thread that completes its requests. */
	static final class ClientLatencies {

		private final LatencyRecorder[] byRound;

		private ClientLatencies(int rounds) {
			byRound = new LatencyRecorder[rounds];
			for (int i = 0; i < rounds; i++) {
				byRound[i] = new LatencyRecorder();
			}
		}

		synchronized void record(int round, long beginNanos, long endNanos) {
			if (round >= 0 && round < byRound.length) {
				byRound[round].record(beginNanos, endNanos);
			}
		}

	}

	/** What went wrong, e.g. "12 answered 503"; empty when nothing did. */
	static List<String> problems(Counts counts) {
		List<String> parts = new ArrayList<>();
		if (counts.busy() > 0) {
			parts.add(String.format("%,d answered 503", counts.busy()));
		}
		if (counts.errors() > 0) {
			parts.add(String.format("%,d failed", counts.errors()));
		}
		if (counts.refused() > 0) {
			parts.add(String.format("%,d observations refused", counts.refused()));
		}
		return parts;
	}

}
