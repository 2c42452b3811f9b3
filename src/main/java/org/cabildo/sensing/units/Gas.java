package org.cabildo.sensing.units;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A gas whose mixing ratio ({@code [ppb]}, {@code [ppm]}) and mass concentration ({@code ug/m3},
 * {@code mg/m3}) can be converted into each other: what it takes is its molar mass. The units
 * library converts dimensions, not substances, so this is the platform's own knowledge, kept to
 * the gases air-quality networks measure.
 *
 * @param formula chemical formula, as networks name the pollutant ({@code O3})
 * @param molarMass grams per mole
 */
public record Gas(String formula, double molarMass) {

	/** The reserved ObservedProperty property that gives a molar mass (g/mol) for any other gas. */
	public static final String MOLAR_MASS_PROPERTY = "cabildo:molarMass";

	public Gas {
		if (!(molarMass > 0) || !Double.isFinite(molarMass)) {
			throw new IllegalArgumentException("a molar mass is a positive number of grams per mole");
		}
	}

	/**
	 * A gas known by its formula, its English name, and its entry in the EEA air-quality pollutant
	 * vocabulary ({@code http://dd.eionet.europa.eu/vocabulary/aq/pollutant/...}) where it has a
	 * well-known one.
	 */
	private record Known(Gas gas, List<String> names, String eeaCode) {
	}

	private static final String EEA = "http://dd.eionet.europa.eu/vocabulary/aq/pollutant/";

	// Molar masses from the IUPAC standard atomic weights, rounded as air-quality guidelines use them.
	private static final List<Known> KNOWN = List.of(
			new Known(new Gas("O3", 48.00), List.of("ozone"), "7"),
			new Known(new Gas("NO2", 46.01), List.of("nitrogen dioxide"), "8"),
			new Known(new Gas("SO2", 64.07), List.of("sulphur dioxide", "sulfur dioxide"), "1"),
			new Known(new Gas("CO", 28.01), List.of("carbon monoxide"), "10"),
			new Known(new Gas("NO", 30.01), List.of("nitrogen monoxide", "nitric oxide"), null),
			new Known(new Gas("NH3", 17.03), List.of("ammonia"), null),
			new Known(new Gas("H2S", 34.08), List.of("hydrogen sulphide", "hydrogen sulfide"), null),
			new Known(new Gas("C6H6", 78.11), List.of("benzene"), null));

	/**
	 * The gas an ObservedProperty observes: its {@value #MOLAR_MASS_PROPERTY} property when it has
	 * one (any gas, said by whoever declares it), else its definition as an EEA pollutant URI, else
	 * its name as a formula or an English name (case aside). Empty for anything else: particulate
	 * matter has no molar mass, and is never converted to a mixing ratio.
	 *
	 * @param molarMass the value of {@value #MOLAR_MASS_PROPERTY}, or null
	 */
	public static Optional<Gas> of(String name, String definition, Double molarMass) {
		if (molarMass != null && molarMass > 0 && Double.isFinite(molarMass)) {
			return Optional.of(new Gas(name == null ? "" : name, molarMass));
		}
		String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
		String uri = definition == null ? "" : definition.strip();
		for (Known known : KNOWN) {
			if (known.eeaCode() != null && (uri.equals(EEA + known.eeaCode()) || uri.equals("https://"
					+ EEA.substring("http://".length()) + known.eeaCode()))) {
				return Optional.of(known.gas());
			}
		}
		for (Known known : KNOWN) {
			if (key.equals(known.gas().formula().toLowerCase(Locale.ROOT)) || known.names().contains(key)) {
				return Optional.of(known.gas());
			}
		}
		return Optional.empty();
	}

	/** The formulas of the gases known without a molar mass property, for documentation and answers. */
	public static List<String> knownFormulas() {
		return KNOWN.stream().map(known -> known.gas().formula()).toList();
	}

}
