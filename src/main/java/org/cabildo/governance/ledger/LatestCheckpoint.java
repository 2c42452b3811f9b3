package org.cabildo.governance.ledger;

import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * The latest signed checkpoint as it is published ({@code GET /api/ledger/checkpoints/latest}):
 * this node's file, or a later one another node stored; only what the key verifies.
 */
@Component
class LatestCheckpoint {

	private final LedgerCheckpoints checkpoints;

	private final SigningKey key;

	private final CheckpointFile file;

	LatestCheckpoint(LedgerCheckpoints checkpoints, SigningKey key, CheckpointFile file) {
		this.checkpoints = checkpoints;
		this.key = key;
		this.file = file;
	}

	Optional<PublishedCheckpoint> find() {
		Optional<Checkpoint> kept;
		try {
			kept = file.read();
		}
		catch (IllegalStateException e) {
			kept = Optional.empty();
		}
		return Stream.concat(kept.stream(), checkpoints.latest().stream())
			.filter(c -> key.verifies(c.message(), c.signature()))
			.max(Comparator.comparingLong(Checkpoint::seq))
			.map(c -> PublishedCheckpoint.of(c, key));
	}

}
