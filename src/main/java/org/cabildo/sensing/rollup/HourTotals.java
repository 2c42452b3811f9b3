package org.cabildo.sensing.rollup;

/**
 * The count, sum, least and greatest of some numeric results: what an hour's rollup holds. Totals
 * of parts add up to the totals of the whole in any order ({@link #plus}), which is why an hour can
 * be recomputed from its rows alone whatever order they came in.
 */
record HourTotals(long count, double sum, double min, double max) {

	static HourTotals of(double value) {
		return new HourTotals(1, value, value, value);
	}

	HourTotals plus(HourTotals other) {
		return new HourTotals(count + other.count, sum + other.sum, Math.min(min, other.min), Math.max(max, other.max));
	}

	double mean() {
		return sum / count;
	}

}
