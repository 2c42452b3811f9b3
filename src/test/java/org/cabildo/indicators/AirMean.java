package org.cabildo.indicators;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.time.ZoneId;

/**
 * The mean of a stream over a period of the city's calendar (a year for WHO's annual levels):
 * the mean of its hour means, valid when 75 % of the period's hours have data.
 *
 * <p>
 * The mean of hour means rather than of daily means: every hour with data weighs the same,
 * and a day with few hours still adds what it has. The hours are counted against the hours the
 * period really has in the city's zone (8,760 in a year of 365 days, whatever the changes of
 * clocks, which take an hour in spring and give it back in autumn).
 *
 * @param value null when the coverage falls short of the rule
 * @param coverage hours with data of the period's hours
 */
record AirMean(Double value, AirCoverage coverage) {

	AirMean {
		Objects.requireNonNull(coverage, "coverage");
		if (value != null && !coverage.isMet()) {
			throw new IllegalArgumentException("a mean below its coverage rule has no value");
		}
	}

	static AirMean of(List<HourMean> hours, ZoneId zone, AirPeriod period) {
		Collection<Double> values = new AirHours(hours).startingIn(period.startIn(zone), period.endIn(zone));
		AirCoverage coverage = new AirCoverage(AirCoverage.Counted.HOURS, values.size(), period.hoursIn(zone));
		return new AirMean(coverage.isMet() ? AirHours.mean(values) : null, coverage);
	}

}
