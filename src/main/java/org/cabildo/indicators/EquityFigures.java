package org.cabildo.indicators;

import java.util.List;

/**
 * An indicator across the city's districts: the city's value and how unequally its districts
 * share it. Every figure is null when no district has a value (or, for the weighted ones, when
 * the districts with one have no inhabitants).
 *
 * @param cityValue the population-weighted mean Σ p_i x_i / Σ p_i: what the average inhabitant
 * has
 * @param population inhabitants of the districts with a value
 * @param best the district at the better end (see {@link EquityDirection}); on a tie, the first
 * by code
 * @param worst the district at the worse end
 * @param ratio the worse value over the better one (higher over lower, so at least 1); null when
 * the lower is zero and the higher is not
 * @param gap the worse value minus the better one, in absolute terms (in the indicator's unit)
 * @param theil the inequality index: Theil's T, population-weighted (see {@link Equity})
 * @param gini the population-weighted Gini coefficient, for those who read that one
 * @param exposures population × value per district with a value, in the order given
 * @param cityExposure their sum
 * @param withoutValue the districts left out, having no value
 */
record EquityFigures(Double cityValue, long population, DistrictValue best, DistrictValue worst, Double ratio,
		Double gap, Double theil, Double gini, List<EquityExposure> exposures, double cityExposure,
		List<String> withoutValue) {

	EquityFigures {
		exposures = List.copyOf(exposures);
		withoutValue = List.copyOf(withoutValue);
	}

}
