package org.cabildo.portal.operator;

import org.cabildo.platform.ApiException;

/**
 * Where a page of a list stands ("1–20 of 45") and the numbers of the pages before and after it
 * (null for none).
 */
record Pager(String summary, Integer previous, Integer next) {

	/** The first entry of a page (numbered from 1) of {@code size}; 400 for a page before the first. */
	static long skip(int page, int size) {
		if (page < 1) {
			throw ApiException.badRequest("pages are numbered from 1").with("rule", "page");
		}
		return (page - 1L) * size;
	}

	static Pager of(int page, int size, int shown, long total, Texts texts) {
		long first = (page - 1L) * size;
		String summary = shown == 0 ? texts.text("operator.pager.none", texts.number(total))
				: texts.text("operator.pager.summary", texts.number(first + 1), texts.number(first + shown),
						texts.number(total));
		return new Pager(summary, page > 1 ? page - 1 : null, first + shown < total ? page + 1 : null);
	}

}
