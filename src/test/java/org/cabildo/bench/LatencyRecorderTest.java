package org.cabildo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

	@Test
	void percentilesAreNearestRank() {
		long[] sorted = new long[100];
		for (int i = 0; i < 100; i++) {
			sorted[i] = i + 1;
		}
		assertThat(LatencyRecorder.percentile(sorted, 0.50)).isEqualTo(50);
		assertThat(LatencyRecorder.percentile(sorted, 0.95)).isEqualTo(95);
		assertThat(LatencyRecorder.percentile(sorted, 0.99)).isEqualTo(99);
		assertThat(LatencyRecorder.percentile(new long[] { 7 }, 0.99)).isEqualTo(7);
	}

	@Test
	void clientsAddUp() {
		LatencyRecorder a = new LatencyRecorder();
		LatencyRecorder b = new LatencyRecorder();
		for (int i = 0; i < 3000; i++) {
			a.record(0, 1_000_000);
			b.record(0, 3_000_000);
		}
		a.addAll(b);
		LatencyRecorder.Summary summary = a.summary();
		assertThat(summary.requests()).isEqualTo(6000);
		assertThat(summary.p50()).isEqualTo(1.0);
		assertThat(summary.p95()).isEqualTo(3.0);
	}

}
