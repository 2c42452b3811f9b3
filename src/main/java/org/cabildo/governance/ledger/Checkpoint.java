package org.cabildo.governance.ledger;

import java.time.Instant;

/**
 * A signed statement that the chain ended at {@code seq} with {@code entryHash}.
 * <p>
 * The signature is Ed25519 over the UTF-8 bytes of {@link #FORMAT}: the lines
 * {@code cabildo-ledger-checkpoint}, the sequence number in decimal, the entry hash in lower-case
 * hex and the signing time in ISO-8601 UTC to the millisecond ({@link Instant#toString()}, as in
 * {@code signedAt}), separated by a single {@code \n}, with no newline at the end.
 *
 * @param signature base64 of the 64-byte signature
 */
record Checkpoint(long seq, String entryHash, Instant signedAt, String signature) {

	static final String FORMAT = "cabildo-ledger-checkpoint\\n{seq}\\n{entryHash}\\n{signedAt}";

	static String message(long seq, String entryHash, Instant signedAt) {
		return "cabildo-ledger-checkpoint\n" + seq + "\n" + entryHash + "\n" + signedAt;
	}

	String message() {
		return message(seq, entryHash, signedAt);
	}

}
