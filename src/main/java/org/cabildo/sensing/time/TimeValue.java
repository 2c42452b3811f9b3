package org.cabildo.sensing.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

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
	 * {@code start/duration}). A time without offset is read as UTC.
	 *
	 * @throws IllegalArgumentException with a message for the client
	 */
	public static TimeValue parse(String text) {
		String value = text.trim();
		int slash = value.indexOf('/');
		if (slash < 0) {
			return instant(parseInstant(value));
		}
		Instant start = parseInstant(value.substring(0, slash));
		String second = value.substring(slash + 1);
		Instant end = second.startsWith("P") ? start.plus(parseDuration(second)) : parseInstant(second);
		return new TimeValue(start, end);
	}

	public static Instant parseInstant(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException e) {
			try {
				return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException ignored) {
				throw new IllegalArgumentException("'" + text + "' is not an ISO 8601 time such as 2024-01-01T00:00:00Z");
			}
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

	public static String format(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant);
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
