package org.cabildo.indicators;

import java.time.OffsetDateTime;
import java.util.List;

import org.cabildo.indicators.air.Pollutant;
import org.cabildo.sensing.Rollups;
import org.springframework.stereotype.Component;

/** Which year an indicator's table shows when none is asked: the calendar year of its streams' newest value. */
@Component
class IndicatorPeriods {

	private final AirStreams streams;

	private final Rollups rollups;

	IndicatorPeriods(AirStreams streams, Rollups rollups) {
		this.streams = streams;
		this.rollups = rollups;
	}

	/** The year of the newest hour of the indicator's streams; this year when they have none. */
	int newestYear(Indicator indicator) {
		List<Pollutant> pollutants = indicator.pollutant() == null ? List.of(Pollutant.values())
				: Pollutant.named(indicator.pollutant()).stream().toList();
		return pollutants.stream()
			.flatMap(pollutant -> streams.of(pollutant).stream())
			.map(stream -> rollups.newestHour(stream.datastream()))
			.flatMap(java.util.Optional::stream)
			.max(java.util.Comparator.naturalOrder())
			.map(newest -> rollups.city().date(newest).getYear())
			.orElseGet(() -> OffsetDateTime.now(rollups.city().zone()).getYear());
	}

}
