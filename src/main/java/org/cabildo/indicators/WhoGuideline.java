package org.cabildo.indicators;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One recommended air quality guideline (AQG) level of the WHO 2021 guidelines: a level of a
 * pollutant on an averaging time, as the catalogue of indicators names and cites it.
 *
 * @param code the indicator's stable name ({@code who-2021-pm25-24h})
 * @param pollutant what it limits
 * @param averaging over what time, and so by which statistic a year is held against it
 * @param level the AQG level, in {@link #unit}
 * @param unit always µg/m³: WHO gives every level of these four pollutants as a mass concentration
 * @param reference where the level is published, in words a resident can follow
 */
record WhoGuideline(String code, AirPollutant pollutant, WhoAveraging averaging, double level, String unit,
		String reference) {

	WhoGuideline {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(pollutant, "pollutant");
		Objects.requireNonNull(averaging, "averaging");
		Objects.requireNonNull(unit, "unit");
		Objects.requireNonNull(reference, "reference");
		if (!(level > 0)) {
			throw new IllegalArgumentException(code + ": a guideline level is positive");
		}
	}

	/**
	 * The level as a mixing ratio (ppb) at 25 °C and 1 atm, for streams that report gases in ppb
	 * (the demo city's do): 25 µg/m³ of NO2 is about 13.3 ppb. Empty for particles.
	 */
	OptionalDouble levelInPpb() {
		return pollutant.microgramsPerPpb().isPresent() ? OptionalDouble.of(pollutant.ppb(level)) : OptionalDouble.empty();
	}

}
