package org.cabildo.governance.ledger;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The result of recomputing the whole chain and checking its signed checkpoints.
 *
 * @param valid whether the chain and every checkpoint hold
 * @param entries how many entries were read
 * @param firstBroken the first entry that does not hold, null when none
 * @param firstAltered where the first altered entry is, from the chain and the checkpoints
 *        together, null when nothing was altered
 * @param checkpoints what the checkpoints showed
 * @param checkedAt when the verification began
 */
record Verification(boolean valid, long entries, Broken firstBroken, Altered firstAltered, Checkpoints checkpoints,
		Instant checkedAt) {

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

	/**
	 * The first altered entry, or as near as the chain and the signed checkpoints tell. A chain
	 * rewritten with every hash recomputed holds on its own: only a checkpoint's signed hash shows
	 * it, and that says the chain differs at or before the checkpoint's entry, not where.
	 *
	 * @param seq the first altered entry when known exactly, otherwise null
	 * @param intactUpTo the entries up to this one are as a checkpoint signed them (0: none known)
	 * @param atOrBefore the first altered entry is this one or one before it (after intactUpTo)
	 * @param detail the same, in plain words
	 */
	record Altered(Long seq, long intactUpTo, long atOrBefore, String detail) {
	}

	/** A checkpoint that does not hold. */
	record InvalidCheckpoint(long seq, String problem) {
	}

	/** Where a checkpoint checked against the database came from, when not from the database. */
	enum Source {

		/** The file where this node keeps the latest checkpoint it signed. */
		NODE_FILE("this node's checkpoint file"),
		/** Given with the verification by whoever asked for it. */
		SUPPLIED("supplied");

		private final String label;

		Source(String label) {
			this.label = label;
		}

		@JsonValue
		String label() {
			return label;
		}

	}

	/**
	 * A checkpoint kept outside the database, checked against it.
	 *
	 * @param seq the entry it signed, null when it could not be read
	 * @param holds whether its signature verifies and the database still holds that entry with the
	 *        signed hash, and the checkpoint among its own
	 * @param problem what does not hold, null when it does
	 */
	record OutsideCheckpoint(Source source, Long seq, String entryHash, Instant signedAt, boolean holds,
			String problem) {
	}

	/**
	 * @param checked how many checkpoints stored in the database were checked
	 * @param valid whether each has a good signature and names a stored entry by its stored hash,
	 *        and each checkpoint from outside the database holds
	 * @param firstInvalid the first stored one that does not, null when none
	 * @param outside the checkpoints from outside the database (this node's file, one supplied)
	 */
	record Checkpoints(long checked, boolean valid, InvalidCheckpoint firstInvalid, List<OutsideCheckpoint> outside) {
	}

}
