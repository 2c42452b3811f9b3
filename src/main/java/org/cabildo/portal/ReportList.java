package org.cabildo.portal;

import java.util.List;

/**
 * The list of reports ({@code /reports}), newest first, a page at a time, filtered with a GET
 * form; or a signed-in person's own ({@code ?mine=1}).
 *
 * @param mine whether it lists the reader's own reports
 * @param signInForMine whether the reader asked for their own without being signed in (then it
 *        lists none, and says how to see them)
 * @param signedIn whether the reader may ask for their own
 * @param districts the district filter's options, the first "any"
 * @param statuses the status filter's options, the first "any"
 * @param range which of the reports this page shows ("1–50"); empty when none
 * @param previous the newer page's address; null on the first
 * @param next the older page's address; null on the last
 */
record ReportList(boolean mine, boolean signInForMine, boolean signedIn, List<Option> districts,
		List<Option> statuses, List<Row> rows, String range, String previous, String next) {

	/** One report: its page, the problem, its status, its district and when it was filed. */
	record Row(long id, String service, String status, String district, String filed) {
	}

	record Option(String value, String label, boolean selected) {
	}

}
