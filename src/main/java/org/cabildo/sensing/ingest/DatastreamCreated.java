package org.cabildo.sensing.ingest;

/**
 * A Datastream was created, published inside the transaction that creates it (unlike
 * {@link EntityChanged}), so that a listener can add what must exist with it before anything
 * is written into it in the same request (a deep insert with Observations).
 */
public record DatastreamCreated(long id) {
}
