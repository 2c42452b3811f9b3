package org.cabildo.sensing.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** TimeValue.format writes whole seconds itself; it must write exactly what ISO_INSTANT writes. */
class TimeValueFormatTest {

	@Test
	void writesWhatIsoInstantWrites() {
		Random random = new Random(42);
		for (int i = 0; i < 200_000; i++) {
			long seconds = switch (i % 4) {
				case 0 -> random.nextLong(-62167219200L - 86_400, 253402300800L + 86_400);
				case 1 -> random.nextLong(0, 4_102_444_800L);
				case 2 -> random.nextLong(-4_000_000_000_000L, 4_000_000_000_000L);
				default -> random.nextLong(-100, 100);
			};
			int nanos = i % 8 == 0 ? random.nextInt(1_000_000_000) : 0;
			Instant instant = Instant.ofEpochSecond(seconds, nanos);
			assertThat(TimeValue.format(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
		}
	}

	@Test
	void edges() {
		for (String text : new String[] { "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z",
				"2024-02-29T12:00:00Z", "1969-12-31T23:59:59Z", "2025-06-01T00:00:00.500Z" }) {
			Instant instant = Instant.parse(text);
			assertThat(TimeValue.format(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
		}
		Instant big = Instant.parse("+10000-01-01T00:00:00Z");
		assertThat(TimeValue.format(big)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(big));
	}

}
