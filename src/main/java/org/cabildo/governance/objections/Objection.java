package org.cabildo.governance.objections;

import java.time.Instant;

/**
 * An objection or question filed on a declaration, as stored.
 *
 * @param organisationId the organisation that owned the Datastream when it was filed, and answers
 * @param contact how to reach the filer, if given: shown to that organisation's stewards only
 * @param firstAnsweredAt when a steward first answered (the answer-time statistics count from filing to this)
 * @param answeredAt when the latest answer was given
 * @param hiddenReason why an administrator hid the text, null while it is shown
 */
public record Objection(long id, long datastreamId, long organisationId, Category category, String text,
		String contact, Status status, Instant filedAt, String answer, String answeredBy, Instant firstAnsweredAt,
		Instant answeredAt, String hiddenReason, String hiddenBy) {

	/** What the public sees, and the contact only when {@code withContact}. */
	public ObjectionView view(boolean withContact) {
		String shown = hiddenReason == null ? text : "[hidden by an administrator: " + hiddenReason + "]";
		return new ObjectionView(id, datastreamId, category, shown, hiddenReason != null, status, answer, filedAt,
				firstAnsweredAt, answeredAt, withContact ? contact : null);
	}

}
