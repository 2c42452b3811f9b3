package org.cabildo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.bench.Dataset.Series;
import org.cabildo.bench.Dataset.Shape;
import org.junit.jupiter.api.Test;

/** The benchmark's data generator: the shape asked for, in time order, the same every time. */
class DatasetTest {

	private static final Instant END = Instant.parse("2026-01-15T10:30:42Z");

	@Test
	void hasTheShapeAskedFor() {
		Dataset dataset = Dataset.plan(Shape.of(10_000_000, 100), END, 1);
		assertThat(dataset.series()).hasSize(100);
		assertThat(dataset.series().stream().mapToLong(Series::count).sum()).isEqualTo(10_000_000);
		Series largest = dataset.largest();
		assertThat(largest.count()).isEqualTo(1_000_000);
		assertThat(largest.spacingSeconds()).isEqualTo(60);
		assertThat(largest.last()).isEqualTo(Instant.parse("2026-01-15T10:30:00Z"));
		for (Series s : dataset.series()) {
			assertThat(s.last()).isBeforeOrEqualTo(largest.last()).isAfter(largest.last().minusSeconds(s.spacingSeconds()));
			// the same two years, give or take a spacing
			assertThat(s.timeOf(0)).isBetween(largest.timeOf(0).minusSeconds(2 * s.spacingSeconds()),
					largest.timeOf(0).plusSeconds(2 * s.spacingSeconds()));
		}
	}

	@Test
	void generatesInTimeOrderAcrossDatastreamsWhatThePlanSays() throws Exception {
		Dataset dataset = Dataset.plan(new Shape(20_000, 7, 5_000), END, 2);
		List<Long> times = new ArrayList<>();
		Map<Integer, Long> perSeries = new HashMap<>();
		List<Integer> order = new ArrayList<>();
		dataset.generate(1, (series, k, second, value) -> {
			assertThat(second).isEqualTo(series.secondOf(k));
			assertThat(k).isPositive();
			times.add(second);
			perSeries.merge(series.index(), 1L, Long::sum);
			order.add(series.index());
		});
		assertThat(times).isSorted().hasSize(20_000 - 7);
		dataset.series().forEach(s -> assertThat(perSeries.get(s.index())).isEqualTo(s.count() - 1));
		// interleaved, not one datastream after another
		assertThat(new java.util.HashSet<>(order.subList(0, 100))).hasSize(7);
	}

	@Test
	void theFirstValueIsTheOneTheSetupPostsAndValuesRepeat() throws Exception {
		Dataset dataset = Dataset.plan(new Shape(2_000, 2, 1_000), END, 3);
		Map<Long, Double> first = new HashMap<>();
		dataset.generate(0, (series, k, second, value) -> {
			if (k == 0) {
				first.put((long) series.index(), value);
			}
		});
		for (Series s : dataset.series()) {
			assertThat(first.get((long) s.index())).isEqualTo(s.values().next());
		}
		List<Double> once = new ArrayList<>();
		List<Double> again = new ArrayList<>();
		dataset.generate(1, (series, k, second, value) -> once.add(value));
		Dataset.plan(new Shape(2_000, 2, 1_000), END, 3).generate(1, (series, k, second, value) -> again.add(value));
		assertThat(again).isEqualTo(once);
	}

}
