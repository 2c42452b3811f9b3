package org.cabildo.indicators;

import java.time.LocalDate;
import java.util.List;

import org.cabildo.indicators.DistrictTable.CategoryDays;

/**
 * One indicator in one district, month by month over a year: each month computed as a period
 * of its own, by the indicator's method and coverage rule (days above the level in the month,
 * the month's mean, days per category of the local index in the month). For WHO's ozone peak
 * season, which no single month has, each month is the mean of its daily maximum 8-hour means
 * (valid with 75 % of its days): the months the season is chosen from.
 *
 * @param district the district's code
 * @param year the calendar year of the city's time zone
 * @param months the twelve months, January first, each with a value or without one
 * @param streams the streams placed in the district that were read
 * @param notReadable streams placed in it left out because the reader may not read them
 */
public record DistrictMonths(Indicator indicator, String district, String name, Long population, int year,
		String timeZone, List<MonthRow> months, int streams, int notReadable) {

	public DistrictMonths {
		months = List.copyOf(months);
	}

	/**
	 * One month, with the fields of a district's row in {@link DistrictTable}.
	 *
	 * @param month {@code 2024-01}
	 * @param from its first local day
	 * @param to the first day of the next month
	 * @param value null when it has none (no station, too little data)
	 */
	public record MonthRow(String month, LocalDate from, LocalDate to, Double value, int stations,
			int stationsWithValue, int days, Integer validDays, long hoursWithData, long hoursPossible,
			List<CategoryDays> categories) {

		public MonthRow {
			categories = categories == null ? List.of() : List.copyOf(categories);
		}

	}

}
