package org.cabildo.indicators;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A statistic of one local calendar day (its mean, its maximum hour, its maximum 8-hour mean),
 * with the coverage that decides whether it is valid.
 *
 * @param date the local day
 * @param value null when the coverage falls short of its rule: an invalid day has no value
 * @param coverage hours of the day with data (or, for the maximum 8-hour mean, valid 8-hour means
 * ending in the day)
 * @param hours the hour means behind the value, for saying how many hours back it
 */
record AirDay(LocalDate date, Double value, AirCoverage coverage, int hours) {

	AirDay {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(coverage, "coverage");
		if (value != null && !coverage.isMet()) {
			throw new IllegalArgumentException(date + ": a day below its coverage rule has no value");
		}
	}

	boolean isValid() {
		return value != null;
	}

}
