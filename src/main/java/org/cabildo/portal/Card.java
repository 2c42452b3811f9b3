package org.cabildo.portal;

import java.util.List;

/**
 * What a stream's card shows, every word, number and time already written in the page's language
 * and the city's time zone.
 *
 * @param id the Datastream's id
 * @param title where and what it measures (the Thing and the ObservedProperty)
 * @param summary what it does, as its declaration says
 * @param sign the declaration as a street sign says it
 * @param values the latest values and the chart, or why they are not shown
 * @param history the declaration's versions, newest first, each with what it changed
 * @param olderVersions versions older than those shown (the register's JSON has them all)
 * @param objections the objections filed on it, newest first
 * @param zone the city's time zone, in which every time is written
 */
record Card(long id, String title, String summary, Sign sign, Values values, List<Version> history,
		int olderVersions, Objections objections, String zone) {

	/** A DTPR element: its name and what it means. */
	record Element(String name, String description) {
	}

	/** A text that may be a link (only http, https or mailto ones are); {@code href} null when it is not. */
	record Link(String text, String href) {
	}

	/**
	 * The declaration as a street sign: each DTPR icon's meaning in words.
	 *
	 * @param pilot the pilot's area and end, null when it is not a pilot
	 * @param impactAssessment null when none is declared
	 * @param legalBasis null when the data is not personal
	 * @param consultation the public consultation's dates, null when none was opened
	 */
	record Sign(List<Element> purposes, List<Element> technology, List<Element> dataCollected,
			List<Element> processing, List<Element> access, List<Element> storage, String organisation, Link contact,
			String retention, String personalData, String legalBasis, Link privacyStatement, String accessLevel,
			List<String> sharing, String stage, String pilot, Link impactAssessment, String consultation,
			String version) {
	}

	/**
	 * The values as this reader may read them.
	 *
	 * @param shown whether the reader may read them (then the rest says what they are)
	 * @param restriction why they are not shown, null when they are
	 * @param signIn whether to offer signing in (no one is signed in)
	 * @param purposes the purposes a signed-in reader may name for a stream that is not open; empty otherwise
	 * @param ledgered that this reading was written to the access ledger, null when it was not
	 * @param latest the newest values, newest first
	 * @param chart the chart of the last days; null when there is nothing to draw
	 * @param note what the chart leaves out, null when nothing
	 */
	record Values(boolean shown, String restriction, boolean signIn, List<Choice> purposes, String ledgered,
			List<Row> latest, Chart chart, String note) {
	}

	/** An option of a select: its value, label and whether it is the one chosen. */
	record Choice(String value, String label, boolean selected) {
	}

	/** A time and a value, written for the page. */
	record Row(String time, String value) {
	}

	/**
	 * One version of the declaration.
	 *
	 * @param heading its number
	 * @param when who wrote it and when
	 * @param changes what it changed from the version before; empty for the first
	 */
	record Version(String heading, String when, List<Change> changes) {
	}

	/** A field of the declaration, as it was and as it became. */
	record Change(String field, String before, String after) {
	}

	/**
	 * Objections and questions filed on the stream.
	 *
	 * @param items the newest, newest first
	 * @param total how many there are in all, written for the page
	 * @param more whether there are more than those shown
	 */
	record Objections(List<Objection> items, String total, boolean more) {
	}

	/** One objection as the public sees it, with its status and answer. */
	record Objection(long id, String category, String text, boolean hidden, String status, String filed,
			String answer, String answered) {
	}

}
