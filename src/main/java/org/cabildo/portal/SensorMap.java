package org.cabildo.portal;

import java.util.List;

/**
 * What the map page shows: the filters (as a form), one page of the streams they select (as a
 * table, the map's text equivalent), and where the script finds the map's layers; everything
 * already written in the page's language.
 *
 * @param filters the form's selects, in order
 * @param rows the streams of this page
 * @param count how many streams the filters select, written out
 * @param range which of them this page shows ("1–50"); empty when none
 * @param previous the previous page's address; null on the first page
 * @param next the next page's address; null on the last page
 * @param districts whether the city has districts (the table then has a column for them)
 * @param refusal why the request cannot be answered, in words; null when it can
 * @param layers what the script draws
 */
record SensorMap(List<Filter> filters, List<Row> rows, String count, String range, String previous, String next,
		boolean districts, String refusal, Layers layers) {

	/** One select of the filter form: its parameter, its label, its options (the first one "any"). */
	record Filter(String name, String label, List<Option> options) {
	}

	record Option(String value, String label, boolean selected) {
	}

	/**
	 * One stream, as the street sign would name it.
	 *
	 * @param card the stream card's address
	 * @param district the district it is in; empty when unknown
	 */
	record Row(String stream, String thing, String purposes, String technology, String personalData,
			String organisation, String stage, String district, String card) {
	}

	/**
	 * What the script puts on the map, for the same filters as the table.
	 *
	 * @param streams the register's GeoJSON of the streams the filters select, in the page's language
	 * @param districts the districts' GeoJSON; empty when the city has none
	 * @param attribution whom the districts' boundaries come from; may be empty
	 * @param tiles a street map's tile URL template; empty when none is set
	 * @param tilesAttribution whom the tiles come from
	 */
	record Layers(String streams, String districts, String attribution, String tiles, String tilesAttribution) {
	}

}
