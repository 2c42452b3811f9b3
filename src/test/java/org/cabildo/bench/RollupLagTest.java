package org.cabildo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The rollups' lag read off the samples of the highest id drawn and the watermark. */
class RollupLagTest {

	@Test
	void theLagIsTheAgeOfTheNewestSampleTheWatermarkHasReached() {
		RollupLag lag = new RollupLag();
		lag.add(new RollupLag.Sample(0, 100, 0));
		lag.add(new RollupLag.Sample(1, 200, 0));
		lag.add(new RollupLag.Sample(2, 300, 150));
		lag.add(new RollupLag.Sample(3, 400, 300));
		lag.add(new RollupLag.Sample(4, 400, 300));
		lag.add(new RollupLag.Sample(5, 400, 400));
		// 0: nothing reached yet, since the first; 2: reached 100 (sample 0); 3 and 4: reached 300 (sample 2)
		assertThat(lag.lags()).containsExactly(0, 1, 2, 1, 2, 0);
		RollupLag.Summary summary = lag.summary(1, 4);
		assertThat(summary.samples()).isEqualTo(4);
		assertThat(summary.max()).isEqualTo(2);
		assertThat(summary.median()).isEqualTo(1);
		assertThat(summary.p95()).isEqualTo(2);
	}

	@Test
	void theLoadsEndIsWhenTheHighestIdLastMoved() {
		List<RollupLag.Sample> samples = List.of(new RollupLag.Sample(0, 1, 0), new RollupLag.Sample(1, 5, 1),
				new RollupLag.Sample(2, 9, 5), new RollupLag.Sample(3, 9, 5), new RollupLag.Sample(4, 9, 9));
		assertThat(RollupsUnderIngest.lastIdChange(samples)).isEqualTo(2);
	}

}
