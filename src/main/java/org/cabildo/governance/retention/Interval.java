package org.cabildo.governance.retention;

import java.time.Instant;
import java.time.ZoneId;

import org.cabildo.governance.RetentionPeriod;

/**
 * An interval of aggregates: [start, end), an hour, day, month or year of the city's calendar (or
 * a part of a local day), so that every run and every node cuts time into the same intervals.
 */
public record Interval(Instant start, Instant end) {

	/** The interval of this granularity, on the calendar of the zone, that contains the instant. */
	public static Interval containing(Instant instant, RetentionPeriod granularity, ZoneId zone) {
		RetentionPeriod.Span span = granularity.intervalContaining(instant, zone);
		return new Interval(span.start(), span.end());
	}

}
