package org.cabildo.governance;

import java.util.List;

import org.cabildo.governance.Declaration.LegalBasis;
import org.cabildo.governance.Declaration.Pilot;
import org.cabildo.governance.Declaration.Retention;

/**
 * A declaration as a steward writes it (the body of {@code PUT /api/register/{datastreamId}}).
 * The accountable organisation is the Datastream's owner; the version, the time and the author
 * are set by the register. {@code stage} applies to a first declaration only ({@code lab} or
 * {@code pilot}); later changes of stage go through the stage rules.
 *
 * @param sharing each grant names an organisation (by name or id) and its purposes
 */
public record DeclarationDraft(String contact, List<String> purposes, List<String> technology, List<String> dataTypes,
		List<String> processing, List<String> access, List<String> storage, Retention retention,
		String personalDataClass, LegalBasis legalBasis, String privacyStatementUrl, String accessLevel,
		List<Grant> sharing, String stage, Pilot pilot, String impactAssessment, String summary) {

	/** @param organisation a name or an id */
	public record Grant(String organisation, List<String> purposes) {
	}

}
