package org.cabildo.governance.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.cabildo.governance.GovernanceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Signs a checkpoint of the head every {@code cabildo.governance.ledger.checkpoint-interval}
 * when it moved. Only the entries since the last checkpoint are verified first, so the job stays
 * cheap however long the ledger grows, and a broken chain is never signed.
 */
@Component
class CheckpointJob implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(CheckpointJob.class);

	private final LedgerEntries entries;

	private final LedgerCheckpoints checkpoints;

	private final LedgerVerifier verifier;

	private final SigningKey key;

	private final Clock clock;

	private final GovernanceSettings settings;

	CheckpointJob(LedgerEntries entries, LedgerCheckpoints checkpoints, LedgerVerifier verifier, SigningKey key,
			Clock clock, GovernanceSettings settings) {
		this.entries = entries;
		this.checkpoints = checkpoints;
		this.verifier = verifier;
		this.key = key;
		this.clock = clock;
		this.settings = settings;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		var interval = settings.ledger().checkpointInterval();
		registrar.addFixedDelayTask(new FixedDelayTask(this::checkpointLogged, interval, interval));
	}

	private void checkpointLogged() {
		try {
			checkpoint();
		}
		catch (RuntimeException e) {
			log.warn("No ledger checkpoint this time: {}", e.toString());
		}
	}

	/** Signs the head if it moved since the last checkpoint and the entries since then hold. */
	Optional<Checkpoint> checkpoint() {
		Head head = entries.head();
		Head last = checkpoints.latest().map(c -> new Head(c.seq(), c.entryHash())).orElse(Head.START);
		if (head.seq() <= last.seq()) {
			return Optional.empty();
		}
		var broken = verifier.firstBroken(last, head);
		if (broken.isPresent()) {
			log.error("The ledger is broken at entry {} ({}): no checkpoint is signed", broken.get().seq(),
					broken.get().problem().label());
			return Optional.empty();
		}
		Instant signedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Checkpoint checkpoint = new Checkpoint(head.seq(), head.entryHash(), signedAt,
				key.sign(Checkpoint.message(head.seq(), head.entryHash(), signedAt)));
		return checkpoints.add(checkpoint) ? Optional.of(checkpoint) : Optional.empty();
	}

}
