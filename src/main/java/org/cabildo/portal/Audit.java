package org.cabildo.portal;

import java.util.List;

/** What the auditor's pages show, every number and time already written in the page's language. */
final class Audit {

	private Audit() {
	}

	/**
	 * The ledger's entries, filtered.
	 *
	 * @param filters the filters as the auditor gave them, to show them again in the form
	 * @param range the numbers of the first and last entry shown ("120–71"); empty when none
	 * @param older the address of the next (older) page; null when this one is the last
	 * @param zone the city's time zone, in which the times are written
	 */
	record Entries(Filters filters, List<Row> rows, String range, String older, String zone) {
	}

	/** As given in the query: blank for a filter not given. */
	record Filters(String kind, String organisation, String purpose, String actor, String datastream, String from,
			String to) {
	}

	record Row(String seq, String link, String recordedAt, String kind, String actor, String organisation,
			String purpose, String datastreams, String observations, String hash) {
	}

	/**
	 * One entry, with everything it records and what verifies it.
	 *
	 * @param previous the address of the entry before it; null for the first
	 * @param next the address of the entry after it; null for the last
	 */
	record Entry(String seq, String recordedAt, String kind, String actor, String organisation, String purpose,
			String datastreams, String rangeStart, String rangeEnd, String observations, String fingerprint,
			String detail, String entryHash, String previousHash, String canonical, boolean hashHolds,
			boolean previousHolds, boolean first, String previous, String next, String zone) {
	}

}
