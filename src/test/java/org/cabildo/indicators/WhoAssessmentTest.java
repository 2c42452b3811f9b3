package org.cabildo.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cabildo.indicators.AirTestHours.concat;
import static org.cabildo.indicators.AirTestHours.from;
import static org.cabildo.indicators.AirTestHours.repeat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A stream's period held against each kind of WHO level. */
class WhoAssessmentTest {

	private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");

	private static final LocalDate START = LocalDate.of(2024, 1, 1);

	@Test
	void aDailyLevelCountsItsExceedanceDaysAndReadsThe99thPercentile() {
		// Five full days at 10, 20, 14, 16, 30 µg/m³ of PM2.5: 20, 16 and 30 are above 15.
		List<HourMean> hours = concat(from(MEXICO, START, repeat(10, 24)), from(MEXICO, START.plusDays(1), repeat(20, 24)),
				from(MEXICO, START.plusDays(2), repeat(14, 24)), from(MEXICO, START.plusDays(3), repeat(16, 24)),
				from(MEXICO, START.plusDays(4), repeat(30, 24)));
		WhoAssessment assessment = WhoAssessment.of(WhoGuidelines.PM2_5_DAY, hours, MEXICO,
				new AirPeriod(START, START.plusDays(5)));
		assertThat(assessment).isInstanceOfSatisfying(WhoAssessment.ShortTerm.class, shortTerm -> {
			assertThat(shortTerm.exceedances()).isEqualTo(new AirExceedances(3, 5, 5));
			// rank ⌈0.99 × 5⌉ = 5: the highest, 30
			assertThat(shortTerm.percentile99()).isEqualTo(30);
			assertThat(shortTerm.meetsGuideline()).isFalse();
			assertThat(shortTerm.days()).hasSize(5);
		});
	}

	@Test
	void anAnnualLevelReadsThePeriodsMeanAndSaysSoWhenItCannot() {
		AirPeriod twoDays = new AirPeriod(START, START.plusDays(2));
		// 36 of 48 hours at 8 µg/m³ of NO2: exactly 75 %, mean 8, below 10.
		WhoAssessment met = WhoAssessment.of(WhoGuidelines.NO2_YEAR, from(MEXICO, START, repeat(8, 36)), MEXICO, twoDays);
		assertThat(met).isInstanceOfSatisfying(WhoAssessment.LongTerm.class, longTerm -> {
			assertThat(longTerm.value()).isEqualTo(8);
			assertThat(longTerm.meetsGuideline()).isTrue();
			assertThat(longTerm.hours()).isEqualTo(new AirCoverage(AirCoverage.Counted.HOURS, 36, 48));
			assertThat(longTerm.peakSeason()).isNull();
		});
		WhoAssessment unknown = WhoAssessment.of(WhoGuidelines.NO2_YEAR, from(MEXICO, START, repeat(8, 35)), MEXICO,
				twoDays);
		assertThat(((WhoAssessment.LongTerm) unknown).value()).isNull();
		assertThat(((WhoAssessment.LongTerm) unknown).meetsGuideline()).isNull();
	}

	@Test
	void ozonesEightHourLevelUsesTheDailyMaximum() {
		// One day, evening before included, at 90 with 8 hours at 110: one exceedance day.
		double[] day = repeat(90, 24);
		for (int h = 10; h < 18; h++) {
			day[h] = 110;
		}
		List<HourMean> hours = concat(from(START.atStartOfDay(MEXICO).toInstant().minusSeconds(7 * 3600), repeat(90, 7)),
				from(MEXICO, START, day));
		WhoAssessment.ShortTerm assessment = (WhoAssessment.ShortTerm) WhoAssessment.of(WhoGuidelines.O3_EIGHT_HOURS, hours,
				MEXICO, AirPeriod.day(START));
		assertThat(assessment.percentile99()).isEqualTo(110);
		assertThat(assessment.exceedances().exceedanceDays()).isEqualTo(1);
	}

}
