package org.cabildo.indicators;

/**
 * Exposure of a district: its population times the concentration it breathes (person·µg/m³
 * for a concentration in µg/m³), the burden a district carries, which a per-person mean hides:
 * a populous district at a middling value may carry more than a small one at the worst.
 */
record EquityExposure(String district, long population, double value, double exposure) {

	static EquityExposure of(DistrictValue district) {
		return new EquityExposure(district.district(), district.population(), district.value(),
				district.population() * district.value());
	}

}
