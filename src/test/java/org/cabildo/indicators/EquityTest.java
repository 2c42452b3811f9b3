package org.cabildo.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Equity figures of small cities worked out by hand from the formulas in {@link Equity}. */
class EquityTest {

	private static final DistrictValue A = new DistrictValue("A", 100, 10.0);

	private static final DistrictValue B = new DistrictValue("B", 300, 20.0);

	private static final DistrictValue C = new DistrictValue("C", 100, null);

	@Test
	void twoDistrictsAndOneWithoutValue() {
		EquityFigures figures = Equity.of(List.of(A, B, C), EquityDirection.LOWER_IS_BETTER);
		// (100 × 10 + 300 × 20) / 400
		assertThat(figures.cityValue()).isCloseTo(17.5, within(1e-12));
		assertThat(figures.population()).isEqualTo(400);
		assertThat(figures.best()).isEqualTo(A);
		assertThat(figures.worst()).isEqualTo(B);
		assertThat(figures.ratio()).isEqualTo(2);
		assertThat(figures.gap()).isEqualTo(10);
		// 0.25 × (10/17.5) ln(10/17.5) + 0.75 × (20/17.5) ln(20/17.5)
		// = 0.25 × 0.571429 × (−0.559616) + 0.75 × 1.142857 × 0.133531 = −0.079945 + 0.114456
		assertThat(figures.theil()).isCloseTo(0.034510, within(1e-6));
		// 2 × 0.25 × 0.75 × |10 − 20| / (2 × 17.5) = 3.75 / 35
		assertThat(figures.gini()).isCloseTo(0.107143, within(1e-6));
		assertThat(figures.exposures()).containsExactly(new EquityExposure("A", 100, 10, 1000),
				new EquityExposure("B", 300, 20, 6000));
		assertThat(figures.cityExposure()).isEqualTo(7000);
		assertThat(figures.withoutValue()).containsExactly("C");
	}

	@Test
	void whenHigherIsBetterBestAndWorstSwapAndTheRatioStaysAboveOne() {
		EquityFigures figures = Equity.of(List.of(A, B), EquityDirection.HIGHER_IS_BETTER);
		assertThat(figures.best()).isEqualTo(B);
		assertThat(figures.worst()).isEqualTo(A);
		assertThat(figures.ratio()).isEqualTo(2);
		assertThat(figures.gap()).isEqualTo(10);
	}

	@Test
	void aDistrictAtZero() {
		EquityFigures figures = Equity.of(List.of(new DistrictValue("A", 100, 0.0), new DistrictValue("B", 100, 10.0)),
				EquityDirection.LOWER_IS_BETTER);
		assertThat(figures.cityValue()).isEqualTo(5);
		// 10 / 0 has no ratio; the gap is still 10.
		assertThat(figures.ratio()).isNull();
		assertThat(figures.gap()).isEqualTo(10);
		// A adds 0 (0 ln 0); B: 0.5 × 2 × ln 2 = ln 2, the most two equal halves can have.
		assertThat(figures.theil()).isCloseTo(Math.log(2), within(1e-12));
		// 2 × 0.5 × 0.5 × 10 / (2 × 5)
		assertThat(figures.gini()).isCloseTo(0.5, within(1e-12));
	}

	@Test
	void equalDistrictsHaveNoInequality() {
		EquityFigures figures = Equity.of(
				List.of(new DistrictValue("A", 5, 12.0), new DistrictValue("B", 70, 12.0), new DistrictValue("C", 1, 12.0)),
				EquityDirection.LOWER_IS_BETTER);
		assertThat(figures.theil()).isZero();
		assertThat(figures.gini()).isZero();
		assertThat(figures.ratio()).isEqualTo(1);
		assertThat(figures.gap()).isZero();
		// A tie is broken by the district's code.
		assertThat(figures.best().district()).isEqualTo("A");
		assertThat(figures.worst().district()).isEqualTo("A");
		EquityFigures zeros = Equity.of(List.of(new DistrictValue("A", 5, 0.0), new DistrictValue("B", 7, 0.0)),
				EquityDirection.LOWER_IS_BETTER);
		assertThat(zeros.ratio()).isEqualTo(1);
		assertThat(zeros.theil()).isZero();
	}

	@Test
	void withoutValuesThereAreNoFigures() {
		EquityFigures figures = Equity.of(List.of(C), EquityDirection.LOWER_IS_BETTER);
		assertThat(figures.cityValue()).isNull();
		assertThat(figures.best()).isNull();
		assertThat(figures.ratio()).isNull();
		assertThat(figures.theil()).isNull();
		assertThat(figures.exposures()).isEmpty();
		assertThat(figures.withoutValue()).containsExactly("C");
	}

	@Test
	void districtsWithoutInhabitantsHaveNoWeight() {
		EquityFigures figures = Equity.of(List.of(new DistrictValue("A", 0, 50.0), new DistrictValue("B", 10, 10.0)),
				EquityDirection.LOWER_IS_BETTER);
		assertThat(figures.cityValue()).isEqualTo(10);
		assertThat(figures.worst().district()).isEqualTo("A");
		assertThat(figures.theil()).isZero();
		EquityFigures nobody = Equity.of(List.of(new DistrictValue("A", 0, 50.0)), EquityDirection.LOWER_IS_BETTER);
		assertThat(nobody.cityValue()).isNull();
		assertThat(nobody.best().district()).isEqualTo("A");
	}

	@Test
	void badInputIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Equity.of(List.of(A, new DistrictValue("A", 1, 1.0)), EquityDirection.LOWER_IS_BETTER));
		assertThatIllegalArgumentException().isThrownBy(() -> new DistrictValue("A", 1, -0.5));
		assertThatIllegalArgumentException().isThrownBy(() -> new DistrictValue("A", 1, Double.NaN));
		assertThatIllegalArgumentException().isThrownBy(() -> new DistrictValue("A", -1, 1.0));
	}

}
