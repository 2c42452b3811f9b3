package org.cabildo.identity;

import java.time.Instant;
import java.util.List;

/** A device credential as listed (never its secret), with the datastreams it may write to. */
public record Device(long id, String name, long organisation, Instant createdAt, Instant expiresAt,
		Instant revokedAt, List<Long> datastreams) {
}
