package org.cabildo.indicators;

import java.time.LocalDate;
import java.util.List;

/**
 * A health series beside an indicator, district by district: an association, never a cause.
 *
 * @param healthFrom the health period asked (from, included)
 * @param healthTo its end (excluded)
 * @param indicatorFrom the indicator's period (from, included)
 * @param indicatorTo its end (excluded)
 * @param periodsOverlap whether the two periods share a day
 * @param districts each district of the health series, with its rate (suppressed where needed)
 * and the indicator's value
 * @param correlation Spearman's rank correlation over the districts with both
 * @param caveat how far the figures may be read, in words
 * @param suppression the small-cell rule (see {@link HealthDistrictTable})
 */
public record HealthAssociation(String series, String indicator, String indicatorUnit, LocalDate healthFrom,
		LocalDate healthTo, LocalDate indicatorFrom, LocalDate indicatorTo, boolean periodsOverlap,
		List<District> districts, Correlation correlation, String caveat, String suppression) {

	public HealthAssociation {
		districts = List.copyOf(districts);
	}

	/**
	 * One district.
	 *
	 * @param per100k the health rate, cases per 100,000 inhabitants; null when suppressed or
	 * without a population
	 * @param suppressed whether the rate is withheld by the small-cell rule
	 * @param indicatorValue the indicator's value; null without one (no monitor, too little data)
	 * @param inCorrelation whether the district counts in the correlation (both values present)
	 */
	public record District(String district, String name, Double per100k, boolean suppressed, Double indicatorValue,
			boolean inCorrelation) {
	}

	/**
	 * Spearman's rank correlation.
	 *
	 * @param method how it is computed and why this one
	 * @param rho from -1 to 1; null when fewer than 3 districts have both values, or one of them
	 * does not vary
	 * @param n the districts counted
	 * @param leftOutSuppressed districts left out because their rate is suppressed
	 * @param leftOutWithoutValue districts left out for want of an indicator value or a population
	 * @param significance why no p-value is given
	 */
	public record Correlation(String method, Double rho, int n, int leftOutSuppressed, int leftOutWithoutValue,
			String significance) {
	}

}
