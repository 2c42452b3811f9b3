package org.cabildo.governance.ledger;

import java.util.List;

import org.cabildo.governance.ledger.Verification.InvalidCheckpoint;
import org.springframework.stereotype.Component;

/**
 * Checks each signed checkpoint: its signature with the platform's public key, and that the
 * entry it names is still stored with the hash it signed. A chain rewritten under a checkpoint,
 * every hash recomputed, still differs there.
 */
@Component
class CheckpointVerifier {

	private final LedgerCheckpoints checkpoints;

	private final SigningKey key;

	CheckpointVerifier(LedgerCheckpoints checkpoints, SigningKey key) {
		this.checkpoints = checkpoints;
		this.key = key;
	}

	Verification.Checkpoints check() {
		long checked = 0;
		InvalidCheckpoint first = null;
		long after = 0;
		List<LedgerCheckpoints.Stored> page;
		do {
			page = checkpoints.withEntries(after, LedgerVerifier.PAGE);
			for (LedgerCheckpoints.Stored stored : page) {
				checked++;
				if (first == null) {
					first = problem(stored);
				}
				after = stored.checkpoint().seq();
			}
		}
		while (page.size() == LedgerVerifier.PAGE);
		return new Verification.Checkpoints(checked, first == null, first);
	}

	private InvalidCheckpoint problem(LedgerCheckpoints.Stored stored) {
		Checkpoint checkpoint = stored.checkpoint();
		if (!key.verifies(checkpoint.message(), checkpoint.signature())) {
			return new InvalidCheckpoint(checkpoint.seq(), "signature invalid");
		}
		if (stored.storedHash() == null) {
			return new InvalidCheckpoint(checkpoint.seq(), "entry missing");
		}
		if (!stored.storedHash().equals(checkpoint.entryHash())) {
			return new InvalidCheckpoint(checkpoint.seq(), "entry hash differs");
		}
		return null;
	}

}
