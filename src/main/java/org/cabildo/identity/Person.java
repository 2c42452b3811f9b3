package org.cabildo.identity;

import java.util.List;

/** A person with a built-in account, and the roles they hold. */
public record Person(long id, String username, long organisation, List<Grant> roles) {

	/** A role held in an organisation. */
	public record Grant(long organisation, Role role) {
	}

}
