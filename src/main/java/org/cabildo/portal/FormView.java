package org.cabildo.portal;

import java.util.List;

/**
 * The objection form as the card shows it: what was typed, each problem at its field (null when
 * there is none), the problem with the form as a whole, and its signed issue time.
 *
 * @param issued the form's token ({@link FormTokens})
 * @param filed the reference of the objection just filed from this browser, null if none
 */
record FormView(String issued, List<Card.Choice> categories, String text, String contact, String problem,
		String categoryProblem, String textProblem, String contactProblem, String filed) {

	/** Whether any problem is shown. */
	public boolean refused() {
		return problem != null || categoryProblem != null || textProblem != null || contactProblem != null;
	}

}
