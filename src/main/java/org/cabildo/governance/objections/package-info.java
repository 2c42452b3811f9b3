/**
 * Objections and questions on declarations, and how quickly organisations answer them: filed by
 * anyone, answered by stewards. A named interface, so that the portal files and shows them
 * through the same service as the API.
 */
@org.springframework.modulith.NamedInterface("objections")
package org.cabildo.governance.objections;
