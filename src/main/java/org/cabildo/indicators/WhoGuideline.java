package org.cabildo.indicators;

import java.util.Objects;
import java.util.OptionalDouble;

import org.cabildo.indicators.air.Averaging;
import org.cabildo.indicators.air.Concentration;
import org.cabildo.indicators.air.Guideline;
import org.cabildo.indicators.air.Pollutant;
import org.cabildo.indicators.air.Unit;

/**
 * One recommended air quality guideline (AQG) level of the WHO 2021 guidelines as an indicator
 * names it: the level itself is the one the portal shows beside every value
 * ({@link org.cabildo.indicators.air.Guidelines#WHO_2021}), so there is one table of levels.
 *
 * @param code the indicator's stable name ({@code who-2021-pm25-24h})
 * @param guideline the pollutant, averaging time and level (a mass concentration)
 * @param reference where the level is published, in words a resident can follow
 */
record WhoGuideline(String code, Guideline guideline, String reference) {

	WhoGuideline {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(guideline, "guideline");
		Objects.requireNonNull(reference, "reference");
		if (!guideline.value().unit().isMass() || guideline.value().value().signum() <= 0) {
			throw new IllegalArgumentException(code + ": a guideline level is a positive mass concentration");
		}
	}

	Pollutant pollutant() {
		return guideline.pollutant();
	}

	/** Over what time, and so by which statistic a year is held against it. */
	Averaging averaging() {
		return guideline.averaging();
	}

	/** A short-term level (24 hours, the daily maximum 8-hour mean) is held against days; the others against a period. */
	boolean isShortTerm() {
		return averaging() == Averaging.DAY || averaging() == Averaging.EIGHT_HOURS;
	}

	/** The level in µg/m³. */
	double level() {
		return guideline.value().in(Unit.MICROGRAMS_PER_CUBIC_METRE, pollutant()).orElseThrow().value().doubleValue();
	}

	String unit() {
		return Unit.MICROGRAMS_PER_CUBIC_METRE.symbol();
	}

	/**
	 * The level as a mixing ratio (ppb) at 25 °C and 1 atm, for streams that report gases in ppb
	 * (the demo city's do): 25 µg/m³ of NO2 is about 13.3 ppb. Empty for particles.
	 */
	OptionalDouble levelInPpb() {
		return guideline.value()
			.in(Unit.PPB, pollutant())
			.map(Concentration::value)
			.map(value -> OptionalDouble.of(value.doubleValue()))
			.orElse(OptionalDouble.empty());
	}

}
