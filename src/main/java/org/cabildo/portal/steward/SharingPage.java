package org.cabildo.portal.steward;

import java.util.List;
import java.util.Set;

/**
 * The organisations a stream is shared with, each for some of its declared purposes, with the
 * forms to share it with another and to stop sharing; in the page's language.
 *
 * @param accessLevel the stream's access level, in words (only a restricted stream is shared)
 * @param restricted whether the stream is restricted
 * @param done what the page confirms was just done, in words; null for nothing
 * @param purposes the stream's declared purposes, to choose from for a new grant
 */
public record SharingPage(long datastream, String name, String accessLevel, boolean restricted, List<Grant> grants,
		String done, GrantForm form, List<Option> purposes, FieldProblems problems, Set<String> anchored) {

	/** A grant: the organisation, and the purposes it may read for, in words. */
	public record Grant(long organisationId, String organisation, String purposes) {
	}

}
