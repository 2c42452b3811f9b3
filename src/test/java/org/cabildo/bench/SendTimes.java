package org.cabildo.bench;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The phenomenonTime of each observation the ingest benchmark sends: the moment it is sent,
 * in epoch microseconds, one microsecond past the datastream's previous one when the clock has
 * not moved on. So every observation of a datastream has its own time (the server refuses the
 * same time and result again as a duplicate), each datastream's observations are in time
 * order (the server's fast path), and whoever receives one can tell how long ago it was sent.
 */
final class SendTimes {

	private final AtomicLongArray latest;

	/** @param datastreams how many datastreams, by index from 0 */
	SendTimes(int datastreams) {
		this.latest = new AtomicLongArray(datastreams);
	}

	/** The next time of the datastream with this index, in epoch microseconds. */
	long next(int datastream) {
		long now = nowMicros();
		while (true) {
			long previous = latest.get(datastream);
			long next = Math.max(now, previous + 1);
			if (latest.compareAndSet(datastream, previous, next)) {
				return next;
			}
		}
	}

	static long nowMicros() {
		java.time.Instant now = java.time.Instant.now();
		return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
	}

	/** Appends a time as ISO 8601 in UTC with six fraction digits: {@code 2026-11-27T17:30:05.000123Z}. */
	static StringBuilder appendIso(StringBuilder text, long micros) {
		long second = Math.floorDiv(micros, 1_000_000);
		int fraction = (int) Math.floorMod(micros, 1_000_000);
		LocalDateTime time = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
		text.append(time.getYear()).append('-');
		two(text, time.getMonthValue()).append('-');
		two(text, time.getDayOfMonth()).append('T');
		two(text, time.getHour()).append(':');
		two(text, time.getMinute()).append(':');
		two(text, time.getSecond()).append('.');
		String digits = Integer.toString(fraction);
		text.append("000000", 0, 6 - digits.length()).append(digits);
		return text.append('Z');
	}

	private static StringBuilder two(StringBuilder text, int value) {
		return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
	}

	/** Reads back a time the server wrote (ISO 8601, any number of fraction digits), in epoch microseconds. */
	static long parseMicros(String iso) {
		java.time.Instant instant = java.time.Instant.parse(iso);
		return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
	}

}
