package org.cabildo.portal;

import java.util.List;

import org.cabildo.portal.ReportFormView.Problems;

/**
 * The proposal form as the page shows it ({@code /proposals/new}): for a verified resident the
 * form, with what was typed and each problem at its field when it comes back refused; for anyone
 * else, how to take part. Every word already in the page's language.
 *
 * @param signedIn whether someone is signed in
 * @param mayPropose whether they may propose (a verified resident): only then is the form shown
 * @param districts the city's districts by name, the first the whole city
 * @param categories the categories, the first "choose one"
 * @param about each category's name and what it covers
 * @param threshold the supports that send a proposal to its office, written out
 * @param maxTitle the longest title taken, written out
 * @param maxText the longest text taken, written out
 * @param problems what was refused, at its field ({@code form} for the form as a whole)
 */
record ProposalFormView(boolean signedIn, boolean mayPropose, String title, String text, List<Option> districts,
		List<Option> categories, List<Category> about, String threshold, String maxTitle, String maxText,
		Problems problems) {

	record Option(String value, String label, boolean selected) {
	}

	record Category(String name, String description) {
	}

}
