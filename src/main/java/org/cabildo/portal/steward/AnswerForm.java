package org.cabildo.portal.steward;

import org.cabildo.governance.objections.Objections;

/** A steward's answer to an objection as a browser sends it (the body of the API's answer endpoint). */
public record AnswerForm(String outcome, String text) {

	static final AnswerForm EMPTY = new AnswerForm(null, "");

	Objections.Answer answer() {
		return new Objections.Answer(text, outcome);
	}

}
