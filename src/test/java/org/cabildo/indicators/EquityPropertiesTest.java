package org.cabildo.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

/** Properties of the equity figures over random cities. */
class EquityPropertiesTest {

	@Property
	void theCityValueLiesBetweenItsDistricts(@ForAll("cities") List<DistrictValue> city) {
		EquityFigures figures = Equity.of(city, EquityDirection.LOWER_IS_BETTER);
		assertThat(figures.cityValue()).isBetween(figures.best().value() - 1e-9, figures.worst().value() + 1e-9);
	}

	@Property
	void theRatioIsAtLeastOneAndTheGapNotNegative(@ForAll("cities") List<DistrictValue> city) {
		for (EquityDirection direction : EquityDirection.values()) {
			EquityFigures figures = Equity.of(city, direction);
			if (figures.ratio() != null) {
				assertThat(figures.ratio()).isGreaterThanOrEqualTo(1);
			}
			assertThat(figures.gap()).isGreaterThanOrEqualTo(0);
		}
	}

	@Property
	void theilIsZeroExactlyWhenAllDistrictsAreEqual(@ForAll("cities") List<DistrictValue> city) {
		EquityFigures figures = Equity.of(city, EquityDirection.LOWER_IS_BETTER);
		boolean equal = city.stream().map(DistrictValue::value).distinct().count() == 1;
		assertThat(figures.theil()).isGreaterThanOrEqualTo(0);
		assertThat(figures.theil() == 0).isEqualTo(equal);
		assertThat(figures.gini()).isBetween(0.0, 1.0);
		assertThat(figures.gini() == 0).isEqualTo(equal);
	}

	@Property
	void scalingEveryValueLeavesTheInequalityAsItIs(@ForAll("cities") List<DistrictValue> city,
			@ForAll @DoubleRange(min = 0.001, max = 1000) @Scale(3) double k) {
		EquityFigures figures = Equity.of(city, EquityDirection.LOWER_IS_BETTER);
		List<DistrictValue> scaled = city.stream()
			.map(d -> new DistrictValue(d.district(), d.population(), d.value() * k))
			.toList();
		EquityFigures scaledFigures = Equity.of(scaled, EquityDirection.LOWER_IS_BETTER);
		assertThat(scaledFigures.theil()).isCloseTo(figures.theil(), within(1e-9));
		assertThat(scaledFigures.gini()).isCloseTo(figures.gini(), within(1e-9));
		assertThat(scaledFigures.cityValue()).isCloseTo(figures.cityValue() * k, within(1e-9 * (1 + figures.cityValue() * k)));
		if (figures.ratio() != null) {
			assertThat(scaledFigures.ratio()).isCloseTo(figures.ratio(), within(1e-9 * figures.ratio()));
		}
	}

	@Property
	void theOrderOfTheDistrictsDoesNotMatter(@ForAll("cities") List<DistrictValue> city, @ForAll long seed) {
		List<DistrictValue> shuffled = new ArrayList<>(city);
		Collections.shuffle(shuffled, new Random(seed));
		EquityFigures figures = Equity.of(city, EquityDirection.LOWER_IS_BETTER);
		EquityFigures again = Equity.of(shuffled, EquityDirection.LOWER_IS_BETTER);
		assertThat(again.best()).isEqualTo(figures.best());
		assertThat(again.worst()).isEqualTo(figures.worst());
		assertThat(again.theil()).isCloseTo(figures.theil(), within(1e-12));
		assertThat(again.gini()).isCloseTo(figures.gini(), within(1e-12));
		assertThat(again.cityValue()).isCloseTo(figures.cityValue(), within(1e-9));
	}

	/** 1 to 40 districts, each with inhabitants and a value from a few levels (so ties happen). */
	@Provide
	Arbitrary<List<DistrictValue>> cities() {
		Arbitrary<Long> populations = Arbitraries.longs().between(1, 2_000_000);
		Arbitrary<Double> values = Arbitraries.integers().between(0, 100).map(i -> i * 0.5);
		return Combinators.combine(populations, values)
			.as((population, value) -> new long[] { population, Double.doubleToLongBits(value) })
			.list()
			.ofMinSize(1)
			.ofMaxSize(40)
			.map(rows -> {
				List<DistrictValue> city = new ArrayList<>();
				for (int i = 0; i < rows.size(); i++) {
					city.add(new DistrictValue("d" + i, rows.get(i)[0], Double.longBitsToDouble(rows.get(i)[1])));
				}
				return city;
			});
	}

}
