package org.cabildo.indicators.air;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Guideline values for the air, shown beside every value whatever the city's local index.
 *
 * @param name how the page names them
 * @param source where they are published, as a page cites it (words, not a link)
 */
public record Guidelines(String name, String source, List<Guideline> values) {

	/**
	 * WHO global air quality guidelines: particulate matter (PM2.5 and PM10), ozone, nitrogen
	 * dioxide, sulfur dioxide and carbon monoxide. World Health Organization, Geneva, 2021
	 * (ISBN 978-92-4-003422-8), https://www.who.int/publications/i/item/9789240034228, the
	 * recommended AQG levels of its executive summary (table 0.1). Mass concentrations; the WHO
	 * converts ppb at 25 °C and 1 atm, as {@link Concentration} does.
	 */
	public static final Guidelines WHO_2021 = new Guidelines("WHO 2021",
			"World Health Organization, 2021, ISBN 978-92-4-003422-8",
			List.of(ug(Pollutant.PM2_5, Averaging.DAY, "15"), ug(Pollutant.PM2_5, Averaging.YEAR, "5"),
					ug(Pollutant.PM10, Averaging.DAY, "45"), ug(Pollutant.PM10, Averaging.YEAR, "15"),
					ug(Pollutant.NO2, Averaging.DAY, "25"), ug(Pollutant.NO2, Averaging.YEAR, "10"),
					ug(Pollutant.O3, Averaging.EIGHT_HOURS, "100"), ug(Pollutant.O3, Averaging.PEAK_SEASON, "60"),
					ug(Pollutant.SO2, Averaging.DAY, "40"),
					new Guideline(Pollutant.CO, Averaging.DAY, Concentration.of("4", Unit.MILLIGRAMS_PER_CUBIC_METRE))));

	public Guidelines {
		values = List.copyOf(values);
	}

	/** The pollutant's guideline of the shortest averaging time: the one to set an hourly value beside. */
	public Optional<Guideline> shortTerm(Pollutant pollutant) {
		return values.stream().filter(value -> value.pollutant() == pollutant).min(Comparator.comparing(Guideline::averaging));
	}

	/** The pollutant's guideline of the longest averaging time, when it has one besides the short-term one. */
	public Optional<Guideline> longTerm(Pollutant pollutant) {
		List<Guideline> of = values.stream().filter(value -> value.pollutant() == pollutant).toList();
		return of.size() < 2 ? Optional.empty() : of.stream().max(Comparator.comparing(Guideline::averaging));
	}

	private static Guideline ug(Pollutant pollutant, Averaging averaging, String value) {
		return new Guideline(pollutant, averaging, Concentration.of(value, Unit.MICROGRAMS_PER_CUBIC_METRE));
	}

}
