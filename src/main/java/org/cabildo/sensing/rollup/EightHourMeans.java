package org.cabildo.sensing.rollup;

import java.time.Duration;
import java.time.Instant;
import java.util.NavigableMap;

/**
 * A local day's greatest 8-hour running mean, by the convention of the EU directive 2008/50/EC,
 * Annex VII (the one WHO's 8-hour ozone guideline is read by): a mean every hour over the 8 hours
 * before, each assigned to the day in which it ends, so that a day's first covers 17:00 the day
 * before to 01:00 and its last 16:00 to 24:00; a day has as many as it has hours (23 or 25 when
 * the clocks change). A mean counts with 6 of its 8 hours, as the mean of the hours' means it has.
 *
 * @param max the greatest mean that counts; null when none does
 * @param windows how many of the day's means count
 */
record EightHourMeans(Double max, int windows) {

	private static final Duration HOUR = Duration.ofHours(1);

	private static final Duration EIGHT_HOURS = Duration.ofHours(8);

	/** The hours with a value an 8-hour mean needs (6 of 8: 75 %). */
	static final int HOURS_NEEDED = 6;

	/** How far before a day its first mean reaches. */
	static final Duration REACH = EIGHT_HOURS.minus(HOUR);

	/** The means that end in [dayStart, dayEnd], from the hours' rollups by start (which must reach 7 hours before). */
	static EightHourMeans of(NavigableMap<Instant, HourTotals> hours, Instant dayStart, Instant dayEnd) {
		Double max = null;
		int windows = 0;
		for (Instant end = dayStart.plus(HOUR); !end.isAfter(dayEnd); end = end.plus(HOUR)) {
			NavigableMap<Instant, HourTotals> window = hours.subMap(end.minus(EIGHT_HOURS), true, end, false);
			if (window.size() >= HOURS_NEEDED) {
				double mean = window.values().stream().mapToDouble(HourTotals::mean).average().orElseThrow();
				windows++;
				max = max == null ? mean : Math.max(max, mean);
			}
		}
		return new EightHourMeans(max, windows);
	}

}
