package org.cabildo.identity;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A person with a built-in account, and the roles they hold. */
public record Person(long id, String username, long organisation, List<Grant> roles) {

	/** The organisations this person belongs to: their own and every one they hold a role in, in id order. */
	public Set<Long> organisations() {
		Set<Long> all = new TreeSet<>();
		all.add(organisation);
		roles.forEach(grant -> all.add(grant.organisation()));
		return all;
	}

	/** A role held in an organisation. */
	public record Grant(long organisation, Role role) {
	}

}
