package org.cabildo.portal;

import java.util.List;

/**
 * The console's entry page: who is signed in, their roles in each organisation, and the consoles
 * those roles open (only those).
 *
 * @param name the signed-in person
 * @param roles their roles, by organisation
 * @param steward whether the steward console is theirs (a steward of some organisation)
 * @param operator whether the operator console is theirs (an operator or admin of some organisation)
 * @param auditor whether the auditor's view is theirs (an auditor or admin, as its access rule says)
 */
record ConsoleEntry(String name, List<Membership> roles, boolean steward, boolean operator, boolean auditor) {

	/** An organisation and the person's roles in it, in the page's language. */
	record Membership(String organisation, String roles) {
	}

	public boolean nothing() {
		return !steward && !operator && !auditor;
	}

}
