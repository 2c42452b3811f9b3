package org.cabildo.sensing.store;

/** A JSON document as stored; written to responses as it is, without parsing. */
public record RawJson(String text) {
}
