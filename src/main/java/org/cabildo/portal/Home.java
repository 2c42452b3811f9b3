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
 */
record Home(String sensors, List<Tally> byPurpose, List<Tally> byPersonalData, List<StationReading> air,
		String zone) {

	/** A label and how many. */
	record Tally(String label, String count) {
	}

	/** One station's latest value of one pollutant. */
	record StationReading(String station, String pollutant, String value, String unit, String time) {
	}

}
