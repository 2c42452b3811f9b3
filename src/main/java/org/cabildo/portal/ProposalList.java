package org.cabildo.portal;

import java.util.List;

/**
 * The list of residents' proposals ({@code /proposals}), newest first, a page at a time (the
 * API's {@code before} cursor), filtered with a GET form; every word already in the page's language.
 *
 * @param districts the district filter's options, the first "any"
 * @param categories the category filter's options, the first "any"
 * @param statuses the status filter's options, the first "any"
 * @param threshold the supports that send a proposal to its office, written out
 * @param newest the first page's address when this is a later one; null on the first
 * @param older the next page's address; null on the last
 */
record ProposalList(List<Option> districts, List<Option> categories, List<Option> statuses, List<Row> rows,
		String threshold, String newest, String older) {

	/**
	 * One proposal: its page, its title, where and what about, its supports and its status.
	 *
	 * @param supports how many support it now, written out
	 */
	record Row(long id, String title, String district, String category, String supports, String status) {
	}

	record Option(String value, String label, boolean selected) {
	}

}
