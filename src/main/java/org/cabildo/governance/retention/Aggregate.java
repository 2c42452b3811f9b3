package org.cabildo.governance.retention;

import java.util.Collection;

/**
 * What remains of the raw Observations of one interval: how many there were and, over those
 * with a numeric result, the least, the greatest and the mean.
 *
 * @param numericCount how many had a numeric result; what the mean is over, so that aggregates
 *        of the same interval merge exactly
 * @param timeZone the IANA zone whose calendar the interval was cut in; null for one not stored yet
 */
public record Aggregate(Interval interval, long count, long numericCount, Double min, Double max, Double mean,
		String timeZone) {

	/** The aggregate of some results (null for a result that is not a number). */
	static Aggregate of(Interval interval, Collection<Double> results) {
		long numeric = 0;
		double sum = 0;
		Double min = null;
		Double max = null;
		for (Double result : results) {
			if (result != null) {
				numeric++;
				sum += result;
				min = min == null ? result : Math.min(min, result);
				max = max == null ? result : Math.max(max, result);
			}
		}
		return new Aggregate(interval, results.size(), numeric, min, max, numeric == 0 ? null : sum / numeric, null);
	}

	/** This and another aggregate of the same interval, as if computed over both sets of rows. */
	Aggregate plus(Aggregate other) {
		long numeric = numericCount + other.numericCount;
		Double mergedMean = numeric == 0 ? null
				: (sum(this) + sum(other)) / numeric;
		return new Aggregate(interval, count + other.count, numeric, least(min, other.min), greatest(max, other.max),
				mergedMean, timeZone);
	}

	private static double sum(Aggregate aggregate) {
		return aggregate.numericCount == 0 ? 0 : aggregate.mean * aggregate.numericCount;
	}

	private static Double least(Double a, Double b) {
		return a == null ? b : b == null ? a : Double.valueOf(Math.min(a, b));
	}

	private static Double greatest(Double a, Double b) {
		return a == null ? b : b == null ? a : Double.valueOf(Math.max(a, b));
	}

}
