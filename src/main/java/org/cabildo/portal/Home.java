package org.cabildo.portal;

import java.util.List;

/**
 * What the home page shows, every number and time already written in the page's language.
 *
 * @param sensors how many Datastreams the register declares
 * @param byPurpose declared Datastreams per purpose (a Datastream counts under each of its purposes)
 * @param byPersonalData declared Datastreams per personal-data class
 * @param air the latest value of each open air-quality stream, by station
 * @param zone the city's time zone, in which the times are written
 * @param key what the colours and the guidelines beside the values mean
 */
record Home(String sensors, List<Tally> byPurpose, List<Tally> byPersonalData, List<StationReading> air,
		String zone, AirKey key) {

	/** A label and how many. */
	record Tally(String label, String count) {
	}

	/**
	 * One station's latest value of one pollutant, every cell written out for the page.
	 *
	 * @param category its category in the city's air index, in words ("n/a" when there is none)
	 * @param categoryCss the style sheet's classes that colour the category; null for none
	 * @param guideline the WHO guideline beside it: value, unit and averaging time (15 µg/m³ (24 h))
	 * @param comparison whether the value is above the guideline, in words
	 * @param comparisonCss the style sheet's class of the comparison; null for none
	 */
	record StationReading(String station, String pollutant, String value, String unit, String time,
			String category, String categoryCss, String guideline, String comparison, String comparisonCss) {
	}

	/**
	 * @param index the name of the city's air index; null when it has none
	 * @param indexSource where its band tables are published
	 * @param tables the index's table each pollutant's hourly value is held against ("O3: 1 h")
	 * @param guidelines the guidelines' name (WHO 2021)
	 * @param guidelinesSource where they are published
	 * @param guidelineValues each pollutant's guideline values, short-term and long-term
	 */
	record AirKey(String index, String indexSource, List<String> tables, String guidelines, String guidelinesSource,
			List<GuidelineRow> guidelineValues) {

		public boolean hasIndex() {
			return index != null;
		}

	}

	/** A pollutant and its guideline values, short-term first. */
	record GuidelineRow(String pollutant, String values) {
	}

}
