package org.cabildo.indicators;

import java.time.LocalDate;
import java.util.List;

/**
 * One district's reporting periods of a health series, with the same small-cell suppression as
 * {@link HealthDistrictTable} (its {@code suppression} says the rule): the district's weeks and
 * its total over the period, hidden below 11 or to protect a hidden one.
 *
 * @param cases the district's cases over the periods listed; null when suppressed
 * @param per100k per 100,000 inhabitants; null when suppressed or without a population
 */
public record HealthDistrictWeeks(HealthSeries series, String district, String name, Long population,
		LocalDate from, LocalDate to, List<HealthWeek> weeks, Long cases, Double per100k, boolean suppressed,
		String suppression) {

	public HealthDistrictWeeks {
		weeks = List.copyOf(weeks);
	}

	/**
	 * One reporting period.
	 *
	 * @param start its first day
	 * @param end its last day (included): most are a week, some longer (a missed report)
	 * @param days its days
	 * @param cases null when suppressed
	 */
	public record HealthWeek(LocalDate start, LocalDate end, int days, Long cases, Double per100k,
			boolean suppressed) {
	}

}
