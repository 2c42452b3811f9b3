package org.cabildo.portal;

import java.util.List;

/**
 * What a page of residents' accounts answers a form with, every word in the page's language: a
 * mail on its way, an address confirmed, a password set, or a link that does not work.
 *
 * @param refusal why the link does not work; null when nothing was refused
 * @param said what the page says, a paragraph each
 * @param ways where to go next
 */
record ResidentOutcome(String title, String heading, String refusal, List<String> said, List<Way> ways) {

	/** A link to another page of the portal. */
	record Way(String path, String text) {
	}

}
