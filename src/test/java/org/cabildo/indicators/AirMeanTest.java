package org.cabildo.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cabildo.indicators.AirTestHours.concat;
import static org.cabildo.indicators.AirTestHours.from;
import static org.cabildo.indicators.AirTestHours.repeat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Period means: the 75 % rule against the period's real hours, and nothing outside the period. */
class AirMeanTest {

	private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");

	private static final AirPeriod FEBRUARY_2024 = AirPeriod.month(YearMonth.of(2024, 2));

	@Test
	void aPeriodIsValidWith75PercentOfItsHours() {
		// February 2024: 29 days × 24 = 696 hours; 75 % is 522.
		assertThat(FEBRUARY_2024.hoursIn(MEXICO)).isEqualTo(696);
		double[] alternating = new double[522];
		for (int i = 0; i < alternating.length; i++) {
			alternating[i] = i % 2 == 0 ? 10 : 20;
		}
		AirMean valid = AirMean.of(from(MEXICO, FEBRUARY_2024.start(), alternating), MEXICO, FEBRUARY_2024);
		assertThat(valid.value()).isEqualTo(15);
		assertThat(valid.coverage()).isEqualTo(new AirCoverage(AirCoverage.Counted.HOURS, 522, 696));
		assertThat(valid.coverage().share()).isEqualTo(0.75);

		AirMean invalid = AirMean.of(from(MEXICO, FEBRUARY_2024.start(), repeat(10, 521)), MEXICO, FEBRUARY_2024);
		assertThat(invalid.value()).isNull();
		assertThat(invalid.coverage().counted()).isEqualTo(521);
	}

	@Test
	void hoursOutsideThePeriodDoNotCount() {
		List<HourMean> hours = concat(from(MEXICO, LocalDate.of(2024, 1, 31), repeat(1000, 24)),
				from(MEXICO, FEBRUARY_2024.start(), repeat(8, 696)), from(MEXICO, LocalDate.of(2024, 3, 1), repeat(1000, 24)));
		AirMean mean = AirMean.of(hours, MEXICO, FEBRUARY_2024);
		assertThat(mean.value()).isEqualTo(8);
		assertThat(mean.coverage().counted()).isEqualTo(696);
	}

	@Test
	void aYearHasTheHoursOfItsZone() {
		assertThat(AirPeriod.year(2024).hoursIn(MEXICO)).isEqualTo(366 * 24);
		// Madrid loses an hour in March and gets it back in October.
		assertThat(AirPeriod.year(2024).hoursIn(ZoneId.of("Europe/Madrid"))).isEqualTo(366 * 24);
		assertThat(AirPeriod.month(YearMonth.of(2024, 3)).hoursIn(ZoneId.of("Europe/Madrid"))).isEqualTo(31 * 24 - 1);
		assertThat(AirPeriod.month(YearMonth.of(2024, 10)).hoursIn(ZoneId.of("Europe/Madrid"))).isEqualTo(31 * 24 + 1);
		// São Paulo 2018 gave an hour back in February and lost one in November.
		assertThat(AirPeriod.year(2018).hoursIn(ZoneId.of("America/Sao_Paulo"))).isEqualTo(365 * 24);
		assertThat(AirPeriod.month(YearMonth.of(2018, 11)).hoursIn(ZoneId.of("America/Sao_Paulo"))).isEqualTo(30 * 24 - 1);
	}

}
