package org.cabildo.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Ozone's peak season from daily maximum 8-hour means, worked out by hand. */
class AirPeakSeasonTest {

	/** Monthly levels of 2024, January to December. */
	private static final double[] YEAR = { 40, 50, 60, 70, 80, 90, 100, 90, 80, 70, 60, 50 };

	@Test
	void theSeasonIsTheSixMonthsWithTheHighestAverage() {
		// Six-month averages: Jan–Jun 65, Feb–Jul 75, Mar–Aug 81.67, Apr–Sep 85, May–Oct 85,
		// Jun–Nov 81.67, Jul–Dec 75: April to September, the first of the two at 85.
		AirPeakSeason season = AirPeakSeason.of(days(2024, YEAR, 0)).orElseThrow();
		assertThat(season.first()).isEqualTo(YearMonth.of(2024, 4));
		assertThat(season.last()).isEqualTo(YearMonth.of(2024, 9));
		assertThat(season.value()).isCloseTo(85, within(1e-12));
		assertThat(season.months()).hasSize(6).allMatch(AirMonth::isValid);
	}

	@Test
	void aMonthWithFewerThan75PercentOfItsDaysBreaksEveryWindowItIsIn() {
		// May with 23 valid days of 31 (24 needed): only Jun–Nov (490 / 6) and Jul–Dec (450 / 6) remain.
		List<AirDay> days = days(2024, YEAR, 0);
		invalidate(days, YearMonth.of(2024, 5), 8);
		AirPeakSeason season = AirPeakSeason.of(days).orElseThrow();
		assertThat(season.first()).isEqualTo(YearMonth.of(2024, 6));
		assertThat(season.value()).isCloseTo(490.0 / 6, within(1e-12));
		assertThat(AirMonth.of(days).get(4).coverage()).isEqualTo(new AirCoverage(AirCoverage.Counted.DAYS, 23, 31));
	}

	@Test
	void aMonthWith75PercentOfItsDaysIsValid() {
		// 24 of 31: May stays valid, and its value is the mean of its valid days.
		List<AirDay> days = days(2024, YEAR, 0);
		invalidate(days, YearMonth.of(2024, 5), 7);
		assertThat(AirMonth.of(days).get(4).value()).isEqualTo(80);
		assertThat(AirPeakSeason.of(days).orElseThrow().first()).isEqualTo(YearMonth.of(2024, 4));
	}

	@Test
	void aSouthernSeasonCrossesTheNewYearWhenThePeriodDoes() {
		// July 2018 to June 2019, highest from November to April.
		double[] levels = { 30, 35, 40, 50, 70, 80, 90, 90, 80, 70, 40, 30 };
		AirPeakSeason season = AirPeakSeason.of(days(2018, levels, 6)).orElseThrow();
		assertThat(season.first()).isEqualTo(YearMonth.of(2018, 11));
		assertThat(season.last()).isEqualTo(YearMonth.of(2019, 4));
		// (70 + 80 + 90 + 90 + 80 + 70) / 6
		assertThat(season.value()).isCloseTo(80, within(1e-12));
	}

	@Test
	void withoutSixValidMonthsThereIsNoSeason() {
		assertThat(AirPeakSeason.of(days(2024, new double[] { 1, 2, 3, 4, 5 }, 0))).isEmpty();
		assertThat(AirPeakSeason.of(List.of())).isEmpty();
	}

	/** Every day of consecutive months from month {@code firstMonth + 1} of {@code year}, each at its level. */
	private static List<AirDay> days(int year, double[] levels, int firstMonth) {
		List<AirDay> days = new ArrayList<>();
		YearMonth month = YearMonth.of(year, 1).plusMonths(firstMonth);
		for (double level : levels) {
			for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
				days.add(new AirDay(day, level, new AirCoverage(AirCoverage.Counted.EIGHT_HOUR_MEANS, 24, 24), 31));
			}
			month = month.plusMonths(1);
		}
		return days;
	}

	private static void invalidate(List<AirDay> days, YearMonth month, int count) {
		for (int d = 1; d <= count; d++) {
			LocalDate date = month.atDay(d);
			days.replaceAll(day -> day.date().equals(date)
					? new AirDay(date, null, new AirCoverage(AirCoverage.Counted.EIGHT_HOUR_MEANS, 3, 24), 8) : day);
		}
	}

}
