package org.cabildo.indicators.air;

import java.util.Objects;

/** A guideline value for a pollutant on an averaging time (the WHO's 15 µg/m³ of PM2.5 over 24 hours). */
public record Guideline(Pollutant pollutant, Averaging averaging, Concentration value) {

	public Guideline {
		Objects.requireNonNull(pollutant, "pollutant");
		Objects.requireNonNull(averaging, "averaging");
		Objects.requireNonNull(value, "value");
	}

}
