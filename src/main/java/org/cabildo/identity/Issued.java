package org.cabildo.identity;

import java.time.Instant;

/**
 * A token or device credential just created: its secret is shown this once and never stored.
 *
 * @param expiresAt null: it does not expire
 */
public record Issued(long id, String name, String secret, Instant expiresAt) {

	@Override
	public String toString() {
		return "Issued[id=" + id + ", name=" + name + ", expiresAt=" + expiresAt + "]";
	}

}
