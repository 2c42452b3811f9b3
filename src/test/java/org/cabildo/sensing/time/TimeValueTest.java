package org.cabildo.sensing.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TimeValueTest {

	@Test
	@DisplayName("24:00 is the end of the day: 00:00 of the next, with its offset, in instants and intervals")
	void endOfDay() {
		assertThat(TimeValue.parseInstant("2024-03-31T24:00:00-06:00")).isEqualTo(Instant.parse("2024-04-01T06:00:00Z"));
		assertThat(TimeValue.parseInstant("2024-12-31T24:00Z")).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
		assertThat(TimeValue.parseInstant("2024-02-28T24:00:00.000+01:00"))
			.isEqualTo(Instant.parse("2024-02-28T23:00:00Z"));
		assertThat(TimeValue.parse("2024-01-01T23:00:00Z/2024-01-01T24:00:00Z"))
			.isEqualTo(new TimeValue(Instant.parse("2024-01-01T23:00:00Z"), Instant.parse("2024-01-02T00:00:00Z")));
	}

	@Test
	@DisplayName("a time without a UTC offset is refused, saying how to write it, never taken as UTC")
	void noOffsetIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> TimeValue.parse("2024-01-01T10:00:00"))
			.withMessageContaining("'2024-01-01T10:00:00' has no UTC offset")
			.withMessageContaining("2024-01-01T10:00:00-06:00");
		assertThatIllegalArgumentException().isThrownBy(() -> TimeValue.parse("2024-01-01T24:00"))
			.withMessageContaining("no UTC offset");
		assertThatIllegalArgumentException().isThrownBy(() -> TimeValue.parse("2024-01-01T00:00:00Z/2024-01-01T10:00"))
			.withMessageContaining("no UTC offset");
		assertThatIllegalArgumentException().isThrownBy(() -> TimeValue.parse("2024-01-01T24:30:00Z"))
			.withMessageContaining("not an ISO 8601 time");
	}

}
