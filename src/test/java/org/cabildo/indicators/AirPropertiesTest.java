package org.cabildo.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the daily and period values over random streams, in zones with and without
 * changes of clocks, around their days of change.
 */
class AirPropertiesTest {

	/** A stream: some of the hours of a few days, in a zone. */
	record Stream(ZoneId zone, AirPeriod period, List<HourMean> hours, long seed) {
	}

	@Property
	void theOrderOfTheHoursDoesNotMatter(@ForAll("streams") Stream stream) {
		List<HourMean> shuffled = new ArrayList<>(stream.hours());
		Collections.shuffle(shuffled, new Random(stream.seed()));
		assertThat(AirDays.means(shuffled, stream.zone(), stream.period()))
			.isEqualTo(AirDays.means(stream.hours(), stream.zone(), stream.period()));
		assertThat(AirDays.maximumEightHourMeans(shuffled, stream.zone(), stream.period()))
			.isEqualTo(AirDays.maximumEightHourMeans(stream.hours(), stream.zone(), stream.period()));
		assertThat(AirMean.of(shuffled, stream.zone(), stream.period()))
			.isEqualTo(AirMean.of(stream.hours(), stream.zone(), stream.period()));
	}

	@Property
	void aDaysMeanLiesBetweenItsHoursAndIsThereExactlyWhenThreeQuartersOfItsHoursAre(
			@ForAll("streams") Stream stream) {
		for (AirDay day : AirDays.means(stream.hours(), stream.zone(), stream.period())) {
			AirPeriod one = AirPeriod.day(day.date());
			List<Double> own = stream.hours()
				.stream()
				.filter(hour -> !hour.start().isBefore(one.startIn(stream.zone()))
						&& hour.start().isBefore(one.endIn(stream.zone())))
				.map(HourMean::mean)
				.toList();
			assertThat(day.coverage().counted()).isEqualTo(own.size());
			assertThat(day.coverage().possible()).isBetween(23, 25);
			assertThat(day.isValid()).isEqualTo(4 * own.size() >= 3 * day.coverage().possible());
			if (day.isValid()) {
				assertThat(day.value()).isBetween(Collections.min(own) - 1e-9, Collections.max(own) + 1e-9);
			}
		}
	}

	@Property
	void theDaysShareTheHoursOfThePeriod(@ForAll("streams") Stream stream) {
		List<AirDay> days = AirDays.means(stream.hours(), stream.zone(), stream.period());
		AirMean mean = AirMean.of(stream.hours(), stream.zone(), stream.period());
		assertThat(days.stream().mapToInt(day -> day.coverage().possible()).sum())
			.isEqualTo(mean.coverage().possible());
		assertThat(days.stream().mapToInt(day -> day.coverage().counted()).sum()).isEqualTo(mean.coverage().counted());
	}

	@Property
	void aDaysMaximumEightHourMeanIsAtMostItsHighestHourAndHasOneMeanPerHour(@ForAll("streams") Stream stream) {
		double highest = stream.hours().stream().mapToDouble(HourMean::mean).max().orElse(0);
		for (AirDay day : AirDays.maximumEightHourMeans(stream.hours(), stream.zone(), stream.period())) {
			assertThat(day.coverage().possible()).isEqualTo(AirPeriod.day(day.date()).hoursIn(stream.zone()));
			if (day.isValid()) {
				assertThat(day.value()).isLessThanOrEqualTo(highest + 1e-9);
			}
		}
	}

	@Property
	void theExceedancesOfALevelFallAsTheLevelRises(@ForAll("streams") Stream stream) {
		List<AirDay> days = AirDays.means(stream.hours(), stream.zone(), stream.period());
		int previous = Integer.MAX_VALUE;
		for (double level = 0; level <= 200; level += 25) {
			int above = AirDays.exceedances(days, level).exceedanceDays();
			assertThat(above).isLessThanOrEqualTo(previous);
			previous = above;
		}
	}

	@Provide
	Arbitrary<Stream> streams() {
		Arbitrary<ZoneId> zones = Arbitraries.of("America/Mexico_City", "America/Sao_Paulo", "Europe/Madrid",
				"Asia/Kolkata", "UTC", "-06:00").map(ZoneId::of);
		// Around São Paulo's and Madrid's changes of clocks, and ordinary days.
		Arbitrary<LocalDate> starts = Arbitraries.of(LocalDate.of(2018, 11, 3), LocalDate.of(2019, 2, 15),
				LocalDate.of(2024, 3, 30), LocalDate.of(2024, 10, 26), LocalDate.of(2024, 6, 1));
		Arbitrary<Integer> days = Arbitraries.integers().between(1, 3);
		Arbitrary<Double> presence = Arbitraries.doubles().between(0.5, 1.0);
		Arbitrary<Long> seeds = Arbitraries.longs();
		return Combinators.combine(zones, starts, days, presence, seeds).as((zone, start, count, share, seed) -> {
			AirPeriod period = new AirPeriod(start, start.plusDays(count));
			Random random = new Random(seed);
			List<HourMean> hours = new ArrayList<>();
			// From 8 hours before the period (its first 8-hour means reach back) to its end.
			for (Instant hour = period.startIn(zone).minusSeconds(8 * 3600); hour.isBefore(period.endIn(zone)); hour = hour
				.plusSeconds(3600)) {
				if (random.nextDouble() < share) {
					hours.add(new HourMean(hour, Math.round(random.nextDouble() * 2000) / 10.0));
				}
			}
			return new Stream(zone, period, hours, seed);
		});
	}

}
