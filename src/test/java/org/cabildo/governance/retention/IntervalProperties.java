package org.cabildo.governance.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.cabildo.governance.RetentionPeriod;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class IntervalProperties {

	@Property
	void anInstantLiesInItsIntervalWhichIsAlignedToTheCitysCalendar(
			@ForAll @LongRange(min = -4_000_000_000_000L, max = 8_000_000_000_000L) long epochMilli,
			@ForAll("granularities") String granularityText, @ForAll("zones") String zoneName) {
		Instant instant = Instant.ofEpochMilli(epochMilli);
		RetentionPeriod granularity = RetentionPeriod.parse(granularityText);
		ZoneId zone = ZoneId.of(zoneName);

		Interval interval = Interval.containing(instant, granularity, zone);

		assertThat(interval.start()).isBeforeOrEqualTo(instant);
		assertThat(interval.end()).isAfter(instant);
		assertThat(Interval.containing(interval.start(), granularity, zone)).isEqualTo(interval);
		// The next interval starts where this one ends: intervals tile the time line.
		assertThat(Interval.containing(interval.end(), granularity, zone).start()).isEqualTo(interval.end());
		// A day, month or year starts at a local midnight (or the first local time of a day that skips it).
		if (granularity.clock().isZero()) {
			LocalDate day = LocalDate.ofInstant(interval.start(), zone);
			assertThat(interval.start()).isEqualTo(day.atStartOfDay(zone).toInstant());
		}
		else {
			assertThat(Duration.between(interval.start(), interval.end())).isLessThanOrEqualTo(granularity.clock());
		}
	}

	@Provide
	Arbitrary<String> granularities() {
		return Arbitraries.of("PT1M", "PT15M", "PT1H", "PT6H", "P1D", "P1M", "P1Y");
	}

	@Provide
	Arbitrary<String> zones() {
		return Arbitraries.of("UTC", "America/Mexico_City", "America/Sao_Paulo", "Europe/Lisbon", "Asia/Kathmandu");
	}

	@Property
	void mergingAggregatesOfTwoPartsEqualsTheAggregateOfTheWhole(
			@ForAll java.util.List<@net.jqwik.api.constraints.DoubleRange(min = -1e6, max = 1e6) Double> first,
			@ForAll java.util.List<@net.jqwik.api.constraints.DoubleRange(min = -1e6, max = 1e6) Double> second) {
		Interval interval = new Interval(Instant.EPOCH, Instant.EPOCH.plusSeconds(3600));
		java.util.List<Double> all = new java.util.ArrayList<>(first);
		all.addAll(second);

		Aggregate merged = Aggregate.of(interval, first).plus(Aggregate.of(interval, second));
		Aggregate whole = Aggregate.of(interval, all);

		assertThat(merged.count()).isEqualTo(whole.count());
		assertThat(merged.numericCount()).isEqualTo(whole.numericCount());
		assertThat(merged.min()).isEqualTo(whole.min());
		assertThat(merged.max()).isEqualTo(whole.max());
		if (whole.mean() == null) {
			assertThat(merged.mean()).isNull();
		}
		else {
			assertThat(merged.mean()).isCloseTo(whole.mean(), org.assertj.core.data.Offset.offset(1e-6));
		}
	}

}
