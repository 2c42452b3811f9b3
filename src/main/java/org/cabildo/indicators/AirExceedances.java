package org.cabildo.indicators;

import java.util.List;

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


	/** How many valid days have a value above {@code level}, of how many valid days and days. */
	static AirExceedances of(List<AirDay> days, double level) {
		int valid = 0;
		int above = 0;
		for (AirDay day : days) {
			if (day.isValid()) {
				valid++;
				if (day.value() > level) {
					above++;
				}
			}
		}
		return new AirExceedances(above, valid, days.size());
	}

}
