/**
 * Objections and questions on declarations, and the stage rules they take part in. Exposed as
 * the named interface {@code objections} to the portal, whose steward console answers objections
 * and moves stages through these same services, as the API does.
 */
@org.springframework.modulith.NamedInterface("objections")
package org.cabildo.governance.objections;
