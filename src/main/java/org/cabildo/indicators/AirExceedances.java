package org.cabildo.indicators;

/**
 * How many days of a period were above a level, out of how many could be told.
 *
 * @param exceedanceDays valid days whose value is above the level (strictly: a day at the level
 * meets it, as "not to exceed" reads)
 * @param validDays days with a value
 * @param days days of the period, valid or not
 */
record AirExceedances(int exceedanceDays, int validDays, int days) {

	AirExceedances {
		if (exceedanceDays < 0 || exceedanceDays > validDays || validDays > days) {
			throw new IllegalArgumentException(exceedanceDays + " of " + validDays + " of " + days + " days");
		}
	}

	/** Valid days as coverage of the period (the share of its days the count could look at). */
	AirCoverage coverage() {
		return new AirCoverage(AirCoverage.Counted.DAYS, validDays, days);
	}

}
