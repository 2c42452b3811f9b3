package org.cabildo.indicators;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Ozone's peak season as WHO 2021 defines its long-term level (Table 0.1, note b): the average of
 * the daily maximum 8-hour mean O3 concentration in the six consecutive months with the highest
 * six-month running-average O3 concentration.
 *
 * <p>
 * How it is computed, where WHO leaves it open: each month is the mean of its valid daily
 * maximum 8-hour means ({@link AirMonth}, valid with 75 % of its days); a six-month running
 * average is the mean of six consecutive monthly means, and exists only when all six months are
 * valid; the peak season is the window with the highest, the earliest on a tie, and its value is
 * that average (the mean of the six monthly means, as the Global Burden of Disease's ozone
 * metric takes it, rather than of the pooled days; with complete months they differ only by
 * the months' lengths). Windows lie within the days given: for a calendar year, January–June to
 * July–December; a city of the southern hemisphere, whose ozone season spans the new year, gives
 * a period that contains it.
 *
 * @param first the season's first month
 * @param last its sixth
 * @param value the mean of its six monthly means
 * @param months the six months
 */
record AirPeakSeason(YearMonth first, YearMonth last, double value, List<AirMonth> months) {

	static final int MONTHS = 6;

	AirPeakSeason {
		Objects.requireNonNull(first, "first");
		Objects.requireNonNull(last, "last");
		months = List.copyOf(months);
	}

	/**
	 * The peak season of the daily maximum 8-hour means given; empty when no six consecutive
	 * months are all valid.
	 */
	static Optional<AirPeakSeason> of(List<AirDay> dailyMaximumEightHourMeans) {
		List<AirMonth> months = AirMonth.of(dailyMaximumEightHourMeans);
		AirPeakSeason best = null;
		for (int i = 0; i + MONTHS <= months.size(); i++) {
			List<AirMonth> window = months.subList(i, i + MONTHS);
			if (window.stream().allMatch(AirMonth::isValid)) {
				double average = window.stream().mapToDouble(AirMonth::value).sum() / MONTHS;
				if (best == null || average > best.value()) {
					best = new AirPeakSeason(window.getFirst().month(), window.getLast().month(), average, window);
				}
			}
		}
		return Optional.ofNullable(best);
	}

}
