package org.cabildo.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.cabildo.indicators.MobilityMonths.Length;
import org.cabildo.indicators.MobilitySeriesRegister.DayTotal;
import org.junit.jupiter.api.Test;

/** Monthly and yearly means of the mobility indicators, worked out by hand. */
class MobilityMonthsTest {

	@Test
	void cyclistsPerCounterPerDayWeekdaysAndWeekendsApart() {
		List<DayTotal> days = new ArrayList<>();
		// January 2024: 23 weekdays, 8 weekend days; two counters: 150 each on weekdays, 50 at weekends, but on
		// Wednesday 3 January one counter was left out and the other counted 200
		for (LocalDate day = LocalDate.of(2024, 1, 1); day.isBefore(LocalDate.of(2024, 2, 1)); day = day.plusDays(1)) {
			boolean weekend = CounterOutages.weekend(day);
			if (day.getDayOfMonth() == 3) {
				days.add(new DayTotal("all", day, 200, 1, 1));
			}
			else {
				days.add(new DayTotal("all", day, weekend ? 100 : 300, 2, 0));
			}
		}
		// February 2024 (21 weekdays, 8 weekend days): data on the 1st to the 10th only
		for (LocalDate day = LocalDate.of(2024, 2, 1); day.getDayOfMonth() <= 10; day = day.plusDays(1)) {
			days.add(new DayTotal("all", day, 300, 2, 0));
		}

		List<MobilityValue> months = MobilityMonths.cyclists(days, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 1),
				Length.MONTH);

		assertThat(months).extracting(MobilityValue::period, MobilityValue::group)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("2024-01", "weekdays"),
					org.assertj.core.groups.Tuple.tuple("2024-01", "weekends"),
					org.assertj.core.groups.Tuple.tuple("2024-01", "all"),
					org.assertj.core.groups.Tuple.tuple("2024-02", "weekdays"),
					org.assertj.core.groups.Tuple.tuple("2024-02", "weekends"),
					org.assertj.core.groups.Tuple.tuple("2024-02", "all"));
		// weekdays: (22 x 300 + 200) / (22 x 2 + 1) = 6800 / 45 = 151.11
		MobilityValue weekdays = months.get(0);
		assertThat(weekdays.value()).isEqualTo(151.1);
		assertThat(weekdays.counts()).isEqualTo(45);
		assertThat(weekdays.leftOut()).isEqualTo(1);
		assertThat(weekdays.days()).isEqualTo(23);
		assertThat(weekdays.daysWithData()).isEqualTo(23);
		assertThat(weekdays.coverage()).isEqualTo(1.0);
		// weekends: 8 x 100 / 16 = 50
		assertThat(months.get(1).value()).isEqualTo(50.0);
		assertThat(months.get(1).leftOut()).isZero();
		// all: 7600 / 61 = 124.59
		assertThat(months.get(2).value()).isEqualTo(124.6);
		// February: weekdays 1, 2, 5 to 9 of 21 have data: 7 / 21 is below 75 %, no value
		MobilityValue february = months.get(3);
		assertThat(february.daysWithData()).isEqualTo(7);
		assertThat(february.days()).isEqualTo(21);
		assertThat(february.coverage()).isEqualTo(0.333);
		assertThat(february.value()).isNull();
		assertThat(february.from()).isEqualTo(LocalDate.of(2024, 2, 1));
		assertThat(february.to()).isEqualTo(LocalDate.of(2024, 3, 1));

		// a year cut to the period asked: weekdays 30 of 44 with data, below 75 %
		List<MobilityValue> years = MobilityMonths.cyclists(days, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 1),
				Length.YEAR);
		assertThat(years).hasSize(3);
		assertThat(years.get(0).period()).isEqualTo("2024");
		assertThat(years.get(0).days()).isEqualTo(44);
		assertThat(years.get(0).daysWithData()).isEqualTo(30);
		assertThat(years.get(0).value()).isNull();
		// January alone, asked from the 2nd: a month cut to the period (22 weekdays, 6800 - 300 over 43)
		List<MobilityValue> cut = MobilityMonths.cyclists(days, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 2, 1),
				Length.MONTH);
		assertThat(cut.get(0).from()).isEqualTo(LocalDate.of(2024, 1, 2));
		assertThat(cut.get(0).days()).isEqualTo(22);
		assertThat(cut.get(0).value()).isEqualTo(151.2);
	}

	@Test
	void ridershipPerOperatorAgainstTheFirstWeek() {
		LocalDate first = LocalDate.of(2020, 3, 1);
		List<DayTotal> days = new ArrayList<>();
		// A: 1000 a day in the first week, then 250; B: 500 a day, but its lines' totals are empty on 15 March
		for (LocalDate day = first; day.isBefore(LocalDate.of(2020, 4, 1)); day = day.plusDays(1)) {
			boolean firstWeek = day.isBefore(first.plusDays(7));
			days.add(new DayTotal("A", day, firstWeek ? 1000 : 250, 2, 0));
			days.add(day.getDayOfMonth() == 15 ? new DayTotal("B", day, 0, 0, 3) : new DayTotal("B", day, 500, 3, 0));
		}
		List<DayTotal> baseline = days.stream().filter(d -> d.day().isBefore(first.plusDays(7))).toList();

		List<MobilityValue> months = MobilityMonths.ridership(days, first, LocalDate.of(2020, 4, 1), Length.MONTH,
				baseline, first, first.plusDays(7));

		assertThat(months).extracting(MobilityValue::group).containsExactly("A", "B", "all");
		// A: (7 x 1000 + 24 x 250) / 31 = 13000 / 31 = 419.35, against 1000: -58.1 %
		assertThat(months.get(0).value()).isEqualTo(419.4);
		assertThat(months.get(0).baseline()).isEqualTo(1000.0);
		assertThat(months.get(0).changePercent()).isEqualTo(-58.1);
		// B: 500 on its 30 days with data, unchanged; the empty day counted as left out
		assertThat(months.get(1).value()).isEqualTo(500.0);
		assertThat(months.get(1).changePercent()).isEqualTo(0.0);
		assertThat(months.get(1).daysWithData()).isEqualTo(30);
		assertThat(months.get(1).coverage()).isEqualTo(0.968);
		assertThat(months.get(1).leftOut()).isEqualTo(3);
		// all: (7 x 1500 + 23 x 750 + 250) / 31 = 28000 / 31 = 903.23, against 1500: -39.8 %
		assertThat(months.get(2).value()).isEqualTo(903.2);
		assertThat(months.get(2).baseline()).isEqualTo(1500.0);
		assertThat(months.get(2).changePercent()).isEqualTo(-39.8);
	}

}
