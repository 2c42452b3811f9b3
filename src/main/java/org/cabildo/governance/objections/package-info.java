/**
 * Objections and questions on declarations, the stage rules they take part in, and how quickly
 * organisations answer them: filed by anyone, answered by stewards. A named interface, so that
 * the portal files, shows and answers them, and moves stages, through the same services as the API.
 */
@org.springframework.modulith.NamedInterface("objections")
package org.cabildo.governance.objections;
