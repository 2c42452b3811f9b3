package org.cabildo.governance.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class IntervalProperties {

	@Property
	void anInstantLiesInItsIntervalWhichIsAlignedToTheEpoch(
			@ForAll @LongRange(min = -4_000_000_000_000L, max = 8_000_000_000_000L) long epochMilli,
			@ForAll @LongRange(min = 1, max = 40L * 24 * 3600 * 1000) long granularityMillis) {
		Instant instant = Instant.ofEpochMilli(epochMilli);
		Duration granularity = Duration.ofMillis(granularityMillis);

		Interval interval = Interval.containing(instant, granularity);

		assertThat(interval.start()).isBeforeOrEqualTo(instant);
		assertThat(interval.end()).isAfter(instant);
		assertThat(Duration.between(interval.start(), interval.end())).isEqualTo(granularity);
		assertThat(Math.floorMod(interval.start().toEpochMilli(), granularityMillis)).isZero();
		assertThat(Interval.containing(interval.start(), granularity)).isEqualTo(interval);
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
