package org.cabildo.indicators;

import java.time.LocalDate;
import java.util.List;

/**
 * One indicator for every district over a period, with the inequality between districts.
 *
 * @param from the first local day of the period
 * @param to the day after its last
 * @param timeZone the city's time zone, whose days these are
 * @param districts every district, with a value or without one (no station, too little data)
 * @param equity the city's value and the spread between districts, over the districts with a value
 * @param streams how many streams of the pollutant were read
 * @param unplacedStreams streams of the pollutant whose Thing is in no district (not counted)
 * @param notReadable streams left out because the reader may not read them
 */
public record DistrictTable(Indicator indicator, LocalDate from, LocalDate to, String timeZone,
		List<DistrictRow> districts, EquitySummary equity, int streams, int unplacedStreams, int notReadable) {

	public DistrictTable {
		districts = List.copyOf(districts);
	}

	/**
	 * One district.
	 *
	 * @param value the indicator's value; null when it has none (see {@code coverage})
	 * @param stations the streams placed in it that were read
	 * @param stationsWithValue those of them with a value (a valid day, or a value over the period)
	 * @param days the days of the period
	 * @param validDays days with a valid value (days for daily indicators, days with a category
	 * for the local index); null for a mean over the period
	 * @param hoursWithData hours of its stations' streams with a value, summed over stations: how
	 * many hours back the number
	 * @param hoursPossible the period's hours times its stations
	 * @param exposure population × value: person-days above the guideline for days, person-µg/m³
	 * for concentrations; null without a value or a population
	 * @param categories days per category of the local index (only for that indicator)
	 */
	public record DistrictRow(String district, String name, Long population, Double value, int stations,
			int stationsWithValue, int days, Integer validDays, long hoursWithData, long hoursPossible, Double exposure,
			List<CategoryDays> categories) {

		public DistrictRow {
			categories = categories == null ? List.of() : List.copyOf(categories);
		}

	}

	/** Days in one category of the local index. */
	public record CategoryDays(String category, int level, int days) {
	}

	/**
	 * The districts together and apart.
	 *
	 * @param cityValue the population-weighted mean of the districts' values
	 * @param population the inhabitants of the districts with a value
	 * @param best the district with the best value (lowest for every air indicator)
	 * @param worst the one with the worst
	 * @param ratio the higher of the two values over the lower (null when the lower is 0)
	 * @param gap the difference between the two
	 * @param theil the population-weighted Theil T index of the districts' values: 0 when all are
	 * equal, ln(n) at most; the inequality index used, as it splits into within and between groups
	 * @param gini the population-weighted Gini coefficient, for comparison
	 * @param exposure population × value summed over the districts with a value
	 * @param withoutValue the districts without a value
	 */
	public record EquitySummary(Double cityValue, long population, String best, Double bestValue, String worst,
			Double worstValue, Double ratio, Double gap, Double theil, Double gini, Double exposure,
			List<String> withoutValue) {

		public EquitySummary {
			withoutValue = List.copyOf(withoutValue);
		}

	}

}
