package org.cabildo.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Spearman's rho against values worked out by hand. */
class SpearmanTest {

	@Test
	void withoutTiesItIsOneMinusSixSumOfSquaredRankDifferencesOverNTimesNSquaredMinusOne() {
		// ranks x: 1 2 3 4 5; ranks y (of 2, 1, 4, 3, 5): 2 1 4 3 5; d² = 1+1+1+1+0 = 4; rho = 1 - 24/120 = 0.8
		assertThat(Spearman.rho(new double[] { 10, 20, 30, 40, 50 }, new double[] { 2, 1, 4, 3, 5 }))
			.isCloseTo(0.8, within(1e-12));
		assertThat(Spearman.rho(new double[] { 1, 2, 3 }, new double[] { 30, 20, 10 })).isCloseTo(-1, within(1e-12));
		// monotone but not linear: 1
		assertThat(Spearman.rho(new double[] { 1, 2, 3, 4 }, new double[] { 1, 8, 27, 1000 })).isCloseTo(1, within(1e-12));
	}

	@Test
	void tiesTakeTheMeanOfTheirRanks() {
		assertThat(Spearman.ranks(new double[] { 5, 1, 5, 3 })).containsExactly(3.5, 1, 3.5, 2);
		// x = 1 2 2 3 -> ranks 1, 2.5, 2.5, 4; y = 1 2 3 4 -> ranks 1 2 3 4
		// means 2.5 and 2.5; deviations x: -1.5 0 0 1.5, y: -1.5 -0.5 0.5 1.5
		// sum xy = 2.25 + 0 + 0 + 2.25 = 4.5; sum xx = 4.5; sum yy = 5; rho = 4.5 / sqrt(22.5) = 0.9486833
		assertThat(Spearman.rho(new double[] { 1, 2, 2, 3 }, new double[] { 1, 2, 3, 4 }))
			.isCloseTo(4.5 / Math.sqrt(22.5), within(1e-12));
	}

	@Test
	void noRhoWhenASideDoesNotVaryOrForOnePair() {
		assertThat(Spearman.rho(new double[] { 1, 1, 1 }, new double[] { 1, 2, 3 })).isNaN();
		assertThat(Spearman.rho(new double[] { 1 }, new double[] { 1 })).isNaN();
	}

}
