package org.cabildo.indicators.air;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The units air-quality values come in: mixing ratios (ppb, ppm) and mass concentrations
 * (µg/m³, mg/m³). A Datastream's unit symbol is recognised in UCUM ({@code [ppb]}, {@code ug/m3})
 * and in the usual plain forms ({@code ppb}, {@code µg/m³}).
 */
public enum Unit {

	PPB("ppb", false, 0, "[ppb]", "ppb"),

	PPM("ppm", false, 3, "[ppm]", "ppm"),

	MICROGRAMS_PER_CUBIC_METRE("µg/m³", true, 0, "ug/m3", "µg/m3", "µg/m³", "ug/m³", "μg/m3", "μg/m³"),

	MILLIGRAMS_PER_CUBIC_METRE("mg/m³", true, 3, "mg/m3", "mg/m³");

	private final String symbol;

	private final boolean mass;

	private final int decimalsAboveBase;

	private final List<String> symbols;

	/**
	 * @param decimalsAboveBase powers of ten above the smallest unit of its kind (ppm is a
	 * thousand ppb: 3; mg/m³ a thousand µg/m³: 3)
	 */
	Unit(String symbol, boolean mass, int decimalsAboveBase, String... symbols) {
		this.symbol = symbol;
		this.mass = mass;
		this.decimalsAboveBase = decimalsAboveBase;
		this.symbols = List.of(symbols);
	}

	/** How a page writes it: ppb, ppm, µg/m³, mg/m³. */
	public String symbol() {
		return symbol;
	}

	/** A mass per volume (µg/m³, mg/m³) rather than a mixing ratio (ppb, ppm). */
	public boolean isMass() {
		return mass;
	}

	/** Decimal places to move to write a value of this unit in the smallest unit of its kind (ppm → ppb: 3). */
	int scaleToBase() {
		return decimalsAboveBase;
	}

	/**
	 * A Datastream's unit symbol as a page writes it: one of these in its written form
	 * ({@code ug/m3} is µg/m³, {@code [ppb]} ppb), any other as it is (degC).
	 */
	public static String written(String symbol) {
		return of(symbol).map(Unit::symbol).orElse(symbol);
	}

	/** The unit of a Datastream's unit symbol; empty when it is none of these (degC). */
	public static Optional<Unit> of(String symbol) {
		if (symbol == null) {
			return Optional.empty();
		}
		String wanted = symbol.strip();
		return Arrays.stream(values()).filter(unit -> unit.symbols.contains(wanted)).findFirst();
	}

}
