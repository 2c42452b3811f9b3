package org.cabildo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SendTimesTest {

	@Test
	void timesAreWrittenWithMicrosecondsAndReadBack() {
		long micros = Instant.parse("2026-11-27T17:30:05.000123Z").toEpochMilli() * 1000 + 123;
		String iso = SendTimes.appendIso(new StringBuilder(), micros).toString();
		assertThat(iso).isEqualTo("2026-11-27T17:30:05.000123Z");
		assertThat(SendTimes.parseMicros(iso)).isEqualTo(micros);
		assertThat(SendTimes.parseMicros("2026-11-27T17:30:05.1Z") % 1_000_000).isEqualTo(100_000);
	}

	@Test
	void eachDatastreamsTimesRiseEvenWhenTheClockDoesNot() {
		SendTimes times = new SendTimes(2);
		long previous = times.next(0);
		for (int i = 0; i < 10_000; i++) {
			long next = times.next(0);
			assertThat(next).isGreaterThan(previous);
			previous = next;
		}
		assertThat(times.next(1)).isLessThanOrEqualTo(SendTimes.nowMicros());
	}

}
