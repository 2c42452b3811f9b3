package org.cabildo.sensing.units;

/**
 * The conditions at which a gas's mixing ratio and mass concentration are converted: 25 °C and
 * 1 atm (101.325 kPa), where an ideal gas takes 24.45 litres per mole — the conditions the WHO
 * air-quality guidelines convert at (1 ppb of O3 is 1.96 ug/m3, of NO2 1.88 ug/m3). Networks that
 * report at 20 °C or 0 °C differ by 2 % or 9 %: their readings are converted as if at 25 °C.
 */
public final class ReferenceConditions {

	/** Litres per mole at 25 °C and 1 atm. */
	public static final double MOLAR_VOLUME_LITRES = 24.45;

	private ReferenceConditions() {
	}

}
