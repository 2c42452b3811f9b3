package org.cabildo.governance;

/**
 * A Datastream with no declaration: it collects nothing, and the register lists it as such so
 * that nothing is hidden.
 */
public record UndeclaredStream(long datastream, String name, long thing, long organisationId, String organisation) {
}
