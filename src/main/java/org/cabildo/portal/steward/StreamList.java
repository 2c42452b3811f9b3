package org.cabildo.portal.steward;

import java.util.List;

/**
 * The streams of the steward's organisations, a page of the declared ones and a page of those
 * still undeclared; every value written in the page's language.
 *
 * @param organisations the names of the organisations the person is a steward of
 * @param declared how many declared streams they own
 * @param undeclared how many undeclared streams they own
 */
public record StreamList(String organisations, String declared, List<Declared> streams, Paging paging,
		String undeclared, List<Undeclared> undeclaredStreams, Paging undeclaredPaging) {

	/** A declared stream: its names, owner, stage, version and how many objections wait for an answer. */
	public record Declared(long id, String thing, String name, String organisation, String stage, String version,
			String openObjections, boolean objected) {
	}

	/** A stream that collects nothing until it is declared. */
	public record Undeclared(long id, String name, String organisation) {
	}

}
