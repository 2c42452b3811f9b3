package org.cabildo.indicators;

import java.time.LocalDate;
import java.util.List;

/**
 * A health series' cases per district over a period, with small-cell suppression.
 * <p>
 * The rule ({@code suppression}, the same text in every answer): the series is one table of
 * districts by reporting periods, with each district's total, each period's city total and the
 * grand total. Every count below 11 in it is hidden (primary). Where a row or a column of that
 * table would then hide exactly one count, the next smallest count of that row or column (or
 * its total) is hidden too (complementary), and again until no hidden count can be solved for
 * from the shown counts and totals, by any combination of rows and columns. That one table is
 * the source of every answer: a district's total over a period is shown only when it follows
 * from the shown counts of that table (all its hidden weeks outside the period, or all inside
 * with its total shown) and is 11 or more; then, within an answer, when exactly one district's
 * total is hidden, the city's is hidden too, and when exactly one week is hidden, the district's
 * total over the period is. So nothing below 11 can be recovered by subtracting shown counts
 * from shown totals, within an answer or across answers for other periods. A rate is hidden
 * with its count (the population is public).
 *
 * @param from the first day asked (included)
 * @param to the day after the last asked
 * @param coveredFrom the first day of the first reporting period counted: periods are counted
 * only when they lie whole within [from, to)
 * @param coveredTo the last day of the last one counted
 * @param periods the reporting periods counted
 * @param districts every district of the series
 * @param city the districts together
 * @param suppression the rule above
 */
public record HealthDistrictTable(HealthSeries series, LocalDate from, LocalDate to, LocalDate coveredFrom,
		LocalDate coveredTo, int periods, List<HealthDistrictRow> districts, HealthDistrictRow city,
		String suppression) {

	public HealthDistrictTable {
		districts = List.copyOf(districts);
	}

	/**
	 * One district (or the city) over the period.
	 *
	 * @param district its code ({@code city} for the city)
	 * @param population its inhabitants, as the district register says; null when unknown
	 * @param cases the cases in the period; null when suppressed
	 * @param per100k cases per 100,000 inhabitants; null when suppressed or without a population
	 * @param suppressed whether the count (and rate) is withheld, below 11 or to protect one that is
	 */
	public record HealthDistrictRow(String district, String name, Long population, Long cases, Double per100k,
			boolean suppressed) {
	}

}
