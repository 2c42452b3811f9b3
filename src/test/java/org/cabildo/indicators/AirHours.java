package org.cabildo.indicators;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A stream's hour means by their start, whatever order they came in: every statistic reads
 * hours through it, so no result depends on the order of its input. Two means for one hour are
 * a mistake of the caller (the rollups keep one per hour), not something to average away.
 */
final class AirHours {

	private final NavigableMap<Instant, Double> means = new TreeMap<>();

	AirHours(List<HourMean> hours) {
		for (HourMean hour : hours) {
			if (means.put(hour.start(), hour.mean()) != null) {
				throw new IllegalArgumentException("two means for the hour starting " + hour.start());
			}
		}
	}

	/** The means of the hours that start in {@code [from, to)}, in time order. */
	Collection<Double> startingIn(Instant from, Instant to) {
		return means.subMap(from, true, to, false).values();
	}

	/** The starts of the hours in {@code [from, to)}. */
	Collection<Instant> startsIn(Instant from, Instant to) {
		return means.subMap(from, true, to, false).keySet();
	}

	/** The mean of a collection of hour means (summed in time order, so reproducibly). */
	static double mean(Collection<Double> values) {
		double sum = 0;
		for (double value : values) {
			sum += value;
		}
		return sum / values.size();
	}

}
