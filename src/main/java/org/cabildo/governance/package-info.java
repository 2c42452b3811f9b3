/**
 * Governance in the data path: the public register of declarations (what each Datastream
 * collects, why, who is accountable, for how long), the refusal of undeclared collection, purpose
 * binding of reads, lifecycle stages, automatic retention, objections, and the hash-chained
 * access ledger. The base package is what other modules and the demo use; {@code ledger},
 * {@code register}, {@code retention}, {@code objections} and {@code web} are internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Governance", allowedDependencies = { "platform",
		"sensing", "identity" })
package org.cabildo.governance;
