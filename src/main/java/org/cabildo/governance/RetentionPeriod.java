package org.cabildo.governance;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An ISO 8601 period as a declaration's retention or aggregate granularity is written: years,
 * months, weeks and days counted on the city's calendar ({@code P2Y}, {@code P18M}, {@code P30D}),
 * hours, minutes and seconds on the clock ({@code PT12H}), or both ({@code P1DT12H}). A month is a
 * calendar month and a day a local day of the city, 23 or 25 hours long across a change of clocks.
 *
 * @param calendar the years, months and days
 * @param clock the hours, minutes and seconds
 */
public record RetentionPeriod(Period calendar, Duration clock) {

	/** What a retention may be written as, for messages. */
	public static final String FORMS = "an ISO 8601 period such as P30D, P365D, P18M, P2Y, P1Y6M, PT12H or P1DT12H"
			+ " (years, months, weeks and days count on the city's calendar)";

	/** What a granularity may be, for messages. */
	public static final String GRANULARITIES = "PT1H, P1D, P1M or P1Y (an hour, day, month or year of the city's"
			+ " calendar), or a part of an hour or day that divides it evenly, from PT1M (e.g. PT15M, PT6H)";

	private static final Pattern SHAPE = Pattern
		.compile("P(?=\\d|T\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+([.,]\\d+)?S)?)?");

	private static final Duration DAY = Duration.ofDays(1);

	public RetentionPeriod {
		if (calendar.isNegative() || clock.isNegative()) {
			throw new IllegalArgumentException("a period is not negative");
		}
	}

	/**
	 * Reads an ISO 8601 period.
	 *
	 * @throws IllegalArgumentException saying what is accepted
	 */
	public static RetentionPeriod parse(String text) {
		String value = text == null ? "" : text.trim().toUpperCase(java.util.Locale.ROOT);
		if (!SHAPE.matcher(value).matches()) {
			throw new IllegalArgumentException("'" + text + "' is not " + FORMS);
		}
		int t = value.indexOf('T');
		String date = t < 0 ? value : value.substring(0, t);
		try {
			Period calendar = date.equals("P") ? Period.ZERO : Period.parse(date);
			Duration clock = t < 0 ? Duration.ZERO : Duration.parse("PT" + value.substring(t + 1));
			return new RetentionPeriod(calendar, clock);
		}
		catch (DateTimeException | ArithmeticException e) {
			throw new IllegalArgumentException("'" + text + "' is too long a period: " + FORMS);
		}
	}

	public boolean isZero() {
		return calendar.isZero() && clock.isZero();
	}

	/** The instant this period before another, on the calendar of a zone. */
	public Instant before(Instant instant, ZoneId zone) {
		return instant.atZone(zone).minus(calendar).minus(clock).toInstant();
	}

	/** The instant this period after another, on the calendar of a zone. */
	public Instant after(Instant instant, ZoneId zone) {
		return instant.atZone(zone).plus(calendar).plus(clock).toInstant();
	}

	/** Why this cannot be an interval of aggregates; empty if it can. */
	public Optional<String> granularityProblem() {
		if (isCalendarUnit() || dividesDay()) {
			return Optional.empty();
		}
		return Optional.of("'" + this + "' cannot cut time into intervals of aggregates: use " + GRANULARITIES);
	}

	private boolean isCalendarUnit() {
		return clock.isZero() && (calendar.equals(Period.ofDays(1)) || calendar.equals(Period.ofMonths(1))
				|| calendar.equals(Period.ofYears(1)));
	}

	private boolean dividesDay() {
		return calendar.isZero() && clock.compareTo(Duration.ofMinutes(1)) >= 0 && clock.compareTo(DAY) < 0
				&& DAY.toNanos() % clock.toNanos() == 0;
	}

	/**
	 * The interval [start, end) of this granularity that holds an instant, on the city's calendar:
	 * the local hour, day, month or year; a part of a day counts from local midnight (the last
	 * one of a 23- or 25-hour day ends at the next midnight).
	 */
	public Span intervalContaining(Instant instant, ZoneId zone) {
		LocalDate date = LocalDate.ofInstant(instant, zone);
		if (isCalendarUnit()) {
			LocalDate first = calendar.getYears() == 1 ? date.withDayOfYear(1)
					: calendar.getMonths() == 1 ? date.withDayOfMonth(1) : date;
			return new Span(first.atStartOfDay(zone).toInstant(), first.plus(calendar).atStartOfDay(zone).toInstant());
		}
		if (dividesDay()) {
			Instant midnight = date.atStartOfDay(zone).toInstant();
			Instant nextMidnight = date.plusDays(1).atStartOfDay(zone).toInstant();
			long length = clock.toNanos();
			long into = Duration.between(midnight, instant).toNanos();
			Instant start = midnight.plusNanos(Math.floorDiv(into, length) * length);
			Instant end = start.plusNanos(length);
			return new Span(start, end.isAfter(nextMidnight) ? nextMidnight : end);
		}
		// A granularity declared before these rules (e.g. P7D): whole multiples from the epoch, as then.
		long length = Math.max(1, clock.plus(Duration.ofDays(calendar.getDays())).toMillis());
		long start = Math.floorDiv(instant.toEpochMilli(), length) * length;
		return new Span(Instant.ofEpochMilli(start), Instant.ofEpochMilli(start + length));
	}

	/** As ISO 8601 writes it. */
	@Override
	public String toString() {
		if (isZero()) {
			return "PT0S";
		}
		String date = calendar.isZero() ? "P" : calendar.toString();
		return clock.isZero() ? date : date + clock.toString().substring(1);
	}

	/** An interval [start, end) of a granularity. */
	public record Span(Instant start, Instant end) {
	}

}
