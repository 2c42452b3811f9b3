package org.cabildo.portal;

import java.util.List;

/**
 * What a report's page shows ({@code /reports/{id}}): what was reported, where, who must answer and
 * by when, the office's public notes; never who filed it. Every word and time already in the
 * page's language and the city's time zone.
 *
 * @param district the district's name; null when the report is in none
 * @param districtId the district's code, for its page; null when in none
 * @param point the pin's latitude and longitude, written out; null without one
 * @param expected when the office is expected to answer; null when the service says nothing
 * @param answered when the office first answered; null when it has not
 * @param late whether the answer came, or is still awaited, after the time expected
 * @param closed when it was closed; null while open
 * @param answers the answers to the service's questions, in the service's order
 * @param sameProblem the open report of the same problem nearby offered at filing; null if none
 */
record ReportPage(long id, String service, String serviceDescription, String status, boolean open,
		String description, String district, String districtId, String address, String point, String office,
		String filed, String expected, String answered, boolean late, String closed, List<Answer> answers,
		List<Note> notes, Long sameProblem) {

	/** A question of the service and the answer given. */
	record Answer(String question, String answer) {
	}

	/** A public note of the office: when, the status it left, what it says, who wrote it. */
	record Note(String at, String status, String text, String author) {
	}

}
