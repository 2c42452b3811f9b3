package org.cabildo.indicators;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Hour means for tests, laid out from a local day's start in real hours. */
final class AirTestHours {

	private AirTestHours() {
	}

	/** One hour mean per value, the first starting at the day's start, each an hour after the last. */
	static List<HourMean> from(ZoneId zone, LocalDate day, double... values) {
		return from(day.atStartOfDay(zone).toInstant(), values);
	}

	static List<HourMean> from(Instant start, double... values) {
		List<HourMean> hours = new ArrayList<>();
		for (int i = 0; i < values.length; i++) {
			hours.add(new HourMean(start.plus(Duration.ofHours(i)), values[i]));
		}
		return hours;
	}

	/** {@code count} hours of one value. */
	static double[] repeat(double value, int count) {
		double[] values = new double[count];
		java.util.Arrays.fill(values, value);
		return values;
	}

	@SafeVarargs
	static List<HourMean> concat(List<HourMean>... parts) {
		List<HourMean> all = new ArrayList<>();
		for (List<HourMean> part : parts) {
			all.addAll(part);
		}
		return all;
	}

}
