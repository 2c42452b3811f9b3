package org.cabildo.indicators.air;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An index's band table for one pollutant on one averaging time, in the unit the table is
 * written in: contiguous bands from zero upwards, the last without end.
 */
public record Scale(Pollutant pollutant, Averaging averaging, Unit unit, List<Band> bands) {

	public Scale {
		Objects.requireNonNull(pollutant, "pollutant");
		Objects.requireNonNull(averaging, "averaging");
		Objects.requireNonNull(unit, "unit");
		bands = List.copyOf(bands);
		if (bands.isEmpty() || bands.getFirst().above() != null || bands.getLast().upTo() != null) {
			throw new IllegalArgumentException(pollutant + ": the bands must start at zero and end without limit");
		}
		for (int i = 1; i < bands.size(); i++) {
			Band before = bands.get(i - 1);
			Band band = bands.get(i);
			if (before.upTo() == null || before.upTo().compareTo(band.above()) != 0
					|| before.category().level() >= band.category().level()) {
				throw new IllegalArgumentException(pollutant + ": band " + i + " does not follow band " + (i - 1));
			}
		}
	}

	/** The band of a value, converted to this table's unit; empty when it cannot be (ppb of particles). */
	public Optional<Band> band(Concentration value) {
		return value.in(unit, pollutant)
			.flatMap(converted -> bands.stream().filter(band -> band.contains(converted.value())).findFirst());
	}

}
