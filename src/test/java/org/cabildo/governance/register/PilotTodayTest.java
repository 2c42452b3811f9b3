package org.cabildo.governance.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.DeclarationDraft;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.CityTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A pilot's end date is held to the city's today ({@code cabildo.city.time-zone}), the day on which
 * collection stops too, not to the UTC date: at 03:00 UTC on 1 March it is still 28 February in
 * Mexico City, and at 20:00 UTC on 28 February it is already 1 March in Tokyo.
 */
class PilotTodayTest {

	private static final Map<String, Object> SQUARE = Map.of("type", "Polygon", "coordinates", List.of(List.of(
			List.of(-99.14, 19.42), List.of(-99.12, 19.42), List.of(-99.12, 19.44), List.of(-99.14, 19.44),
			List.of(-99.14, 19.42))));

	private static final LocalDate FIRST_OF_MARCH = LocalDate.parse("2026-03-01");

	@Test
	@DisplayName("the city's today is its calendar date, whatever the UTC date")
	void todayIsTheCitysDate() {
		Clock earlyUtcMorning = Clock.fixed(Instant.parse("2026-03-01T03:00:00Z"), ZoneOffset.UTC);

		assertThat(CityTime.of("America/Mexico_City").today(earlyUtcMorning)).isEqualTo("2026-02-28");
		assertThat(CityTime.UTC.today(earlyUtcMorning)).isEqualTo(FIRST_OF_MARCH);
	}

	@Test
	@DisplayName("in Mexico City, on 28 February local (1 March UTC), a pilot may end on 1 March: it is still to come")
	void aPilotEndingTomorrowInTheCityIsTaken() throws IOException {
		DeclarationRules rules = new DeclarationRules(new Vocabulary(),
				Clock.fixed(Instant.parse("2026-03-01T03:00:00Z"), ZoneOffset.UTC), CityTime.of("America/Mexico_City"));

		assertThatCode(() -> rules.check(pilotEndingOn(FIRST_OF_MARCH))).doesNotThrowAnyException();
	}

	@Test
	@DisplayName("in Tokyo, on 1 March local (28 February UTC), a pilot may not end on 1 March: that is today")
	void aPilotEndingTodayInTheCityIsRefused() throws IOException {
		DeclarationRules rules = new DeclarationRules(new Vocabulary(),
				Clock.fixed(Instant.parse("2026-02-28T20:00:00Z"), ZoneOffset.UTC), CityTime.of("Asia/Tokyo"));

		assertThatThrownBy(() -> rules.check(pilotEndingOn(FIRST_OF_MARCH))).isInstanceOf(ApiException.class)
			.hasMessageContaining("/pilot/endsOn")
			.hasMessageContaining("an end date after today");
	}

	private static DeclarationDraft pilotEndingOn(LocalDate endsOn) {
		return new DeclarationDraft("pilots@example.org", List.of("mobility"), List.of("air_quality"),
				List.of("values_time"), List.of("raw_data"), List.of("available_to_download"), List.of("stored_locally"),
				new Declaration.Retention(null, Declaration.Retention.NOTHING, null), "none", null, null, "open",
				List.of(), "pilot", new Declaration.Pilot(SQUARE, endsOn), null, "A pilot of the test city.");
	}

}
