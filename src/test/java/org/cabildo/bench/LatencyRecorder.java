package org.cabildo.bench;

import java.util.Arrays;

/**
 * Every latency of a run, in nanoseconds. Percentiles are read off the sorted values
 * (nearest rank), so nothing is bucketed or approximated.
 */
final class LatencyRecorder {

	private long[] nanos = new long[1024];

	private int size;

	private long startNanos = Long.MAX_VALUE;

	private long endNanos = Long.MIN_VALUE;

	void record(long startNanos, long endNanos) {
		if (size == nanos.length) {
			nanos = Arrays.copyOf(nanos, size * 2);
		}
		nanos[size++] = endNanos - startNanos;
		this.startNanos = Math.min(this.startNanos, startNanos);
		this.endNanos = Math.max(this.endNanos, endNanos);
	}

	/** Adds another recorder's values, as when several clients ran at once. */
	void addAll(LatencyRecorder other) {
		for (int i = 0; i < other.size; i++) {
			if (size == nanos.length) {
				nanos = Arrays.copyOf(nanos, Math.max(size * 2, size + other.size));
			}
			nanos[size++] = other.nanos[i];
		}
		startNanos = Math.min(startNanos, other.startNanos);
		endNanos = Math.max(endNanos, other.endNanos);
	}

	int count() {
		return size;
	}

	Summary summary() {
		if (size == 0) {
			throw new IllegalStateException("no latencies recorded");
		}
		long[] sorted = Arrays.copyOf(nanos, size);
		Arrays.sort(sorted);
		double seconds = (endNanos - startNanos) / 1e9;
		return new Summary(size, millis(percentile(sorted, 0.50)), millis(percentile(sorted, 0.95)),
				millis(percentile(sorted, 0.99)), millis(sorted[size - 1]), seconds > 0 ? size / seconds : 0);
	}

	/** Nearest rank: the smallest value that at least {@code p} of all values do not exceed. */
	static long percentile(long[] sorted, double p) {
		int rank = (int) Math.ceil(p * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

	private static double millis(long nanos) {
		return nanos / 1e6;
	}

	/** Latencies in milliseconds; {@code throughput} in requests per second over the run's wall time. */
	record Summary(int requests, double p50, double p95, double p99, double max, double throughput) {
	}

}
