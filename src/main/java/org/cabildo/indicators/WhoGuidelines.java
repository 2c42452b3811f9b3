package org.cabildo.indicators;

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

	static final WhoGuideline PM2_5_DAY = of("who-2021-pm25-24h", AirPollutant.PM2_5, WhoAveraging.DAY, 15);

	static final WhoGuideline PM2_5_YEAR = of("who-2021-pm25-annual", AirPollutant.PM2_5, WhoAveraging.YEAR, 5);

	static final WhoGuideline PM10_DAY = of("who-2021-pm10-24h", AirPollutant.PM10, WhoAveraging.DAY, 45);

	static final WhoGuideline PM10_YEAR = of("who-2021-pm10-annual", AirPollutant.PM10, WhoAveraging.YEAR, 15);

	static final WhoGuideline NO2_DAY = of("who-2021-no2-24h", AirPollutant.NO2, WhoAveraging.DAY, 25);

	static final WhoGuideline NO2_YEAR = of("who-2021-no2-annual", AirPollutant.NO2, WhoAveraging.YEAR, 10);

	static final WhoGuideline O3_EIGHT_HOURS = of("who-2021-o3-8h", AirPollutant.O3,
			WhoAveraging.DAILY_MAXIMUM_EIGHT_HOURS, 100);

	static final WhoGuideline O3_PEAK_SEASON = of("who-2021-o3-peak-season", AirPollutant.O3,
			WhoAveraging.PEAK_SEASON, 60);

	static final List<WhoGuideline> ALL = List.of(PM2_5_DAY, PM2_5_YEAR, PM10_DAY, PM10_YEAR, NO2_DAY, NO2_YEAR,
			O3_EIGHT_HOURS, O3_PEAK_SEASON);

	private WhoGuidelines() {
	}

	static Optional<WhoGuideline> byCode(String code) {
		return ALL.stream().filter(guideline -> guideline.code().equals(code)).findFirst();
	}

	static List<WhoGuideline> of(AirPollutant pollutant) {
		return ALL.stream().filter(guideline -> guideline.pollutant() == pollutant).toList();
	}

	private static WhoGuideline of(String code, AirPollutant pollutant, WhoAveraging averaging, double level) {
		return new WhoGuideline(code, pollutant, averaging, level, "µg/m³", REFERENCE);
	}

}
