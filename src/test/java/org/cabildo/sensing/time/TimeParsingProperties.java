package org.cabildo.sensing.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Times of the RFC 3339 shape take a faster parser than the rest: whatever is written, the
 * instant read is the one java.time reads, and what it refuses is refused as before.
 */
class TimeParsingProperties {

	@Property
	void anRfc3339TimeReadsAsJavaTimeReadsIt(
			@ForAll @LongRange(min = -2_208_988_800L, max = 7_258_118_400L) long epochSecond,
			@ForAll @IntRange(min = 0, max = 999_999_999) int nanos, @ForAll @IntRange(min = 0, max = 9) int digits,
			@ForAll @IntRange(min = -12 * 4, max = 14 * 4) int quarterHours, @ForAll boolean zulu,
			@ForAll boolean lowerCase) {
		int fraction = digits == 0 ? 0 : nanos / (int) Math.pow(10, 9 - digits) * (int) Math.pow(10, 9 - digits);
		ZoneOffset offset = zulu ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds(quarterHours * 900);
		OffsetDateTime time = Instant.ofEpochSecond(epochSecond, fraction).atOffset(offset);
		String text = time.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")) + fractionText(fraction, digits)
				+ (zulu ? "Z" : time.getOffset().getId().replace("Z", "+00:00"));
		if (lowerCase) {
			text = text.toLowerCase();
		}

		assertThat(TimeValue.parseInstant(text)).isEqualTo(OffsetDateTime.parse(text).toInstant())
			.isEqualTo(time.toInstant());
	}

	private static String fractionText(int fraction, int digits) {
		return digits == 0 ? "" : "." + String.format("%09d", fraction).substring(0, digits);
	}

	@Example
	void timesOfTheShapeThatTheFastParserRefusesAreReadOrRefusedAsBefore() {
		assertThat(TimeValue.parseInstant("2024-01-31T24:00:00Z")).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
		assertThat(TimeValue.parseInstant("2024-01-31T24:00:00-06:00")).isEqualTo(Instant.parse("2024-02-01T06:00:00Z"));
		assertThat(TimeValue.parseInstant("2024-01-31T13:00-06:00")).isEqualTo(Instant.parse("2024-01-31T19:00:00Z"));
		assertThatThrownBy(() -> TimeValue.parseInstant("2024-02-30T01:00:00Z")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not an ISO 8601 time");
		assertThatThrownBy(() -> TimeValue.parseInstant("2016-12-31T23:59:60Z")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> TimeValue.parseInstant("2024-01-31T13:00:00.123456")).isInstanceOf(TimeWithoutOffset.class);
	}

}
