package org.cabildo.governance.retention;

import java.time.Duration;
import java.time.Instant;

/**
 * An interval of aggregates: [start, end), a whole multiple of the granularity from the epoch
 * (UTC), so that every run and every node cuts time into the same intervals.
 */
public record Interval(Instant start, Instant end) {

	/** The interval of this granularity that contains the instant. */
	public static Interval containing(Instant instant, Duration granularity) {
		long length = granularity.toMillis();
		if (length <= 0) {
			throw new IllegalArgumentException("a granularity of at least a millisecond is needed, not " + granularity);
		}
		long start = Math.floorDiv(instant.toEpochMilli(), length) * length;
		return new Interval(Instant.ofEpochMilli(start), Instant.ofEpochMilli(start + length));
	}

}
