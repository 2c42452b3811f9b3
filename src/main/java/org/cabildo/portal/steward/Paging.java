package org.cabildo.portal.steward;

import org.cabildo.platform.ApiException;

/**
 * Where a page of a list is: its number, how many there are, and the addresses of the pages
 * before and after (null at either end).
 *
 * @param label "page 2 of 7", in the page's language
 */
public record Paging(int page, int pages, String label, String previous, String next) {

	/** How many rows a console list shows at most. */
	static final int SIZE = 50;

	/** The rows a page starts after; 400 for a page number under one. */
	static int skip(int page) {
		if (page < 1) {
			throw ApiException.badRequest("pages are numbered from 1").with("pointer", "/page");
		}
		return (page - 1) * SIZE;
	}

	static int pages(long rows) {
		return (int) Math.max(1, (rows + SIZE - 1) / SIZE);
	}

	public boolean more() {
		return pages > 1;
	}

}
