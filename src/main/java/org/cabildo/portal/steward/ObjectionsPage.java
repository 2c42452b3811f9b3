package org.cabildo.portal.steward;

import java.util.List;

/**
 * The objections waiting for the steward: open (no answer yet) or answered (no outcome yet), on
 * the streams of their organisations, oldest first, each with a form to answer it.
 *
 * @param count how many wait
 * @param answered the confirmation of an answer just published; null for none
 * @param refused an objection whose answer was just refused, with the answer sent and why; null for none
 */
public record ObjectionsPage(long count, List<Item> items, Paging paging, String answered, Item refused) {

	/**
	 * One objection and its answer form.
	 *
	 * @param stream the stream's name (its Thing's and its own)
	 * @param text what was filed; null when an administrator hid it
	 * @param contact how to reach who filed it, if they said (for the owner's stewards only)
	 * @param answer the answer given so far; null for none
	 * @param outcomes what the answer may make of it
	 */
	public record Item(long id, long datastream, String stream, String filed, String category, String text,
			String contact, String status, String answer, List<Option> outcomes, AnswerForm form,
			FieldProblems problems) {

		/** The id of a field of this objection's form, unique in the page. */
		public String field(String name) {
			return name + "-" + id;
		}

	}

}
