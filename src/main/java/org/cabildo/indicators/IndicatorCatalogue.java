package org.cabildo.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cabildo.indicators.air.Averaging;
import org.springframework.stereotype.Component;

/**
 * The indicators the platform computes, each with its definition. Made from the WHO 2021 levels
 * ({@link WhoGuidelines}) and the city's local air-quality index, so that a level is written once.
 */
@Component
class IndicatorCatalogue {

	static final String LOCAL_INDEX = "local-index-days";

	static final String SOURCE = "the Datastreams whose ObservedProperty is the pollutant (its term in the EEA"
			+ " pollutant vocabulary, http://dd.eionet.europa.eu/vocabulary/aq/pollutant/, or its name) and whose unit"
			+ " is a concentration (ppb and ppm converted to µg/m³ at 25 °C and 1 atm), in the district their Thing is"
			+ " placed in, read from their hourly and daily rollups";

	static final String DISTRICT = " A district's value comes from the stations placed in it: ";

	/**
	 * ITU's U4SSC KPI "Air pollution" (Collection Methodology for Key Performance Indicators for
	 * Smart Sustainable Cities, 2017, p. 73): an air quality index from PM10, PM2.5, NO2, SO2 and O3.
	 */
	static final String U4SSC_AIR = "U4SSC EN: EN: AQ: 1C (Air pollution)";

	/**
	 * UN SDG indicator 11.6.2: annual mean levels of fine particulate matter (PM2.5 and PM10) in
	 * cities, population weighted (custodian WHO): the city value of the annual means here. ISO
	 * 37120's air indicators are not named, as their numbers could not be checked against its text.
	 */
	static final String SDG_11_6_2 = "SDG 11.6.2 (annual mean PM2.5 and PM10, population weighted: the city value)";

	private final List<Indicator> indicators;

	IndicatorCatalogue() {
		List<Indicator> all = new ArrayList<>();
		for (WhoGuideline guideline : WhoGuidelines.ALL) {
			all.add(indicator(guideline));
		}
		all.add(new Indicator(LOCAL_INDEX, "Days per category of the city's air-quality index", "index-days", null,
				"days", null, "the streams of every pollutant the city's index has a table for (cabildo.city.air-index)",
				"Each station's daily maximum hourly value of each pollutant is placed in the category of the index's"
						+ " table for that pollutant, as the portal colours an hourly value (an orientation: the official"
						+ " index averages some pollutants over 8, 12 or 24 hours). A district's day takes the worst"
						+ " category of its stations and pollutants that day. The equity figures are over the days in the"
						+ " index's third category or worse.",
				"A day counts when at least one of the district's stations has a value that day.",
				"the index named by cabildo.city.air-index (for the demo city, NOM-172-SEMARNAT-2019, Índice AIRE Y"
						+ " SALUD)",
				List.of(), true, Indicator.DISTRICTS));
		all.add(MobilityIndicators.CYCLISTS_INDICATOR);
		all.add(MobilityIndicators.RIDERSHIP_INDICATOR);
		this.indicators = List.copyOf(all);
	}

	/** Every indicator: by district, then city-level. */
	List<Indicator> all() {
		return indicators;
	}

	/** The indicators with a value per district. */
	List<Indicator> byDistrict() {
		return indicators.stream().filter(indicator -> indicator.scope().equals(Indicator.DISTRICTS)).toList();
	}

	Optional<Indicator> byCode(String code) {
		return indicators.stream().filter(indicator -> indicator.code().equals(code)).findFirst();
	}

	private static Indicator indicator(WhoGuideline guideline) {
		String pollutant = guideline.pollutant().symbol();
		boolean particles = guideline.pollutant().molarMass().isEmpty();
		List<String> standards = guideline.averaging() == org.cabildo.indicators.air.Averaging.YEAR && particles
				? List.of(U4SSC_AIR, SDG_11_6_2) : List.of(U4SSC_AIR);
		String level = trim(guideline.level()) + " µg/m³";
		return switch (guideline.averaging()) {
			case DAY -> new Indicator(guideline.code(), pollutant + ": days above the WHO 24-hour guideline (" + level
					+ ")", "exceedance-days", pollutant, "days", guideline.level(), SOURCE,
					"A station's day is the mean of its hourly means on that local day; a day is above the guideline"
							+ " when that mean is greater than " + level + "." + DISTRICT + "its day is the mean of the"
							+ " valid days of its stations; the value is the number of such days above the guideline."
							+ " WHO's guideline is the 99th percentile of a year's daily values (3 to 4 days above it a"
							+ " year).",
					"A station's day is valid with 75 % of its hours (18 of 24; of 23 or 25 on days the clocks change)."
							+ " validDays says how many days of the period the value is made of.",
					guideline.reference(), standards, true, Indicator.DISTRICTS);
			case EIGHT_HOURS -> new Indicator(guideline.code(), pollutant
					+ ": days above the WHO 8-hour guideline (" + level + ")", "exceedance-days", pollutant, "days",
					guideline.level(), SOURCE,
					"A station's day is the greatest of the 8-hour running means that end in that local day (EU"
							+ " 2008/50/EC, Annex VII)." + DISTRICT + "its day is the mean of the valid days of its"
							+ " stations; the value is the number of such days above " + level + ".",
					"An 8-hour mean needs 6 of its 8 hours; a day needs 75 % of its 8-hour means.",
					guideline.reference(), standards, true, Indicator.DISTRICTS);
			case YEAR -> new Indicator(guideline.code(), pollutant + ": mean concentration (WHO annual guideline "
					+ level + ")", "mean", pollutant, "µg/m³", guideline.level(), SOURCE,
					"A station's value is the mean of its hourly means over the period (a year by default)." + DISTRICT
							+ "the mean of the values of its stations that have one.",
					"A station has a value when 75 % of the period's hours have one.", guideline.reference(),
					standards, true, Indicator.DISTRICTS);
			case PEAK_SEASON -> new Indicator(guideline.code(), pollutant + ": peak season (WHO guideline " + level
					+ ")", "peak-season", pollutant, "µg/m³", guideline.level(), SOURCE,
					"A station's value is the mean of its daily maximum 8-hour means in the six consecutive months"
							+ " of the period with the highest six-month running mean." + DISTRICT
							+ "the mean of the values of its stations that have one.",
					"A month counts with 75 % of its days valid; six valid months in a row are needed.",
					guideline.reference(), standards, true, Indicator.DISTRICTS);
			default -> throw new IllegalStateException(guideline.code() + ": no indicator for " + guideline.averaging());
		};
	}

	private static String trim(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
	}

	/** Whether an averaging is held against days. */
	static boolean daily(Averaging averaging) {
		return averaging == Averaging.DAY || averaging == Averaging.EIGHT_HOURS;
	}

}
