package org.cabildo.sensing.rollup;

/**
 * A local day's rollup made of its hours' rollups: how many hours had a value, how many values,
 * their least and greatest, and the mean of the hours' means (each hour weighs once, however many
 * values it holds, as the daily means of air-quality guidelines are taken from hourly means).
 */
record DayTotals(int hours, long count, double min, double max, double sumOfHourMeans) {

	static DayTotals of(HourTotals hour) {
		return new DayTotals(1, hour.count(), hour.min(), hour.max(), hour.mean());
	}

	DayTotals plus(DayTotals other) {
		return new DayTotals(hours + other.hours, count + other.count, Math.min(min, other.min),
				Math.max(max, other.max), sumOfHourMeans + other.sumOfHourMeans);
	}

	double mean() {
		return sumOfHourMeans / hours;
	}

}
