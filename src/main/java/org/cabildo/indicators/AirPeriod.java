package org.cabildo.indicators;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Local calendar days from {@code start} (included) to {@code end} (excluded): a day, a month, a
 * year of the city. Its instants depend on the city's time zone, and so does its number of hours:
 * a local day has 23 or 25 hours when the clocks change, and coverage is counted against the
 * hours the period really has, not against 24 a day.
 */
record AirPeriod(LocalDate start, LocalDate end) {

	AirPeriod {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		if (!start.isBefore(end)) {
			throw new IllegalArgumentException("a period ends after it starts: " + start + " to " + end);
		}
	}

	static AirPeriod day(LocalDate day) {
		return new AirPeriod(day, day.plusDays(1));
	}

	static AirPeriod month(YearMonth month) {
		return new AirPeriod(month.atDay(1), month.plusMonths(1).atDay(1));
	}

	static AirPeriod year(int year) {
		return new AirPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
	}

	/**
	 * The instant the period starts: the local midnight of its first day, or the first local time
	 * of that day when a change of clocks skips midnight (São Paulo until 2018).
	 */
	Instant startIn(ZoneId zone) {
		return start.atStartOfDay(zone).toInstant();
	}

	/** The instant it ends, which is the start of the day after its last. */
	Instant endIn(ZoneId zone) {
		return end.atStartOfDay(zone).toInstant();
	}

	/** The hours the period lasts in this zone (a day of a change of clocks: 23 or 25). */
	int hoursIn(ZoneId zone) {
		return Math.toIntExact(Duration.between(startIn(zone), endIn(zone)).toHours());
	}

	Stream<LocalDate> days() {
		return start.datesUntil(end);
	}

}
