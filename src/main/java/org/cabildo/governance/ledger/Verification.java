package org.cabildo.governance.ledger;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The result of recomputing the whole chain and checking its signed checkpoints.
 *
 * @param valid whether the chain and every checkpoint hold
 * @param entries how many entries were read
 * @param firstBroken the first entry that does not hold, null when none
 * @param checkpoints what the checkpoints showed
 * @param checkedAt when the verification began
 */
record Verification(boolean valid, long entries, Broken firstBroken, Checkpoints checkpoints, Instant checkedAt) {

	/** What can be wrong with an entry. */
	enum Problem {

		/** Its stored hash is not the hash of its stored content. */
		CONTENT_CHANGED("content changed"),
		/** The entry with the sequence number before it is gone. */
		MISSING_BEFORE("missing entry before it"),
		/** Its content and hash are intact but belong to another sequence number. */
		OUT_OF_ORDER("out of order"),
		/** Its previous hash is not the stored hash of the entry before it (or the head does not name it). */
		CHAIN_BROKEN("chain broken"),
		/** The head names an entry that is not there: the last entries were removed. */
		MISSING("missing entry");

		private final String label;

		Problem(String label) {
			this.label = label;
		}

		@JsonValue
		String label() {
			return label;
		}

	}

	/** The first entry that does not hold: its sequence number, the problem, in plain words. */
	record Broken(long seq, Problem problem, String detail) {
	}

	/** A checkpoint that does not hold. */
	record InvalidCheckpoint(long seq, String problem) {
	}

	/**
	 * @param checked how many checkpoints were checked
	 * @param valid whether each has a good signature and names a stored entry by its stored hash
	 * @param firstInvalid the first that does not, null when none
	 */
	record Checkpoints(long checked, boolean valid, InvalidCheckpoint firstInvalid) {
	}

}
