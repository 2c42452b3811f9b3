package org.cabildo.indicators;

import org.cabildo.indicators.air.Averaging;
import org.cabildo.indicators.air.Guidelines;
import org.cabildo.indicators.air.Pollutant;

import java.util.List;
import java.util.Optional;

/**
 * The WHO 2021 air quality guideline levels that the indicators hold the city's air against.
 *
 * <p>
 * Source: World Health Organization, WHO global air quality guidelines: particulate matter (PM2.5
 * and PM10), ozone, nitrogen dioxide, sulfur dioxide and carbon monoxide, Geneva, 2021, ISBN
 * 9789240034228, executive summary, Table 0.1 (recommended AQG levels). Its notes: (a) a
 * short-term (24-hour, 8-hour) level is the 99th percentile of the annual distribution of daily
 * values, i.e. 3–4 exceedance days per year; (b) the ozone peak season is the average of the
 * daily maximum 8-hour mean O3 concentration in the six consecutive months with the highest
 * six-month running-average O3 concentration. Checked against the table as reproduced by AirClim
 * (airclim.org/who-air-quality-guidelines) and the KAPSARC data portal's copy of it, which agree.
 * SO2 (24 h, 40 µg/m³) and CO (24 h, 4 mg/m³) have levels too but no indicator yet.
 */
final class WhoGuidelines {

	static final String REFERENCE = "WHO global air quality guidelines, World Health Organization, 2021,"
			+ " ISBN 9789240034228, Table 0.1 (executive summary)";

	static final WhoGuideline PM2_5_DAY = of("who-2021-pm25-24h", Pollutant.PM2_5, Averaging.DAY);

	static final WhoGuideline PM2_5_YEAR = of("who-2021-pm25-annual", Pollutant.PM2_5, Averaging.YEAR);

	static final WhoGuideline PM10_DAY = of("who-2021-pm10-24h", Pollutant.PM10, Averaging.DAY);

	static final WhoGuideline PM10_YEAR = of("who-2021-pm10-annual", Pollutant.PM10, Averaging.YEAR);

	static final WhoGuideline NO2_DAY = of("who-2021-no2-24h", Pollutant.NO2, Averaging.DAY);

	static final WhoGuideline NO2_YEAR = of("who-2021-no2-annual", Pollutant.NO2, Averaging.YEAR);

	static final WhoGuideline O3_EIGHT_HOURS = of("who-2021-o3-8h", Pollutant.O3, Averaging.EIGHT_HOURS);

	static final WhoGuideline O3_PEAK_SEASON = of("who-2021-o3-peak-season", Pollutant.O3, Averaging.PEAK_SEASON);

	static final List<WhoGuideline> ALL = List.of(PM2_5_DAY, PM2_5_YEAR, PM10_DAY, PM10_YEAR, NO2_DAY, NO2_YEAR,
			O3_EIGHT_HOURS, O3_PEAK_SEASON);

	private WhoGuidelines() {
	}

	static Optional<WhoGuideline> byCode(String code) {
		return ALL.stream().filter(guideline -> guideline.code().equals(code)).findFirst();
	}

	static List<WhoGuideline> of(Pollutant pollutant) {
		return ALL.stream().filter(guideline -> guideline.pollutant() == pollutant).toList();
	}

	/** The level of the one table of WHO levels ({@link Guidelines#WHO_2021}), under the indicator's name. */
	private static WhoGuideline of(String code, Pollutant pollutant, Averaging averaging) {
		return new WhoGuideline(code, Guidelines.WHO_2021.values()
			.stream()
			.filter(guideline -> guideline.pollutant() == pollutant && guideline.averaging() == averaging)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("WHO 2021 has no " + averaging + " level for " + pollutant)),
				REFERENCE);
	}

}
