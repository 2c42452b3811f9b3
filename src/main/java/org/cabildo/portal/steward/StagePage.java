package org.cabildo.portal.steward;

import java.util.List;
import java.util.Set;

/**
 * A stream's stage and the moves it may make: the stages it may go to, the form to ask for one,
 * the public consultation before the city stage; a refused move says the rule that blocks it.
 *
 * @param stage the current stage, in the page's language
 * @param pilot the running pilot's end, in words; null without one
 * @param consultation the public consultation's dates, in words; null before one is opened
 * @param done what the page confirms was just done (a move, a consultation opened), in words; null for nothing
 * @param targets the stages the stream may be moved to (empty once retired)
 * @param offersPilot whether the pilot's area and end date are asked (the stream is in the lab)
 * @param offersConsultation whether a consultation may be opened (lab or pilot)
 * @param consultationDays how long a consultation runs, in the page's language
 */
public record StagePage(long datastream, String name, String stage, String pilot, String consultation, String done,
		List<Option> targets, StageForm form, FieldProblems problems, Set<String> anchored, boolean offersPilot,
		boolean offersConsultation, String consultationDays) {
}
