package org.cabildo.indicators;

import java.time.Instant;
import java.util.Objects;

/**
 * The mean of one stream over one clock hour, as the hourly rollups give it: the computations
 * of indicators start here, never from raw observations. A stream's hours come as a list, one
 * entry per hour that has data; an hour without data is absent (not zero, not NaN), so that
 * coverage can count it as missing.
 *
 * @param start the instant the hour starts (an hour belongs to the local day, month or year
 * that contains its start)
 * @param mean the mean of the observations in that hour, in the unit the guideline needs
 */
record HourMean(Instant start, double mean) {

	HourMean {
		Objects.requireNonNull(start, "start");
		if (!Double.isFinite(mean)) {
			throw new IllegalArgumentException("an hour's mean is a finite number: " + mean + " at " + start);
		}
	}

}
