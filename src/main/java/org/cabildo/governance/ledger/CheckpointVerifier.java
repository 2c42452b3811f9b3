package org.cabildo.governance.ledger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

import org.cabildo.governance.ledger.Verification.InvalidCheckpoint;
import org.cabildo.governance.ledger.Verification.OutsideCheckpoint;
import org.cabildo.governance.ledger.Verification.Source;
import org.springframework.stereotype.Component;

/**
 * Checks each signed checkpoint: its signature with the platform's public key, and that the
 * entry it names is still stored with the hash it signed. A chain rewritten under a checkpoint,
 * every hash recomputed, still differs there. The checkpoints kept outside the database are
 * checked the same way, and must be among the stored ones too: a rewrite that deleted the
 * stored checkpoints still differs from them.
 * <p>
 * Read in order of their entries, the checkpoints also bound the first altered entry: after the
 * last one that still holds, at or before the first one that does not.
 */
@Component
class CheckpointVerifier {

	static final String SIGNATURE_INVALID = "signature invalid";

	static final String ENTRY_MISSING = "entry missing";

	static final String HASH_DIFFERS = "entry hash differs";

	static final String NOT_STORED = "not among the stored checkpoints";

	/** A checkpoint from outside the database, or why it could not be read. */
	record Outside(Source source, Checkpoint checkpoint, String unreadable) {

		static Outside of(Source source, Checkpoint checkpoint) {
			return new Outside(source, checkpoint, null);
		}

		static Outside unreadable(Source source, String why) {
			return new Outside(source, null, why);
		}

	}

	/**
	 * What the checkpoints showed, with the bounds of the first altered entry.
	 *
	 * @param intactUpTo the last entry, before the chain's first broken one, whose signed hash holds
	 * @param differsAt the first entry whose signed hash does not hold (or is gone), null when none
	 */
	record Result(Verification.Checkpoints checkpoints, long intactUpTo, Long differsAt, boolean differsMissing) {
	}

	private final LedgerCheckpoints checkpoints;

	private final LedgerEntries entries;

	private final SigningKey key;

	CheckpointVerifier(LedgerCheckpoints checkpoints, LedgerEntries entries, SigningKey key) {
		this.checkpoints = checkpoints;
		this.entries = entries;
		this.key = key;
	}

	/**
	 * @param outside the checkpoints from outside the database, checked too
	 * @param brokenAt the chain's first broken entry ({@link Long#MAX_VALUE} when none): a
	 *        checkpoint at or after it holding says nothing of the entries before it
	 */
	Result check(List<Outside> outside, long brokenAt) {
		Tally tally = new Tally(brokenAt);
		List<OutsideCheckpoint> checkedOutside = new ArrayList<>();
		Deque<Outside> pending = new ArrayDeque<>(outside.stream()
			.filter(o -> o.checkpoint() != null)
			.sorted(Comparator.comparingLong(o -> o.checkpoint().seq()))
			.toList());
		outside.stream()
			.filter(o -> o.checkpoint() == null)
			.forEach(o -> checkedOutside.add(new OutsideCheckpoint(o.source(), null, null, null, false,
					"cannot be read: " + o.unreadable())));
		long after = 0;
		List<LedgerCheckpoints.Stored> page;
		do {
			page = checkpoints.withEntries(after, LedgerVerifier.PAGE);
			for (LedgerCheckpoints.Stored stored : page) {
				while (!pending.isEmpty() && pending.peekFirst().checkpoint().seq() <= stored.checkpoint().seq()) {
					checkedOutside.add(checkOutside(pending.removeFirst(), tally));
				}
				tally.checked++;
				String problem = problem(stored.checkpoint(), stored.storedHash());
				if (tally.firstInvalid == null && problem != null) {
					tally.firstInvalid = new InvalidCheckpoint(stored.checkpoint().seq(), problem);
				}
				tally.signed(stored.checkpoint(), problem, stored.storedHash());
				after = stored.checkpoint().seq();
			}
		}
		while (page.size() == LedgerVerifier.PAGE);
		while (!pending.isEmpty()) {
			checkedOutside.add(checkOutside(pending.removeFirst(), tally));
		}
		boolean valid = tally.firstInvalid == null && checkedOutside.stream().allMatch(OutsideCheckpoint::holds);
		return new Result(new Verification.Checkpoints(tally.checked, valid, tally.firstInvalid, List.copyOf(checkedOutside)),
				tally.intactUpTo, tally.differsAt, tally.differsMissing);
	}

	/** What does not hold of a checkpoint kept outside the database, null when it holds. */
	String problemOutside(Checkpoint checkpoint) {
		String problem = problem(checkpoint, entries.hashAt(checkpoint.seq()));
		if (problem == null && !checkpoints.holds(checkpoint.seq(), checkpoint.entryHash())) {
			return NOT_STORED;
		}
		return problem;
	}

	private OutsideCheckpoint checkOutside(Outside outside, Tally tally) {
		Checkpoint checkpoint = outside.checkpoint();
		String storedHash = entries.hashAt(checkpoint.seq());
		String problem = problem(checkpoint, storedHash);
		tally.signed(checkpoint, problem, storedHash);
		if (problem == null && !checkpoints.holds(checkpoint.seq(), checkpoint.entryHash())) {
			problem = NOT_STORED;
		}
		return new OutsideCheckpoint(outside.source(), checkpoint.seq(), checkpoint.entryHash(), checkpoint.signedAt(),
				problem == null, problem);
	}

	private String problem(Checkpoint checkpoint, String storedHash) {
		if (!key.verifies(checkpoint.message(), checkpoint.signature())) {
			return SIGNATURE_INVALID;
		}
		if (storedHash == null) {
			return ENTRY_MISSING;
		}
		if (!storedHash.equals(checkpoint.entryHash())) {
			return HASH_DIFFERS;
		}
		return null;
	}

	/** The checkpoints seen so far, in order of their entries. */
	private static final class Tally {

		private final long brokenAt;

		private long checked;

		private InvalidCheckpoint firstInvalid;

		private long intactUpTo;

		private Long differsAt;

		private boolean differsMissing;

		Tally(long brokenAt) {
			this.brokenAt = brokenAt;
		}

		/** Only a good signature tells anything of the entries. */
		void signed(Checkpoint checkpoint, String problem, String storedHash) {
			if (SIGNATURE_INVALID.equals(problem) || differsAt != null) {
				return;
			}
			if (problem == null) {
				if (checkpoint.seq() < brokenAt) {
					intactUpTo = Math.max(intactUpTo, checkpoint.seq());
				}
			}
			else {
				differsAt = checkpoint.seq();
				differsMissing = storedHash == null;
			}
		}

	}

}
