package org.cabildo.sensing.units;

import java.util.Optional;

import javax.measure.Unit;

import org.cabildo.platform.ApiException;

/**
 * The unit a read asks results in: the {@code unit} query option (a custom option, as OData
 * allows them without {@code $}) or the {@value #HEADER} header, a UCUM symbol.
 *
 * @param symbol as the client wrote it
 * @param unit what the units library reads it as
 */
public record AskedUnit(String symbol, Unit<?> unit) {

	public static final String OPTION = "unit";

	public static final String HEADER = "Cabildo-Unit";

	/** Empty when no unit was asked; 400 when the asked one is not UCUM. */
	public static Optional<AskedUnit> of(Optional<String> asked) {
		if (asked.isEmpty() || asked.get().isBlank()) {
			return Optional.empty();
		}
		String symbol = asked.get().strip();
		Unit<?> unit = UcumUnits.parse(symbol)
			.orElseThrow(() -> ApiException
				.badRequest("the unit '" + symbol + "' is not a UCUM unit (for example ug/m3, [ppb], [ppm], mg/m3, Cel)")
				.with("option", OPTION));
		return Optional.of(new AskedUnit(symbol, unit));
	}

	/** How a stream's results in {@code from} are given in this unit. */
	public UnitChange from(String from, Optional<Gas> gas) {
		return UnitChange.of(from, unit, gas);
	}

}
