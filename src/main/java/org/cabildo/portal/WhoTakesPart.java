package org.cabildo.portal;

import java.util.List;

/**
 * Who takes part ({@code /participation}): per district, how much its residents report, how much
 * of it the city answers and how soon; and, apart, what those who took part chose to say of
 * themselves, in totals only, a small count never shown. Every number already written out.
 *
 * @param from the first day counted, written out
 * @param to the last day counted
 * @param unplaced how many reports are in no district
 * @param said what residents said of themselves, by gender and by age band, each a table
 * @param anySaid whether anyone said anything in the months counted
 * @param threshold the smallest count shown
 */
record WhoTakesPart(String from, String to, List<Heard> districts, Heard city, long unplaced, List<Table> said,
		boolean anySaid, long threshold) {

	/** A district's figures (or the city's); a figure that cannot be worked out reads "no data". */
	record Heard(String id, String name, String population, String reports, String per100k, String answered,
			String median, String open, String proposals, String proposalsPer100k, String supports) {
	}

	/**
	 * One district's figures beside the city's, for the district's own page.
	 *
	 * @param from the first day counted, written out
	 * @param to the last day counted
	 */
	record InDistrict(String from, String to, Heard district, Heard city) {
	}

	/**
	 * Filings by district and what was said; the categories' names are the columns.
	 *
	 * @param id the table's id in the page
	 * @param caption what it counts, and over which months
	 */
	record Table(String id, String caption, List<String> categories, List<Line> rows, Line city) {
	}

	/** A district's counts (or the city's), and their total. */
	record Line(String name, List<Cell> cells, Cell total) {
	}

	/** A count written out, or that it is withheld (small, or telling of one that is). */
	record Cell(String text, boolean suppressed) {
	}

}
