package org.cabildo.indicators.air;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An air pollutant that the air-quality indices and guidelines speak of, with the molar mass
 * (g/mol) that converts its mixing ratio (ppb, ppm) into a mass concentration (µg/m³); particles
 * have none and are only ever measured by mass.
 */
public enum Pollutant {

	PM2_5("PM2.5", null, "PM2.5", "PM25", "PM2_5"),

	PM10("PM10", null, "PM10"),

	O3("O3", "48.00", "O3", "OZONE"),

	NO2("NO2", "46.01", "NO2", "NITROGEN DIOXIDE"),

	SO2("SO2", "64.07", "SO2", "SULPHUR DIOXIDE", "SULFUR DIOXIDE"),

	CO("CO", "28.01", "CO", "CARBON MONOXIDE");

	private final String symbol;

	private final BigDecimal molarMass;

	private final String[] names;

	Pollutant(String symbol, String molarMass, String... names) {
		this.symbol = symbol;
		this.molarMass = molarMass == null ? null : new BigDecimal(molarMass);
		this.names = names;
	}

	/** As chemists and monitoring networks write it: PM2.5, O3, NO2 ... */
	public String symbol() {
		return symbol;
	}

	/** Grams per mole; empty for particles. */
	public Optional<BigDecimal> molarMass() {
		return Optional.ofNullable(molarMass);
	}

	/**
	 * The pollutant an ObservedProperty's name stands for ({@code O3}, {@code PM2.5}, {@code PM25},
	 * {@code Ozone}, in any case); empty for anything else (a temperature is no pollutant).
	 */
	public static Optional<Pollutant> named(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String wanted = name.strip().toUpperCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter(pollutant -> Arrays.asList(pollutant.names).contains(wanted))
			.findFirst();
	}

}
