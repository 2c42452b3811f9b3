package org.cabildo.portal;

import java.util.List;
import java.util.Optional;

/**
 * A page of the portal as the browser tests check it (see {@link PortalPagesBrowserTest#PAGES}).
 *
 * @param path where it is; {@code {datastream}} stands for a declared open air-quality stream with
 * a reading, which the test makes, and {@code {thing}} for its Thing; {@code {stewarded}} for a
 * stream of the steward's office with an open objection, {@code {restricted}} for a restricted one
 * it shares with another organisation (see {@link Subjects}), {@code {district}} for a district the
 * test imports, with the browser's stream placed in it, {@code {report}} for a resident's report
 * placed in that district, {@code {proposal}} for a resident's proposal about that district, forwarded
 * to its office and answered, with a comment
 * @param visitor who reads it: anyone, the test account, a steward or a verified resident, who signs in first
 * @param shows the keys of the labels whose text, in the page's language, the page must show; the
 * first is its h1's
 * @param budgetKilobytes the most it may weigh on first load, everything it loads included
 * @param headingFromData whether its h1 is made of the data it shows (a stream's name or number),
 * not of the first label, which it then shows elsewhere
 * @param errorPage whether it is answered with an error status (an error page, a refused form),
 * which the browser's console reports
 * @param sent what is typed into its form before the form is sent, for the page that answers it
 */
record PortalPage(String path, Visitor visitor, List<String> shows, int budgetKilobytes, boolean headingFromData,
		boolean errorPage, Optional<Typed> sent) {

	/** A page without the map weighs 150 KB at most (issue 12), a page with it 300 KB ({@link #weighingAtMost}). */
	static final int BUDGET_KILOBYTES = 150;

	/** Who reads a page. */
	enum Visitor {

		/** Anyone, not signed in. */
		ANYONE,

		/** The test account, an operator and admin of the test organisation (and no steward). */
		TEST_ACCOUNT,

		/** A steward of the office that owns {@code {stewarded}} and {@code {restricted}}. */
		STEWARD,

		/** A resident whose email address is verified, who neither supports nor follows {@code {proposal}}. */
		RESIDENT

	}

	/** A value typed into a field of the page's form (its id). */
	record Typed(String field, String value) {
	}

	/** What the test made that the paths name, as their ids. */
	record Subjects(String datastream, String thing, String stewarded, String restricted, String district,
			String report, String proposal) {
	}

	/** A page anyone may read, showing these labels (the first is its h1's). */
	static PortalPage anyone(String path, String... shows) {
		return new PortalPage(path, Visitor.ANYONE, List.of(shows), BUDGET_KILOBYTES, false, false, Optional.empty());
	}

	/** A page for the signed-in test account, showing these labels (the first is its h1's). */
	static PortalPage signedIn(String path, String... shows) {
		return new PortalPage(path, Visitor.TEST_ACCOUNT, List.of(shows), BUDGET_KILOBYTES, false, false,
				Optional.empty());
	}

	/** A page for a signed-in steward, showing these labels (the first is its h1's). */
	static PortalPage steward(String path, String... shows) {
		return new PortalPage(path, Visitor.STEWARD, List.of(shows), BUDGET_KILOBYTES, false, false, Optional.empty());
	}

	/** A page for a signed-in resident whose address is verified, showing these labels (the first is its h1's). */
	static PortalPage resident(String path, String... shows) {
		return new PortalPage(path, Visitor.RESIDENT, List.of(shows), BUDGET_KILOBYTES, false, false, Optional.empty());
	}

	PortalPage weighingAtMost(int kilobytes) {
		return new PortalPage(path, visitor, shows, kilobytes, headingFromData, errorPage, sent);
	}

	PortalPage headedByItsData() {
		return new PortalPage(path, visitor, shows, budgetKilobytes, true, errorPage, sent);
	}

	PortalPage anErrorPage() {
		return new PortalPage(path, visitor, shows, budgetKilobytes, headingFromData, true, sent);
	}

	/** The page that answers the form at the path (its {@code #form}) sent with this value in this field. */
	PortalPage sentWith(String field, String value) {
		return new PortalPage(path, visitor, shows, budgetKilobytes, headingFromData, errorPage,
				Optional.of(new Typed(field, value)));
	}

	boolean signedIn() {
		return visitor != Visitor.ANYONE;
	}

	/** The page's address in a language: {@code ?lang=} added to its path. */
	String in(Language language, Subjects subjects) {
		String resolved = path.replace("{datastream}", subjects.datastream())
			.replace("{thing}", subjects.thing())
			.replace("{stewarded}", subjects.stewarded())
			.replace("{restricted}", subjects.restricted())
			.replace("{district}", subjects.district())
			.replace("{report}", subjects.report())
			.replace("{proposal}", subjects.proposal());
		return resolved + (resolved.contains("?") ? "&" : "?") + "lang=" + language.code();
	}

	@Override
	public String toString() {
		return path + switch (visitor) {
			case ANYONE -> "";
			case TEST_ACCOUNT -> " (signed in)";
			case STEWARD -> " (a steward)";
			case RESIDENT -> " (a resident)";
		} + sent.map(typed -> " sent with " + typed.field() + "=" + typed.value()).orElse("");
	}

}
