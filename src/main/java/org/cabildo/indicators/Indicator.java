package org.cabildo.indicators;

import java.util.List;

/**
 * A named indicator as a resident reads it in the catalogue: what it counts or averages, from
 * which streams, by which method, with which rule of coverage, and where its reference is.
 *
 * @param code its stable name in the API ({@code who-2021-pm25-24h})
 * @param name a title
 * @param kind {@code exceedance-days} (days whose value is above a level), {@code mean} (the
 * mean over the period), {@code peak-season} (WHO's ozone peak season), {@code index-days} (days
 * per category of the city's local air-quality index) or {@code daily-mean} (a mobility count's
 * mean per day, per month and year)
 * @param pollutant the pollutant whose streams it reads; null for one over several pollutants
 * @param unit the unit of its value ({@code days}, {@code µg/m³})
 * @param level the guideline level it holds values against, in µg/m³; null when none
 * @param source which streams (or, for a city-level indicator, which series) it reads
 * @param method how a value is computed, for a station and for a district
 * @param coverage the rule under which no value is given
 * @param reference where the definition or level is published
 * @param standards codes of the same indicator in city-indicator standards, when it is one of theirs
 * @param lowerIsBetter whether a lower value is better (every air indicator)
 * @param scope {@code districts}: a value per district ({@code /api/indicators/{code}/districts}); {@code city}: a
 * value for the city as a whole only ({@code /api/indicators/{code}/city}), when the source has no place finer
 * than the city and no district can be told
 */
public record Indicator(String code, String name, String kind, String pollutant, String unit, Double level,
		String source, String method, String coverage, String reference, List<String> standards,
		boolean lowerIsBetter, String scope) {

	/** A value per district. */
	public static final String DISTRICTS = "districts";

	/** A value for the city as a whole only. */
	public static final String CITY = "city";

	public Indicator {
		standards = List.copyOf(standards);
		if (!DISTRICTS.equals(scope) && !CITY.equals(scope)) {
			throw new IllegalArgumentException(code + ": scope is districts or city, not " + scope);
		}
	}

}
