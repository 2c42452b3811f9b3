package org.cabildo.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.cabildo.indicators.AirTestHours.concat;
import static org.cabildo.indicators.AirTestHours.from;
import static org.cabildo.indicators.AirTestHours.repeat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Daily values, with every expected number worked out from the definitions by hand: the
 * 75 % rule against the real hours of the local day, the hour that ends at local midnight, days
 * of 23 and 25 hours, 8-hour means across midnight.
 */
class AirDaysTest {

	private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");

	private static final ZoneId FIXED_MINUS_SIX = ZoneOffset.ofHours(-6);

	private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

	private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	private static final LocalDate DAY = LocalDate.of(2024, 3, 10);

	@Nested
	class Means {

		@Test
		void eighteenHoursOfTwentyFourMakeAValidDaySeventeenDoNot() {
			// 1, 2, ..., 18: mean 9.5
			double[] eighteen = IntStream.rangeClosed(1, 18).asDoubleStream().toArray();
			AirDay valid = AirDays.means(from(MEXICO, DAY, eighteen), MEXICO, AirPeriod.day(DAY)).getFirst();
			assertThat(valid.value()).isEqualTo(9.5);
			assertThat(valid.coverage()).isEqualTo(new AirCoverage(AirCoverage.Counted.HOURS, 18, 24));
			assertThat(valid.hours()).isEqualTo(18);

			double[] seventeen = IntStream.rangeClosed(1, 17).asDoubleStream().toArray();
			AirDay invalid = AirDays.means(from(MEXICO, DAY, seventeen), MEXICO, AirPeriod.day(DAY)).getFirst();
			assertThat(invalid.value()).isNull();
			assertThat(invalid.isValid()).isFalse();
			assertThat(invalid.coverage().counted()).isEqualTo(17);
			assertThat(invalid.coverage().required()).isEqualTo(18);
		}

		@Test
		void theHourFromElevenToMidnightIsTheDaysLastAndMidnightTheNextDaysFirst() {
			// Fixed −06:00, the demo city's offset: 23:00 local is 05:00 UTC of the next day.
			Instant elevenPm = Instant.parse("2024-03-11T05:00:00Z");
			List<HourMean> hours = List.of(new HourMean(elevenPm, 7), new HourMean(elevenPm.plusSeconds(3600), 9));
			List<AirDay> days = AirDays.means(hours, FIXED_MINUS_SIX, new AirPeriod(DAY, DAY.plusDays(2)));
			assertThat(days).extracting(AirDay::date).containsExactly(DAY, DAY.plusDays(1));
			assertThat(days).extracting(day -> day.coverage().counted()).containsExactly(1, 1);
		}

		@Test
		void anHourThatCrossesLocalMidnightBelongsToTheDayItStartsIn() {
			// India is UTC+05:30: the clock hour 18:00–19:00 UTC is 23:30–00:30 local.
			ZoneId kolkata = ZoneId.of("Asia/Kolkata");
			LocalDate day = LocalDate.of(2024, 1, 1);
			List<HourMean> hours = List.of(new HourMean(Instant.parse("2024-01-01T18:00:00Z"), 5));
			List<AirDay> days = AirDays.means(hours, kolkata, new AirPeriod(day, day.plusDays(2)));
			assertThat(days).extracting(d -> d.coverage().counted()).containsExactly(1, 0);
			assertThat(days).extracting(d -> d.coverage().possible()).containsExactly(24, 24);
		}

		@Test
		void aDayOf23HoursIsCountedAgainst23() {
			// São Paulo, 4 November 2018: clocks went from 00:00 to 01:00, the day had 23 hours.
			LocalDate day = LocalDate.of(2018, 11, 4);
			assertThat(AirPeriod.day(day).hoursIn(SAO_PAULO)).isEqualTo(23);
			assertThat(AirPeriod.day(day).startIn(SAO_PAULO)).isEqualTo(Instant.parse("2018-11-04T03:00:00Z"));
			// 17.25 rounded up: 18 of 23
			AirDay seventeen = AirDays.means(from(SAO_PAULO, day, repeat(4, 17)), SAO_PAULO, AirPeriod.day(day)).getFirst();
			assertThat(seventeen.value()).isNull();
			assertThat(seventeen.coverage()).isEqualTo(new AirCoverage(AirCoverage.Counted.HOURS, 17, 23));
			AirDay eighteen = AirDays.means(from(SAO_PAULO, day, repeat(4, 18)), SAO_PAULO, AirPeriod.day(day)).getFirst();
			assertThat(eighteen.value()).isEqualTo(4);
			// All 23 hours, and none of the next day's first hour.
			List<HourMean> all = from(SAO_PAULO, day, repeat(4, 24));
			AirDay full = AirDays.means(all, SAO_PAULO, AirPeriod.day(day)).getFirst();
			assertThat(full.coverage().counted()).isEqualTo(23);
			assertThat(full.coverage().share()).isEqualTo(1.0);
		}

		@Test
		void aDayOf25HoursNeeds19() {
			// São Paulo, 16 February 2019: midnight of the 17th went back to 23:00, the day had 25 hours.
			LocalDate day = LocalDate.of(2019, 2, 16);
			assertThat(AirPeriod.day(day).hoursIn(SAO_PAULO)).isEqualTo(25);
			// 18.75 rounded up: 19 of 25; 18 would have made a day of 24.
			AirDay eighteen = AirDays.means(from(SAO_PAULO, day, repeat(4, 18)), SAO_PAULO, AirPeriod.day(day)).getFirst();
			assertThat(eighteen.value()).isNull();
			assertThat(eighteen.coverage().required()).isEqualTo(19);
			AirDay nineteen = AirDays.means(from(SAO_PAULO, day, repeat(4, 19)), SAO_PAULO, AirPeriod.day(day)).getFirst();
			assertThat(nineteen.value()).isEqualTo(4);
		}

		@Test
		void madridsDaysOfChangeHave23And25Hours() {
			assertThat(AirPeriod.day(LocalDate.of(2024, 3, 31)).hoursIn(MADRID)).isEqualTo(23);
			assertThat(AirPeriod.day(LocalDate.of(2024, 10, 27)).hoursIn(MADRID)).isEqualTo(25);
			assertThat(AirPeriod.day(LocalDate.of(2024, 10, 28)).hoursIn(MADRID)).isEqualTo(24);
		}

		@Test
		void aDayWithoutDataIsListedWithoutValue() {
			List<AirDay> days = AirDays.means(List.of(), MEXICO, new AirPeriod(DAY, DAY.plusDays(3)));
			assertThat(days).hasSize(3).allSatisfy(day -> {
				assertThat(day.value()).isNull();
				assertThat(day.coverage().counted()).isZero();
			});
		}

		@Test
		void twoMeansForOneHourAreRefused() {
			List<HourMean> twice = concat(from(MEXICO, DAY, 1), from(MEXICO, DAY, 2));
			assertThatIllegalArgumentException().isThrownBy(() -> AirDays.means(twice, MEXICO, AirPeriod.day(DAY)));
		}

		@Test
		void theMaximumIsTheHighestHour() {
			double[] values = repeat(3, 20);
			values[13] = 41;
			assertThat(AirDays.maxima(from(MEXICO, DAY, values), MEXICO, AirPeriod.day(DAY)).getFirst().value())
				.isEqualTo(41);
		}

	}

	@Nested
	class EightHourMeans {

		@Test
		void aDaysMaximumIsItsHighestEightHourMean() {
			// 7 hours of the evening before (17:00–24:00), then 24 hours of 10 with 12:00–20:00 at 50.
			double[] day = repeat(10, 24);
			for (int h = 12; h < 20; h++) {
				day[h] = 50;
			}
			List<HourMean> hours = concat(from(DAY.atStartOfDay(MEXICO).toInstant().minusSeconds(7 * 3600), repeat(10, 7)),
					from(MEXICO, DAY, day));
			AirDay result = AirDays.maximumEightHourMeans(hours, MEXICO, AirPeriod.day(DAY)).getFirst();
			assertThat(result.value()).isEqualTo(50);
			assertThat(result.coverage()).isEqualTo(new AirCoverage(AirCoverage.Counted.EIGHT_HOUR_MEANS, 24, 24));
			assertThat(result.hours()).isEqualTo(31);
		}

		@Test
		void aMeanEndingAfterMidnightBelongsToTheDayItEndsIn() {
			// Day before: 00:00–17:00 at 10, 17:00–24:00 at 80; the day: 00:00–01:00 at 80, the rest 10.
			LocalDate before = DAY.minusDays(1);
			double[] first = repeat(10, 24);
			for (int h = 17; h < 24; h++) {
				first[h] = 80;
			}
			double[] second = repeat(10, 24);
			second[0] = 80;
			List<HourMean> hours = concat(from(MEXICO, before, first), from(MEXICO, DAY, second));
			List<AirDay> days = AirDays.maximumEightHourMeans(hours, MEXICO, new AirPeriod(before, DAY.plusDays(1)));
			// The mean from 17:00 to 01:00 is 80 and ends on the day: the day's maximum.
			assertThat(days.get(1).value()).isEqualTo(80);
			// The day before's last mean, 16:00–24:00: (10 + 7 × 80) / 8 = 71.25, its highest.
			assertThat(days.get(0).value()).isEqualTo(71.25);
			// Its first five means (ending 01:00 to 05:00) reach into a day without data and have
			// fewer than 6 hours: 19 of 24 valid.
			assertThat(days.get(0).coverage().counted()).isEqualTo(19);
		}

		@Test
		void anEightHourMeanNeedsSixOfItsHours() {
			// Only 00:00–06:00, at 30: the means ending 06:00, 07:00 and 08:00 hold all 6 hours; the one
			// ending 05:00 holds 5, the one ending 09:00 holds 5.
			List<AirDay> days = AirDays.maximumEightHourMeans(from(MEXICO, DAY, repeat(30, 6)), MEXICO,
					AirPeriod.day(DAY));
			assertThat(days.getFirst().coverage().counted()).isEqualTo(3);
			assertThat(days.getFirst().value()).isNull();
		}

		@Test
		void aDayNeeds18ValidMeansOf24() {
			// Hours from 17:00 the day before to k hours into the day: the means ending 01:00 ... (k+2):00
			// have at least 6 hours, so k = 16 gives 18 valid means, k = 15 gives 17.
			Instant eveningBefore = DAY.atStartOfDay(MEXICO).toInstant().minusSeconds(7 * 3600);
			AirDay sixteen = AirDays.maximumEightHourMeans(from(eveningBefore, repeat(20, 7 + 16)), MEXICO,
					AirPeriod.day(DAY)).getFirst();
			assertThat(sixteen.coverage().counted()).isEqualTo(18);
			assertThat(sixteen.value()).isEqualTo(20);
			AirDay fifteen = AirDays.maximumEightHourMeans(from(eveningBefore, repeat(20, 7 + 15)), MEXICO,
					AirPeriod.day(DAY)).getFirst();
			assertThat(fifteen.coverage().counted()).isEqualTo(17);
			assertThat(fifteen.value()).isNull();
		}

		@Test
		void aDayOf25HoursHas25MeansAndNeeds19() {
			LocalDate day = LocalDate.of(2024, 10, 27);
			Instant eveningBefore = day.atStartOfDay(MADRID).toInstant().minusSeconds(7 * 3600);
			AirDay seventeen = AirDays.maximumEightHourMeans(from(eveningBefore, repeat(20, 7 + 17)), MADRID,
					AirPeriod.day(day)).getFirst();
			assertThat(seventeen.coverage()).isEqualTo(new AirCoverage(AirCoverage.Counted.EIGHT_HOUR_MEANS, 19, 25));
			assertThat(seventeen.value()).isEqualTo(20);
			AirDay sixteen = AirDays.maximumEightHourMeans(from(eveningBefore, repeat(20, 7 + 16)), MADRID,
					AirPeriod.day(day)).getFirst();
			assertThat(sixteen.coverage().counted()).isEqualTo(18);
			assertThat(sixteen.value()).isNull();
		}

		@Test
		void aDayOf23HoursHas23Means() {
			LocalDate day = LocalDate.of(2024, 3, 31);
			Instant eveningBefore = day.atStartOfDay(MADRID).toInstant().minusSeconds(7 * 3600);
			AirDay full = AirDays.maximumEightHourMeans(from(eveningBefore, repeat(20, 7 + 23)), MADRID,
					AirPeriod.day(day)).getFirst();
			assertThat(full.coverage()).isEqualTo(new AirCoverage(AirCoverage.Counted.EIGHT_HOUR_MEANS, 23, 23));
			assertThat(full.hours()).isEqualTo(30);
		}

	}

	@Nested
	class Counts {

		private final List<AirDay> days = days(10.0, 20.0, null, 30.0, 15.0);

		@Test
		void anExceedanceIsAValidDayAboveTheLevel() {
			// 20 and 30 are above 15; 15 is not; the day without value is not counted.
			assertThat(AirDays.exceedances(days, 15)).isEqualTo(new AirExceedances(2, 4, 5));
			assertThat(AirDays.exceedances(days, 15).coverage().share()).isEqualTo(0.8);
		}

		@Test
		void percentilesAreNearestRank() {
			List<AirDay> five = days(5.0, 1.0, 4.0, 2.0, 3.0);
			// ranks ⌈0.5 × 5⌉ = 3, ⌈0.99 × 5⌉ = 5, 0 → the first, ⌈1.0 × 5⌉ = 5
			assertThat(AirDays.percentile(five, 50).getAsDouble()).isEqualTo(3);
			assertThat(AirDays.percentile(five, 99).getAsDouble()).isEqualTo(5);
			assertThat(AirDays.percentile(five, 0).getAsDouble()).isEqualTo(1);
			assertThat(AirDays.percentile(five, 100).getAsDouble()).isEqualTo(5);
			assertThat(AirDays.percentile(days(null, null), 99)).isEmpty();
			assertThatIllegalArgumentException().isThrownBy(() -> AirDays.percentile(five, 101));
		}

		@Test
		void theNinetyNinthPercentileOfAYearLeavesThreeDaysAbove() {
			// values 1 ... 365: rank ⌈0.99 × 365⌉ = ⌈361.35⌉ = 362
			Double[] year = IntStream.rangeClosed(1, 365).mapToObj(i -> (double) i).toArray(Double[]::new);
			assertThat(AirDays.percentile(days(year), 99).getAsDouble()).isEqualTo(362);
		}

		@Test
		void daysPerCategoryKeepTheIndexsOrderAndItsEmptyCategories() {
			List<AirDay> some = days(5.0, 15.0, 25.0, null, 10.0, 99.0);
			AirCategoryDays counted = AirDays.perCategory(some, List.of("buena", "aceptable", "mala", "muy-mala"),
					value -> value > 50 ? null : value <= 10 ? "buena" : value <= 20 ? "aceptable" : "mala");
			assertThat(counted.counts()).containsExactly(new AirCategoryDays.Count("buena", 2),
					new AirCategoryDays.Count("aceptable", 1), new AirCategoryDays.Count("mala", 1),
					new AirCategoryDays.Count("muy-mala", 0));
			assertThat(counted.unclassifiedDays()).isEqualTo(1);
			assertThat(counted.invalidDays()).isEqualTo(1);
		}

		@Test
		void aCategoryTheIndexDoesNotHaveIsRefused() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> AirDays.perCategory(days(1.0), List.of("buena"), value -> "good"));
		}

		private static List<AirDay> days(Double... values) {
			List<AirDay> days = new ArrayList<>();
			for (int i = 0; i < values.length; i++) {
				int counted = values[i] == null ? 0 : 24;
				days.add(new AirDay(DAY.plusDays(i), values[i], new AirCoverage(AirCoverage.Counted.HOURS, counted, 24),
						counted));
			}
			return days;
		}

	}

	@Test
	void theDemoCitysZoneIsFixedAtMinusSixSince2022() {
		// Mexico City dropped daylight saving in October 2022: its zone and −06:00 give the same days.
		double[] values = IntStream.range(0, 24 * 3).asDoubleStream().toArray();
		List<HourMean> hours = from(FIXED_MINUS_SIX, DAY, values);
		AirPeriod period = new AirPeriod(DAY, DAY.plusDays(3));
		assertThat(AirDays.means(hours, MEXICO, period)).isEqualTo(AirDays.means(hours, FIXED_MINUS_SIX, period));
		// day 2: hours 24 ... 47, mean 35.5
		assertThat(AirDays.means(hours, MEXICO, period).get(1).value()).isCloseTo(35.5, within(1e-12));
	}

}
