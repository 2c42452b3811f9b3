package org.cabildo.indicators;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The pollutants the WHO 2021 guidelines give levels for that the indicators compute, with the
 * molar mass that turns a gas's mixing ratio (ppb) into the mass concentration (µg/m³) the
 * guidelines are written in.
 *
 * <p>
 * The conversion is µg/m³ = ppb × M / 24.45, 24.45 L/mol being the molar volume of an ideal gas
 * at 25 °C and 1 atm, the reference conditions of the WHO guidelines: 1 ppb of NO2 is 1.88 µg/m³
 * and 1 ppb of O3 1.96 µg/m³ (46.01 / 24.45 and 48.00 / 24.45, rounded). The sensing module
 * has the same knowledge ({@code org.cabildo.sensing.units.Gas} and {@code ReferenceConditions})
 * but in an internal package of its module, which this module may not use; the molar masses
 * and molar volume here are the same numbers, so both convert alike.
 */
enum AirPollutant {

	PM2_5("PM2.5", Double.NaN),

	PM10("PM10", Double.NaN),

	NO2("NO2", 46.01),

	O3("O3", 48.00);

	/** Litres per mole of an ideal gas at 25 °C and 101.325 kPa. */
	static final double MOLAR_VOLUME_LITRES = 24.45;

	private final String symbol;

	private final double molarMass;

	AirPollutant(String symbol, double molarMass) {
		this.symbol = symbol;
		this.molarMass = molarMass;
	}

	/** As networks and the guidelines write it: PM2.5, PM10, NO2, O3. */
	String symbol() {
		return symbol;
	}

	/** µg/m³ per ppb at 25 °C and 1 atm; empty for particles, which are only ever weighed. */
	OptionalDouble microgramsPerPpb() {
		return Double.isNaN(molarMass) ? OptionalDouble.empty() : OptionalDouble.of(molarMass / MOLAR_VOLUME_LITRES);
	}

	/** A mixing ratio in ppb as µg/m³. */
	double microgramsPerCubicMetre(double ppb) {
		return ppb * factor();
	}

	/** A mass concentration in µg/m³ as ppb. */
	double ppb(double microgramsPerCubicMetre) {
		return microgramsPerCubicMetre / factor();
	}

	/** A stream's hour means in ppb as hour means in µg/m³, the unit the guideline levels are in. */
	List<HourMean> inMicrograms(List<HourMean> ppbHours) {
		double factor = factor();
		return ppbHours.stream().map(hour -> new HourMean(hour.start(), hour.mean() * factor)).toList();
	}

	private double factor() {
		return microgramsPerPpb()
			.orElseThrow(() -> new IllegalArgumentException(symbol + " is particulate matter: it has no mixing ratio"));
	}

}
