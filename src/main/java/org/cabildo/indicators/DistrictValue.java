package org.cabildo.indicators;

import java.util.Objects;

/**
 * An indicator's value in one district, with the people it concerns.
 *
 * @param district the district's code ({@code 09015})
 * @param population its inhabitants, the weight of its value in the city's
 * @param value null when the district has no value (no monitor, coverage below the rule): it is
 * left out of the figures and listed as such
 */
record DistrictValue(String district, long population, Double value) {

	DistrictValue {
		Objects.requireNonNull(district, "district");
		if (population < 0) {
			throw new IllegalArgumentException(district + ": a population is not negative");
		}
		if (value != null && !(Double.isFinite(value) && value >= 0)) {
			throw new IllegalArgumentException(district + ": an indicator's value for equity is a finite number"
					+ " not below zero (a concentration, a rate), not " + value);
		}
	}

}
