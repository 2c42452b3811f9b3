package org.cabildo.importing;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cabildo.importing.ImportMapping.Convention;

/**
 * Turns the time written in a readings file into the time sent, always with its offset: a time
 * with an offset keeps it; one without is local time in the mapping's zone (refused when the
 * mapping names none, never taken as UTC). With the hour-ending convention, {@code 24:00} is
 * the end of the day (the next day's {@code 00:00}).
 */
final class TimeReading {

	/** {@code 24:00} or {@code 24:00:00} after the date ({@code T} or a space before it). */
	private static final Pattern END_OF_DAY = Pattern.compile("(?<=[T ])24:00(:00(\\.0+)?)?(?![0-9:])");

	private static final DateTimeFormatter ISO = new java.time.format.DateTimeFormatterBuilder().parseCaseInsensitive()
		.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).optionalStart().appendOffsetId().optionalEnd()
		.toFormatter().withResolverStyle(ResolverStyle.STRICT);

	private final DateTimeFormatter format;

	private final ZoneId zone;

	private final Convention convention;

	/**
	 * The times read so far, by what the file wrote, with a refusal's reason as a String: a file
	 * writes each time once for every station and parameter, and parsing is most of what reading
	 * a row costs. Emptied when full, so that it stays bounded whatever the file.
	 */
	private final Map<String, Object> read = new HashMap<>();

	private static final int REMEMBERED = 1 << 15;

	TimeReading(String pattern, String zone, Convention convention) {
		this.format = pattern == null || pattern.equals("iso") ? ISO
				: DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu")).withResolverStyle(ResolverStyle.STRICT);
		this.zone = zone == null ? null : ZoneId.of(zone);
		this.convention = convention;
	}

	/** The time a cell says, with its offset. */
	OffsetDateTime read(String text) throws Refusal {
		Object known = read.get(text);
		if (known == null) {
			try {
				known = parse(text);
			}
			catch (Refusal refusal) {
				known = refusal.getMessage();
			}
			if (read.size() == REMEMBERED) {
				read.clear();
			}
			read.put(text, known);
		}
		if (known instanceof OffsetDateTime time) {
			return time;
		}
		throw new Refusal((String) known);
	}

	private OffsetDateTime parse(String text) throws Refusal {
		String written = text.strip();
		boolean endOfDay = false;
		Matcher matcher = END_OF_DAY.matcher(written);
		if (matcher.find()) {
			if (convention != Convention.HOUR_ENDING) {
				throw new Refusal("time '" + text + "': 24:00 is a time of the hour-ending convention only"
						+ " (the mapping says " + convention.id() + ")");
			}
			written = matcher.replaceFirst(matcher.group().replace("24", "00"));
			endOfDay = true;
		}
		TemporalAccessor parsed;
		try {
			parsed = format.parse(written);
		}
		catch (DateTimeParseException e) {
			throw new Refusal("time '" + text + "' is not of the mapping's time_format: " + e.getMessage());
		}
		LocalDateTime local = LocalDateTime.from(parsed);
		if (endOfDay) {
			local = local.plusDays(1);
		}
		if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
			return OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)));
		}
		if (zone == null) {
			throw new Refusal("time '" + text + "' has no offset and the mapping names no time_zone");
		}
		List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
		if (offsets.isEmpty()) {
			throw new Refusal("time '" + text + "' does not exist in " + zone + " (the clocks skip it)");
		}
		// A time the clocks pass twice: the first of the two, as the readings of the repeated hour
		// come in file order; a file that needs both must write offsets.
		return OffsetDateTime.of(local, offsets.get(0));
	}

	/** A cell the import refuses, with the reason. */
	static final class Refusal extends Exception {

		private static final long serialVersionUID = 1L;

		Refusal(String reason) {
			super(reason, null, false, false);
		}

	}

}
