package org.cabildo.indicators;

/**
 * The averaging times of the WHO 2021 guideline levels, each with the statistic a year of data
 * is held against the level by. WHO global air quality guidelines, 2021, Table 0.1 and its notes.
 */
enum WhoAveraging {

	/**
	 * A 24-hour (local calendar day) mean. Short term: the level is the 99th percentile of the
	 * year's daily means (note a of Table 0.1: "3–4 exceedance days per year").
	 */
	DAY(true),

	/**
	 * The daily maximum of the 8-hour running means (ozone). Short term, as {@link #DAY}: the
	 * 99th percentile of the year's daily maxima.
	 */
	DAILY_MAXIMUM_EIGHT_HOURS(true),

	/** The mean of a calendar year's hours. Long term. */
	YEAR(false),

	/**
	 * Ozone's peak season (note b of Table 0.1): the average of the daily maximum 8-hour means
	 * in the six consecutive months with the highest six-month running average. Long term.
	 */
	PEAK_SEASON(false);

	private final boolean shortTerm;

	WhoAveraging(boolean shortTerm) {
		this.shortTerm = shortTerm;
	}

	/** Held against the level day by day (exceedance days, 99th percentile), not as one mean. */
	boolean isShortTerm() {
		return shortTerm;
	}

}
