package org.cabildo.indicators;

import java.util.List;
import java.util.Optional;

import org.cabildo.indicators.air.Pollutant;
import org.cabildo.indicators.air.Unit;

import java.time.Instant;
import java.util.Objects;

/**
 * The mean of one stream over one clock hour, as the hourly rollups give it: the computations
 * of indicators start here, never from raw observations. A stream's hours come as a list, one
 * entry per hour that has data; an hour without data is absent (not zero, not NaN), so that
 * coverage can count it as missing.
 *
 * @param start the instant the hour starts (an hour belongs to the local day, month or year
 * that contains its start)
 * @param mean the mean of the observations in that hour, in the unit the guideline needs
 */
record HourMean(Instant start, double mean) {

	HourMean {
		Objects.requireNonNull(start, "start");
		if (!Double.isFinite(mean)) {
			throw new IllegalArgumentException("an hour's mean is a finite number: " + mean + " at " + start);
		}
	}

	/**
	 * A stream's hours in µg/m³, from the unit it measures in (ppb of a gas at 25 °C and 1 atm, as
	 * WHO converts); empty when they cannot be (particles in ppb, a unit that is no concentration).
	 */
	static Optional<List<HourMean>> inMicrograms(List<HourMean> hours, Pollutant pollutant, Unit unit) {
		return microgramsPer(unit, pollutant).map(
				by -> hours.stream().map(hour -> new HourMean(hour.start(), hour.mean() * by)).toList());
	}

	/** How many µg/m³ one of this unit is for this pollutant; empty when it cannot be said (particles in ppb). */
	static Optional<Double> microgramsPer(Unit unit, Pollutant pollutant) {
		return AirStreams.microgramsPer(unit, pollutant);
	}

}
