package org.cabildo.portal;

import java.util.List;

/**
 * A page of the portal as the browser tests check it (see {@link PortalPagesBrowserTest#PAGES}).
 *
 * @param path where it is; {@code {datastream}} stands for a declared open air-quality stream with
 * a reading, which the test makes, and {@code {thing}} for its Thing
 * @param signedIn whether a person (the test account, an operator and admin) signs in first
 * @param shows the keys of the labels whose text, in the page's language, the page must show; the
 * first is its h1's
 * @param budgetKilobytes the most it may weigh on first load, everything it loads included
 * @param headingFromData whether its h1 is made of the data it shows (a stream's name), not of
 * the first label, which it then shows elsewhere
 * @param errorPage whether it is an error page (whose own status the browser's console reports)
 */
record PortalPage(String path, boolean signedIn, List<String> shows, int budgetKilobytes, boolean headingFromData,
		boolean errorPage) {

	/** A page without the map weighs 150 KB at most (issue 12), a page with it 300 KB ({@link #weighingAtMost}). */
	static final int BUDGET_KILOBYTES = 150;

	/** A page anyone may read, showing these labels (the first is its h1's). */
	static PortalPage anyone(String path, String... shows) {
		return new PortalPage(path, false, List.of(shows), BUDGET_KILOBYTES, false, false);
	}

	/** A page for a signed-in person, showing these labels (the first is its h1's). */
	static PortalPage signedIn(String path, String... shows) {
		return new PortalPage(path, true, List.of(shows), BUDGET_KILOBYTES, false, false);
	}

	PortalPage weighingAtMost(int kilobytes) {
		return new PortalPage(path, signedIn, shows, kilobytes, headingFromData, errorPage);
	}

	PortalPage headedByItsData() {
		return new PortalPage(path, signedIn, shows, budgetKilobytes, true, errorPage);
	}

	PortalPage anErrorPage() {
		return new PortalPage(path, signedIn, shows, budgetKilobytes, headingFromData, true);
	}

	/** The page's address in a language: {@code ?lang=} added to its path. */
	String in(Language language, String datastream, String thing) {
		String resolved = path.replace("{datastream}", datastream).replace("{thing}", thing);
		return resolved + (resolved.contains("?") ? "&" : "?") + "lang=" + language.code();
	}

	@Override
	public String toString() {
		return path + (signedIn ? " (signed in)" : "");
	}

}
