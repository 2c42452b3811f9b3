package org.cabildo.identity;

import java.time.Instant;

/** A personal API token as listed: never its secret. */
public record Token(long id, long person, String name, Instant createdAt, Instant expiresAt, Instant revokedAt) {
}
