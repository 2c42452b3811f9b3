package org.cabildo.indicators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How unequally the districts of a city share an indicator.
 *
 * <p>
 * The inequality index is <b>Theil's T, population-weighted</b>:
 * T = Σ (p_i / P) (x_i / μ) ln(x_i / μ), where p_i is district i's population, P = Σ p_i, x_i its
 * value and μ = Σ p_i x_i / P the population-weighted mean (the city's value). T is 0 when every
 * district has the same value and grows as the value concentrates in a few districts' people,
 * up to ln(P / p_min); it is chosen because it is decomposable — the inequality of the city is
 * the sum of the inequality between groups of districts and the weighted inequality within them,
 * so the same index can be read for the city, for boroughs, or between richer and poorer
 * districts. A district with value 0 adds 0 (the limit of r ln r as r → 0); when μ is 0, every
 * value is 0 and T is 0. Theil, H., Economics and Information Theory, 1967; the population
 * weighting as in Conceição and Ferreira, The Young Person's Guide to the Theil Index, UTIP
 * Working Paper 14, 2000.
 *
 * <p>
 * The Gini coefficient is given beside it, population-weighted:
 * G = Σ_i Σ_j p_i p_j |x_i − x_j| / (2 P² μ), 0 when all are equal, below 1 always (it is
 * computed over districts, not people, so a district's people count as equal).
 */
final class Equity {

	private Equity() {
	}

	static EquityFigures of(List<DistrictValue> districts, EquityDirection direction) {
		List<DistrictValue> valued = new ArrayList<>();
		List<String> withoutValue = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (DistrictValue district : districts) {
			if (!seen.add(district.district())) {
				throw new IllegalArgumentException("district " + district.district() + " is given twice");
			}
			if (district.value() == null) {
				withoutValue.add(district.district());
			}
			else {
				valued.add(district);
			}
		}
		List<EquityExposure> exposures = valued.stream().map(EquityExposure::of).toList();
		double cityExposure = exposures.stream().mapToDouble(EquityExposure::exposure).sum();
		long population = valued.stream().mapToLong(DistrictValue::population).sum();
		if (valued.isEmpty()) {
			return new EquityFigures(null, 0, null, null, null, null, null, null, exposures, cityExposure, withoutValue);
		}
		Comparator<DistrictValue> lowestFirst = Comparator.comparingDouble(DistrictValue::value)
			.thenComparing(DistrictValue::district);
		Comparator<DistrictValue> highestFirst = Comparator.comparingDouble((DistrictValue d) -> -d.value())
			.thenComparing(DistrictValue::district);
		DistrictValue lowest = valued.stream().min(lowestFirst).orElseThrow();
		DistrictValue highest = valued.stream().min(highestFirst).orElseThrow();
		boolean lowerIsBetter = direction == EquityDirection.LOWER_IS_BETTER;
		DistrictValue best = lowerIsBetter ? lowest : highest;
		DistrictValue worst = lowerIsBetter ? highest : lowest;
		Double ratio = highest.value() == 0 ? Double.valueOf(1)
				: lowest.value() == 0 ? null : highest.value() / lowest.value();
		double gap = highest.value() - lowest.value();
		if (population == 0) {
			return new EquityFigures(null, 0, best, worst, ratio, gap, null, null, exposures, cityExposure, withoutValue);
		}
		double mean = cityExposure / population;
		// Equal values are no inequality, exactly (the weighted mean of equal values can round off them).
		boolean equal = gap == 0;
		return new EquityFigures(mean, population, best, worst, ratio, gap, equal ? 0 : theil(valued, population, mean),
				equal ? 0 : gini(valued, population, mean), exposures, cityExposure, withoutValue);
	}

	/** T = Σ (p_i/P)(x_i/μ) ln(x_i/μ), with 0 ln 0 = 0 and T = 0 when μ = 0. */
	static double theil(List<DistrictValue> valued, long population, double mean) {
		if (mean == 0) {
			return 0;
		}
		double sum = 0;
		for (DistrictValue district : valued) {
			double share = (double) district.population() / population;
			double relative = district.value() / mean;
			if (share > 0 && relative > 0) {
				sum += share * relative * Math.log(relative);
			}
		}
		// Rounding can leave -1e-17 where equal values give exactly 0; T is never negative.
		return Math.max(0, sum);
	}

	/**
	 * G = Σ_i Σ_j s_i s_j |x_i − x_j| / (2μ) with s_i = p_i/P, in one pass over the values in
	 * increasing order: each pair is counted once as s_i s_j (x_j − x_i) for x_i ≤ x_j, which is
	 * half the double sum.
	 */
	static double gini(List<DistrictValue> valued, long population, double mean) {
		if (mean == 0) {
			return 0;
		}
		List<DistrictValue> increasing = valued.stream().sorted(Comparator.comparingDouble(DistrictValue::value)).toList();
		double sharesBelow = 0;
		double weightedBelow = 0;
		double halfSum = 0;
		for (DistrictValue district : increasing) {
			double share = (double) district.population() / population;
			halfSum += share * (district.value() * sharesBelow - weightedBelow);
			sharesBelow += share;
			weightedBelow += share * district.value();
		}
		return Math.max(0, halfSum / mean);
	}

}
