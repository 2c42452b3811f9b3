package org.cabildo.sensing.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableSet;
import java.util.Random;
import java.util.TreeSet;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Rollups must not depend on the order rows came in: whichever way the rows of an hour are split
 * into parts (batches, late rows) and in whatever order the parts are added, the totals are those
 * of all the rows at once; the same for the hours of a day.
 */
class RollupMergePropertiesTest {

	@Property
	void hourTotalsDoNotDependOnSplitOrOrder(@ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = -1e6,
			max = 1e6) Double> values, @ForAll long seed) {
		HourTotals whole = values.stream().map(HourTotals::of).reduce(HourTotals::plus).orElseThrow();
		List<HourTotals> parts = parts(values, new Random(seed)).stream()
			.map(part -> part.stream().map(HourTotals::of).reduce(HourTotals::plus).orElseThrow())
			.toList();
		HourTotals merged = parts.stream().reduce(HourTotals::plus).orElseThrow();

		assertThat(merged.count()).isEqualTo(values.size());
		assertThat(merged.min()).isEqualTo(values.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
		assertThat(merged.max()).isEqualTo(values.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
		assertThat(merged.sum()).isCloseTo(whole.sum(), within(1e-6));
		assertThat(merged.mean()).isCloseTo(values.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
				within(1e-6));
	}

	@Property
	void dayTotalsWeighEachHourOnce(@ForAll @Size(min = 1, max = 25) List<@Size(min = 1, max = 6) List<@DoubleRange(
			min = 0, max = 500) Double>> hours, @ForAll long seed) {
		List<DayTotals> days = new ArrayList<>(hours.stream()
			.map(hour -> DayTotals.of(hour.stream().map(HourTotals::of).reduce(HourTotals::plus).orElseThrow()))
			.toList());
		Collections.shuffle(days, new Random(seed));
		DayTotals day = days.stream().reduce(DayTotals::plus).orElseThrow();

		double meanOfHourMeans = hours.stream()
			.mapToDouble(hour -> hour.stream().mapToDouble(Double::doubleValue).average().orElseThrow())
			.average()
			.orElseThrow();
		assertThat(day.hours()).isEqualTo(hours.size());
		assertThat(day.count()).isEqualTo(hours.stream().mapToLong(List::size).sum());
		assertThat(day.mean()).isCloseTo(meanOfHourMeans, within(1e-9));
	}

	@Property
	void runsCoverEveryHourAndSplitOnlyAtGaps(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 2_000) Integer> offsets,
			@ForAll @IntRange(min = 1, max = 100) int gap) {
		Instant start = Instant.parse("2024-01-01T00:00:00Z");
		NavigableSet<Instant> hours = new TreeSet<>();
		offsets.forEach(offset -> hours.add(start.plus(offset, ChronoUnit.HOURS)));

		List<NavigableSet<Instant>> runs = RollupRefresher.runs(hours, gap);

		assertThat(runs.stream().mapToInt(NavigableSet::size).sum()).isEqualTo(hours.size());
		for (int i = 0; i < runs.size(); i++) {
			NavigableSet<Instant> run = runs.get(i);
			Instant previous = null;
			for (Instant hour : run) {
				assertThat(previous == null || ChronoUnit.HOURS.between(previous, hour) <= gap).isTrue();
				previous = hour;
			}
			if (i > 0) {
				assertThat(ChronoUnit.HOURS.between(runs.get(i - 1).last(), run.first())).isGreaterThan(gap);
			}
		}
	}

	/** The values cut at random places into parts, the parts in random order. */
	private static List<List<Double>> parts(List<Double> values, Random random) {
		List<List<Double>> parts = new ArrayList<>();
		int from = 0;
		while (from < values.size()) {
			int to = from + 1 + random.nextInt(values.size() - from);
			parts.add(values.subList(from, to));
			from = to;
		}
		Collections.shuffle(parts, random);
		return parts;
	}

}
