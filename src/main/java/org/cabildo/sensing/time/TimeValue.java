package org.cabildo.sensing.time;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ethlo.time.ITU;

/**
 * A SensorThings time value: an instant ({@code end == null}) or an interval
 * {@code start/end}, written in ISO 8601. Times are kept in UTC.
 */
public record TimeValue(Instant start, Instant end) {

	public TimeValue {
		if (end != null && end.isBefore(start)) {
			throw new IllegalArgumentException("the interval ends before it starts");
		}
	}

	public static TimeValue instant(Instant instant) {
		return new TimeValue(instant, null);
	}

	public boolean isInterval() {
		return end != null;
	}

	/**
	 * Reads an instant ({@code 2024-01-01T00:00:00Z}) or an interval ({@code start/end} or
	 * {@code start/duration}). Every time carries its UTC offset ({@code Z}, {@code -06:00}): one
	 * without is refused rather than guessed (taking it as UTC shifted a city's readings by hours).
	 * {@code 24:00} is the end of a day, as ISO 8601 and many networks' hour-ending times write it:
	 * 00:00 of the next day.
	 *
	 * @throws IllegalArgumentException with a message for the client
	 */
	public static TimeValue parse(String text) {
		return parse(text, null);
	}

	/**
	 * Reads a time as {@link #parse(String)} does, but a time without offset as the clocks of a
	 * zone showed it: refused when they skipped it or showed it twice (a change of clocks).
	 *
	 * @param local the zone of times without offset; null to refuse them ({@link TimeWithoutOffset})
	 */
	public static TimeValue parse(String text, ZoneId local) {
		String value = text.trim();
		int slash = value.indexOf('/');
		if (slash < 0) {
			return instant(parseInstant(value, local));
		}
		Instant start = parseInstant(value.substring(0, slash), local);
		String second = value.substring(slash + 1);
		Instant end = second.startsWith("P") ? start.plus(parseDuration(second)) : parseInstant(second, local);
		return new TimeValue(start, end);
	}

	/**
	 * Seconds and something after them (an offset, unless a zone-less time with fractions):
	 * the RFC 3339 shape that nearly every time sent has, parsed several times faster than
	 * java.time's formatters do; anything else, or what it refuses, is read by those.
	 */
	private static boolean isRfc3339Shaped(String text) {
		return text.length() >= 20 && text.charAt(4) == '-' && (text.charAt(10) == 'T' || text.charAt(10) == 't')
				&& text.charAt(16) == ':';
	}

	/** {@code T24:00}, {@code T24:00:00} or {@code T24:00:00.000}: the end of the day it follows. */
	private static final Pattern END_OF_DAY = Pattern.compile("(\\d{4,}-\\d{2}-\\d{2})T24:00(?::00(?:\\.0+)?)?(.*)");

	public static Instant parseInstant(String text) {
		return parseInstant(text, null);
	}

	/** An instant; one without offset read in the zone {@code local}, or refused when that is null. */
	public static Instant parseInstant(String text, ZoneId local) {
		if (isRfc3339Shaped(text)) {
			try {
				return ITU.parseDateTime(text).toInstant();
			}
			catch (DateTimeException e) {
				// 24:00, a leap second or no such date: read below, which says what is wrong
			}
		}
		Matcher endOfDay = END_OF_DAY.matcher(text);
		if (endOfDay.matches()) {
			try {
				LocalDate next = LocalDate.parse(endOfDay.group(1)).plusDays(1);
				return parseInstant(next + "T00:00:00" + endOfDay.group(2), local);
			}
			catch (DateTimeParseException e) {
				throw new IllegalArgumentException("'" + text + "' is not an ISO 8601 time such as 2024-01-01T00:00:00Z");
			}
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException e) {
			LocalDateTime wallClock;
			try {
				wallClock = LocalDateTime.parse(text);
			}
			catch (DateTimeParseException ignored) {
				throw new IllegalArgumentException("'" + text + "' is not an ISO 8601 time such as 2024-01-01T00:00:00Z");
			}
			if (local == null) {
				throw new TimeWithoutOffset(text);
			}
			List<ZoneOffset> offsets = local.getRules().getValidOffsets(wallClock);
			if (offsets.size() == 1) {
				return wallClock.toInstant(offsets.get(0));
			}
			throw new IllegalArgumentException("'" + text + "' is " + (offsets.isEmpty()
					? "a time the clocks of " + local.getId() + " skipped" : "ambiguous in " + local.getId()
							+ ": its clocks showed it twice")
					+ " (a change of clocks): write it with its UTC offset");
		}
	}

	private static Duration parseDuration(String text) {
		try {
			return Duration.parse(text);
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("'" + text + "' is not an ISO 8601 duration such as PT1H");
		}
	}

	/** First second of year 0 and of year 10000: between them, ISO_INSTANT writes 4-digit years. */
	private static final long FAST_FROM = -62167219200L;

	private static final long FAST_UNTIL = 253402300800L;

	/**
	 * As {@link DateTimeFormatter#ISO_INSTANT} writes it. Whole seconds in years 0 to 9999,
	 * nearly every stored time, are written directly: a page of observations writes a
	 * thousand of them, and the formatter took a third of the time that costs.
	 */
	public static String format(Instant instant) {
		long seconds = instant.getEpochSecond();
		if (instant.getNano() != 0 || seconds < FAST_FROM || seconds >= FAST_UNTIL) {
			return DateTimeFormatter.ISO_INSTANT.format(instant);
		}
		long days = Math.floorDiv(seconds, 86_400);
		int secondOfDay = (int) Math.floorMod(seconds, 86_400);
		java.time.LocalDate date = java.time.LocalDate.ofEpochDay(days);
		char[] text = new char[20];
		int year = date.getYear();
		digits(text, 0, year / 100);
		digits(text, 2, year % 100);
		text[4] = '-';
		digits(text, 5, date.getMonthValue());
		text[7] = '-';
		digits(text, 8, date.getDayOfMonth());
		text[10] = 'T';
		digits(text, 11, secondOfDay / 3600);
		text[13] = ':';
		digits(text, 14, secondOfDay / 60 % 60);
		text[16] = ':';
		digits(text, 17, secondOfDay % 60);
		text[19] = 'Z';
		return new String(text);
	}

	private static void digits(char[] text, int at, int twoDigits) {
		text[at] = (char) ('0' + twoDigits / 10);
		text[at + 1] = (char) ('0' + twoDigits % 10);
	}

	@Override
	public String toString() {
		return end == null ? format(start) : format(start) + "/" + format(end);
	}

	public OffsetDateTime startUtc() {
		return start.atOffset(ZoneOffset.UTC);
	}

	public OffsetDateTime endUtc() {
		return end == null ? null : end.atOffset(ZoneOffset.UTC);
	}

}
