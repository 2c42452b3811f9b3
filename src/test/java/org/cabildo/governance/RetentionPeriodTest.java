package org.cabildo.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RetentionPeriodTest {

	private static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");

	private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

	@Test
	@DisplayName("ISO 8601 periods in full; negative, empty and unit-less ones are refused saying what is taken")
	void parses() {
		assertThat(RetentionPeriod.parse("P2Y").toString()).isEqualTo("P2Y");
		assertThat(RetentionPeriod.parse("P1Y6M").toString()).isEqualTo("P1Y6M");
		assertThat(RetentionPeriod.parse("P18M").toString()).isEqualTo("P18M");
		assertThat(RetentionPeriod.parse("PT12H").toString()).isEqualTo("PT12H");
		assertThat(RetentionPeriod.parse("P1DT12H").toString()).isEqualTo("P1DT12H");
		assertThat(RetentionPeriod.parse("P2W").toString()).isEqualTo("P14D");
		for (String wrong : new String[] { "P", "PT", "-P1D", "P-1D", "2 years", "P1H", "P1.5Y" }) {
			assertThatIllegalArgumentException().as(wrong).isThrownBy(() -> RetentionPeriod.parse(wrong))
				.withMessageContaining("P18M");
		}
	}

	@Test
	@DisplayName("a retention counts back on the city's calendar: a month before 31 March is 29 February (2024)")
	void cutoffOnTheCalendar() {
		Instant now = ZonedDateTime.parse("2024-03-31T12:00:00-06:00[America/Mexico_City]").toInstant();
		assertThat(RetentionPeriod.parse("P1M").before(now, MEXICO_CITY))
			.isEqualTo(Instant.parse("2024-02-29T18:00:00Z"));
		assertThat(RetentionPeriod.parse("P2Y").before(now, MEXICO_CITY)).isEqualTo(Instant.parse("2022-03-31T18:00:00Z"));
		// Across Lisbon's change of clocks on 31 March 2024, a day back is 23 hours, 24 hours back is not a day.
		Instant lisbonNoon = Instant.parse("2024-03-31T11:00:00Z");
		assertThat(RetentionPeriod.parse("P1D").before(lisbonNoon, LISBON)).isEqualTo(Instant.parse("2024-03-30T12:00:00Z"));
		assertThat(RetentionPeriod.parse("PT24H").before(lisbonNoon, LISBON))
			.isEqualTo(Instant.parse("2024-03-30T11:00:00Z"));
	}

	@Test
	@DisplayName("intervals are Mexico City's local days and months (UTC-6 in 2024), and Lisbon's 23-hour day")
	void localIntervals() {
		assertThat(RetentionPeriod.parse("P1D").intervalContaining(Instant.parse("2024-03-10T05:30:00Z"), MEXICO_CITY))
			.isEqualTo(new RetentionPeriod.Span(Instant.parse("2024-03-09T06:00:00Z"), Instant.parse("2024-03-10T06:00:00Z")));
		assertThat(RetentionPeriod.parse("P1M").intervalContaining(Instant.parse("2024-03-01T03:00:00Z"), MEXICO_CITY))
			.isEqualTo(new RetentionPeriod.Span(Instant.parse("2024-02-01T06:00:00Z"), Instant.parse("2024-03-01T06:00:00Z")));
		assertThat(RetentionPeriod.parse("P1Y").intervalContaining(Instant.parse("2024-01-01T05:00:00Z"), MEXICO_CITY))
			.isEqualTo(new RetentionPeriod.Span(Instant.parse("2023-01-01T06:00:00Z"), Instant.parse("2024-01-01T06:00:00Z")));
		assertThat(RetentionPeriod.parse("P1D").intervalContaining(Instant.parse("2024-03-31T12:00:00Z"), LISBON))
			.isEqualTo(new RetentionPeriod.Span(Instant.parse("2024-03-31T00:00:00Z"), Instant.parse("2024-03-30T23:00:00Z")
				.plusSeconds(24 * 3600)));
		// Hours count from local midnight: 01:00 local in Lisbon after the change is 00:00 UTC.
		assertThat(RetentionPeriod.parse("PT1H").intervalContaining(Instant.parse("2024-03-31T01:30:00Z"), LISBON))
			.isEqualTo(new RetentionPeriod.Span(Instant.parse("2024-03-31T01:00:00Z"), Instant.parse("2024-03-31T02:00:00Z")));
	}

	@Test
	@DisplayName("granularities: an hour, day, month or year of the calendar, or a part of a day that divides it")
	void granularities() {
		for (String taken : new String[] { "PT1H", "P1D", "P1M", "P1Y", "PT15M", "PT6H", "PT1M" }) {
			assertThat(RetentionPeriod.parse(taken).granularityProblem()).as(taken).isEmpty();
		}
		for (String refused : new String[] { "P7D", "PT7H", "P2M", "PT30S", "PT24H" }) {
			assertThat(RetentionPeriod.parse(refused).granularityProblem()).as(refused).hasValueSatisfying(
					problem -> assertThat(problem).contains("P1M", "P1D", "PT1H"));
		}
	}

}
