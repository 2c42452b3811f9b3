package org.cabildo.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.cabildo.support.MovableClock;
import org.junit.jupiter.api.Test;

/** The answers kept for anyone: made once for all readers, again once they are older than the setting. */
class PublicIndicatorsTest {

	private static final LocalDate FROM = LocalDate.of(2024, 1, 1);

	private static final LocalDate TO = LocalDate.of(2025, 1, 1);

	@Test
	void madeOnceForEveryoneThenAgainWhenOld() {
		AirIndicators air = mock(AirIndicators.class);
		DistrictTable first = table(1);
		DistrictTable second = table(2);
		when(air.table(any(), eq("who-2021-pm25-24h"), eq(FROM), eq(TO))).thenReturn(first, second);
		MovableClock clock = new MovableClock();
		PublicIndicators everyone = new PublicIndicators(air, mock(MeasuredAndWatched.class), clock,
				new IndicatorsSettings(1, Duration.ofMinutes(10), Duration.ofSeconds(60)));

		assertThat(everyone.table("who-2021-pm25-24h", FROM, TO)).isSameAs(first);
		clock.advance(Duration.ofSeconds(59));
		assertThat(everyone.table("who-2021-pm25-24h", FROM, TO)).isSameAs(first);
		verify(air, times(1)).table(any(), eq("who-2021-pm25-24h"), eq(FROM), eq(TO));

		clock.advance(Duration.ofSeconds(2));
		assertThat(everyone.table("who-2021-pm25-24h", FROM, TO)).isSameAs(second);
		verify(air, times(2)).table(any(), eq("who-2021-pm25-24h"), eq(FROM), eq(TO));
		everyone.stop();
	}

	private static DistrictTable table(int streams) {
		return new DistrictTable(null, FROM, TO, "UTC", List.of(), null, streams, 0, 0);
	}

}
