package org.cabildo.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The counters' outage rule, on counts whose medians are worked out by hand. */
class CounterOutagesTest {

	// Monday 2024-01-01
	private static final LocalDate MONDAY = LocalDate.of(2024, 1, 1);

	@Test
	void aDayFarBelowOrAboveItsNeighboursOfTheSameKindIsLeftOut() {
		// nine weekdays (Mon 1 to Thu 11 January) sorted 24 90 95 100 100 100 105 110 201: median 100
		long[] weekdays = { 100, 110, 90, 100, 105, 24, 95, 201, 100 };
		List<MobilityCount> counts = new ArrayList<>();
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate day = MONDAY; days.size() < weekdays.length; day = day.plusDays(1)) {
			if (!CounterOutages.weekend(day)) {
				days.add(day);
			}
		}
		for (int i = 0; i < weekdays.length; i++) {
			counts.add(new MobilityCount("C", "C", days.get(i), weekdays[i]));
		}
		// weekends 6, 7 and 13 January: 50, 50, 20, median 50: 20 is kept (among the weekdays' median of 100 it
		// would be an outage: the kinds are apart)
		counts.add(new MobilityCount("C", "C", LocalDate.of(2024, 1, 6), 50L));
		counts.add(new MobilityCount("C", "C", LocalDate.of(2024, 1, 7), 50L));
		counts.add(new MobilityCount("C", "C", LocalDate.of(2024, 1, 13), 20L));
		counts.add(new MobilityCount("C", "C", LocalDate.of(2024, 1, 14), null));
		// another counter's days do not enter this one's median
		counts.add(new MobilityCount("D", "D", MONDAY, 100_000L));

		List<CounterOutages.Judged> judged = CounterOutages.judge(counts);

		assertThat(judged).hasSize(counts.size());
		assertThat(judged.get(5).count().counted()).isEqualTo(24);
		assertThat(judged.get(5).leftOut()).isEqualTo(CounterOutages.OUTAGE);
		assertThat(judged.get(5).reference()).isEqualTo(100.0);
		assertThat(judged.get(7).count().counted()).isEqualTo(201);
		assertThat(judged.get(7).leftOut()).isEqualTo(CounterOutages.MALFUNCTION);
		for (int i : new int[] { 0, 1, 2, 3, 4, 6, 8 }) {
			assertThat(judged.get(i).leftOut()).as("weekday %d", i).isNull();
		}
		assertThat(judged.get(11).reference()).isEqualTo(50.0);
		assertThat(judged.get(11).leftOut()).isNull();
		assertThat(judged.get(12).leftOut()).isEqualTo(CounterOutages.EMPTY);
		assertThat(judged.get(13).leftOut()).isNull();
	}

	@Test
	void theBoundsThemselvesAreKept() {
		// sorted 25 100 100 100 200: median 100; 25 is a quarter, 200 twice: both kept
		List<MobilityCount> counts = new ArrayList<>();
		long[] values = { 100, 100, 100, 25, 200 };
		for (int i = 0; i < values.length; i++) {
			counts.add(new MobilityCount("C", "C", MONDAY.plusDays(i), values[i]));
		}
		assertThat(CounterOutages.judge(counts)).allSatisfy(j -> assertThat(j.leftOut()).isNull());
		counts.set(3, new MobilityCount("C", "C", MONDAY.plusDays(3), 24L));
		counts.set(4, new MobilityCount("C", "C", MONDAY.plusDays(4), 201L));
		assertThat(CounterOutages.judge(counts)).extracting(CounterOutages.Judged::leftOut)
			.containsExactly(null, null, null, CounterOutages.OUTAGE, CounterOutages.MALFUNCTION);
	}

	@Test
	void theReferenceReachesTwentyEightDaysEitherSide() {
		TreeMap<LocalDate, Long> days = new TreeMap<>();
		days.put(MONDAY, 100L);
		days.put(MONDAY.plusDays(28), 300L); // a Monday, in the window
		days.put(MONDAY.plusDays(29), 1_000L); // a Tuesday, outside
		days.put(MONDAY.plusDays(5), 7L); // a Saturday: another kind
		assertThat(CounterOutages.reference(days, MONDAY)).isEqualTo(200.0);
		// from the Tuesday, the first Monday is 29 days back: the median of 300 and its own 1000
		assertThat(CounterOutages.reference(days, MONDAY.plusDays(29))).isEqualTo(650.0);
	}

}
