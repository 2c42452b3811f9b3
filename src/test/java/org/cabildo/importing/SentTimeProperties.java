package org.cabildo.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The time the import sends is the time it read, to the nanosecond, whatever its offset. */
class SentTimeProperties {

	@Property
	void theTimeSentIsTheInstantRead(@ForAll @LongRange(min = -2_208_988_800L, max = 7_258_118_400L) long epochSecond,
			@ForAll @IntRange(min = 0, max = 999_999_999) int nanos, @ForAll boolean wholeSeconds,
			@ForAll @IntRange(min = -12 * 4, max = 14 * 4) int quarterHours) {
		OffsetDateTime read = Instant.ofEpochSecond(epochSecond, wholeSeconds ? 0 : nanos)
			.atOffset(ZoneOffset.ofTotalSeconds(quarterHours * 900));

		String sent = DataArray.rfc3339(read);

		assertThat(OffsetDateTime.parse(sent).toInstant()).isEqualTo(read.toInstant());
		assertThat(sent.charAt(16)).as("seconds are written: %s", sent).isEqualTo(':');
	}

}
