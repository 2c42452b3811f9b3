package org.cabildo.governance;

/**
 * A Datastream (or MultiDatastream) with no declaration: it collects nothing, and the register
 * lists it as such so that nothing is hidden.
 *
 * @param entitySet {@code Datastreams} or {@code MultiDatastreams}
 */
public record UndeclaredStream(long datastream, String name, String entitySet, long thing, long organisationId,
		String organisation) {
}
