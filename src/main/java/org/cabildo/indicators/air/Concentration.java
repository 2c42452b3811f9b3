package org.cabildo.indicators.air;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import java.util.Optional;

/**
 * An amount of a pollutant in air, in a unit. Kept as a decimal so that a value written in the
 * unit of a band table (51 ppb is 0.051 ppm) is compared with the table's limits exactly.
 */
public record Concentration(BigDecimal value, Unit unit) {

	/**
	 * Litres occupied by a mole of an ideal gas at 25 °C (298.15 K) and 1 atm (101.325 kPa): the
	 * convention of the WHO guidelines and of most networks for converting between ppb and µg/m³
	 * (µg/m³ = ppb × molar mass / 24.45).
	 */
	public static final BigDecimal MOLAR_VOLUME_25C_1ATM = new BigDecimal("24.45");

	public Concentration {
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(unit, "unit");
	}

	public static Concentration of(String value, Unit unit) {
		return new Concentration(new BigDecimal(value), unit);
	}

	/**
	 * The same amount of this pollutant in another unit: ppb and ppm (and µg/m³ and mg/m³) by a
	 * power of ten, exactly; a mixing ratio and a mass concentration through the pollutant's
	 * molar mass at 25 °C and 1 atm ({@link #MOLAR_VOLUME_25C_1ATM}). Empty when the pollutant
	 * has no molar mass (particles are not measured in ppb).
	 */
	public Optional<Concentration> in(Unit target, Pollutant pollutant) {
		if (target == unit) {
			return Optional.of(this);
		}
		// the smallest unit of its kind: ppb or µg/m³
		BigDecimal base = value.movePointRight(unit.scaleToBase());
		if (unit.isMass() != target.isMass()) {
			if (pollutant.molarMass().isEmpty()) {
				return Optional.empty();
			}
			BigDecimal molarMass = pollutant.molarMass().get();
			base = unit.isMass() ? base.multiply(MOLAR_VOLUME_25C_1ATM).divide(molarMass, MathContext.DECIMAL64)
					: base.multiply(molarMass).divide(MOLAR_VOLUME_25C_1ATM, MathContext.DECIMAL64);
		}
		return Optional.of(new Concentration(base.movePointLeft(target.scaleToBase()), target));
	}

}
