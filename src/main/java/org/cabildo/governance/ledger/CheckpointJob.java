package org.cabildo.governance.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.cabildo.governance.GovernanceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs a checkpoint of the head as soon as the ledger has its first entry, at start, and then
 * every {@code cabildo.governance.ledger.checkpoint-interval} when it moved, so that no stretch
 * of the ledger goes unsigned for longer than that (removing its newest entries shows against
 * the last checkpoint). Only the entries since the last checkpoint are verified first, so the job
 * stays cheap however long the ledger grows, and a broken chain is never signed; nor is a chain
 * that no longer matches the checkpoint this node keeps outside the database, which would
 * otherwise be overwritten by a checkpoint of the rewrite.
 */
@Component
class CheckpointJob implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(CheckpointJob.class);

	private final LedgerEntries entries;

	private final LedgerCheckpoints checkpoints;

	private final LedgerVerifier verifier;

	private final CheckpointVerifier signed;

	private final CheckpointFile file;

	private final SigningKey key;

	private final Clock clock;

	private final GovernanceSettings settings;

	private final TransactionTemplate ownTransaction;

	CheckpointJob(LedgerEntries entries, LedgerCheckpoints checkpoints, LedgerVerifier verifier,
			CheckpointVerifier signed, CheckpointFile file, SigningKey key, Clock clock, GovernanceSettings settings,
			PlatformTransactionManager transactions) {
		this.entries = entries;
		this.checkpoints = checkpoints;
		this.verifier = verifier;
		this.signed = signed;
		this.file = file;
		this.key = key;
		this.clock = clock;
		this.settings = settings;
		// the first entry's checkpoint is signed on the thread that appended it, maybe inside a
		// transaction of its caller: the checkpoint commits on its own, before the file is written
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		var interval = settings.ledger().checkpointInterval();
		registrar.addFixedDelayTask(new FixedDelayTask(this::checkpointLogged, interval, Duration.ZERO));
	}

	@EventListener
	void firstEntry(LedgerEntries.FirstEntry appended) {
		checkpointLogged();
	}

	private void checkpointLogged() {
		try {
			checkpoint();
		}
		catch (RuntimeException e) {
			log.warn("No ledger checkpoint this time: {}", e.toString());
		}
	}

	/**
	 * Signs the head if it moved since the last checkpoint and the entries since then hold; keeps
	 * it in this node's checkpoint file too. Empty when nothing was signed, or when another node
	 * stored a checkpoint of the same entry first.
	 */
	Optional<Checkpoint> checkpoint() {
		Optional<Signed> made = ownTransaction.execute(status -> sign());
		made.ifPresent(m -> file.keep(PublishedCheckpoint.of(m.checkpoint(), key)));
		return made.filter(Signed::stored).map(Signed::checkpoint);
	}

	private record Signed(Checkpoint checkpoint, boolean stored) {
	}

	private Optional<Signed> sign() {
		Optional<Checkpoint> kept = file.read();
		String differs = kept.map(signed::problemOutside).orElse(null);
		if (differs != null) {
			log.error("The ledger does not match the checkpoint of entry {} kept in {} ({}): no checkpoint is signed",
					kept.get().seq(), file.path(), differs);
			return Optional.empty();
		}
		Head head = entries.head();
		Head last = checkpoints.latest().map(Checkpoint::head).orElse(Head.START);
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
		// not stored: another node signed this entry first; it is the same entry and hash, so it is kept here too
		return Optional.of(new Signed(checkpoint, checkpoints.add(checkpoint)));
	}

}
