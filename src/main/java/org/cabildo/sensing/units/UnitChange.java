package org.cabildo.sensing.units;

import java.util.Optional;

import javax.measure.Unit;

import tech.units.indriya.AbstractUnit;

/**
 * Whether and how a stream's results in one unit are given in another: by the units library
 * when both are of one dimension, and for a gas also between its mixing ratio and its mass
 * concentration at the {@link ReferenceConditions} (the library does the units on each side, the
 * molar mass and molar volume make the bridge).
 */
public sealed interface UnitChange {

	/** The results can be given in the asked unit. */
	record Possible(Conversion conversion) implements UnitChange {
	}

	/** They cannot, and why, in words for the client. */
	record Impossible(String reason) implements UnitChange {
	}

	/** Grams per litre: the mass side of the bridge (1 mol/mol of a gas is M / 24.45 g/L). */
	Unit<?> GRAMS_PER_LITRE = UcumUnits.parse("g/L").orElseThrow();

	/**
	 * @param from the stream's unit symbol
	 * @param to the asked unit, already known to be UCUM
	 * @param gas what the stream observes, when it is a known gas
	 */
	static UnitChange of(String from, Unit<?> to, Optional<Gas> gas) {
		Optional<Unit<?>> source = UcumUnits.parse(from);
		if (source.isEmpty()) {
			return new Impossible(from == null ? "it has no unit symbol"
					: "its unit symbol '" + from + "' is not a UCUM unit");
		}
		Optional<Conversion> direct = UcumUnits.between(source.get(), to);
		if (direct.isPresent()) {
			return new Possible(direct.get());
		}
		boolean ratioToMass = isMixingRatio(source.get()) && isMassConcentration(to);
		boolean massToRatio = isMassConcentration(source.get()) && isMixingRatio(to);
		if (!ratioToMass && !massToRatio) {
			return new Impossible("its unit '" + from + "' and the asked unit are not of one dimension");
		}
		if (gas.isEmpty()) {
			return new Impossible("between a mixing ratio and a mass concentration only a gas of known molar "
					+ "mass converts, and its ObservedProperty is none of " + Gas.knownFormulas()
					+ " and has no '" + Gas.MOLAR_MASS_PROPERTY + "' property");
		}
		double gramsPerLitrePerRatio = gas.get().molarMass() / ReferenceConditions.MOLAR_VOLUME_LITRES;
		Optional<Conversion> change = ratioToMass
				? UcumUnits.between(source.get(), AbstractUnit.ONE)
					.map(toRatio -> toRatio.then(new Conversion(gramsPerLitrePerRatio, 0)))
					.flatMap(toMass -> UcumUnits.between(GRAMS_PER_LITRE, to).map(toMass::then))
				: UcumUnits.between(source.get(), GRAMS_PER_LITRE)
					.map(toMass -> toMass.then(new Conversion(1 / gramsPerLitrePerRatio, 0)))
					.flatMap(toRatio -> UcumUnits.between(AbstractUnit.ONE, to).map(toRatio::then));
		return change.<UnitChange>map(Possible::new)
			.orElseGet(() -> new Impossible("its unit '" + from + "' is not a straight multiple of the asked unit"));
	}

	private static boolean isMixingRatio(Unit<?> unit) {
		return unit.isCompatible(AbstractUnit.ONE);
	}

	private static boolean isMassConcentration(Unit<?> unit) {
		return unit.isCompatible(GRAMS_PER_LITRE);
	}

}
