package org.cabildo.governance.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.cabildo.governance.ledger.Verification.Broken;
import org.cabildo.governance.ledger.Verification.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recomputes the chain from its first entry, a page at a time (never the whole ledger in
 * memory), and checks the signed checkpoints against it. Reads only up to the head as it was
 * when the verification began, so that appends meanwhile are neither a problem nor checked.
 */
@Component
class LedgerVerifier {

	static final int PAGE = 1000;

	private final LedgerEntries entries;

	private final CheckpointVerifier checkpoints;

	private final JdbcClient jdbc;

	private final Clock clock;

	LedgerVerifier(LedgerEntries entries, CheckpointVerifier checkpoints, JdbcClient jdbc, Clock clock) {
		this.entries = entries;
		this.checkpoints = checkpoints;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Verification verify() {
		Instant checkedAt = clock.instant();
		Head head = entries.head();
		Walk walk = walk(Head.START, head);
		Verification.Checkpoints signed = checkpoints.check();
		return new Verification(walk.broken() == null && signed.valid(), walk.count(), walk.broken(), signed, checkedAt);
	}

	/** The first problem of the entries after {@code from} up to {@code to}, which must be the last of them. */
	Optional<Broken> firstBroken(Head from, Head to) {
		return Optional.ofNullable(walk(from, to).broken());
	}

	private record Walk(long count, Broken broken) {
	}

	private Walk walk(Head from, Head head) {
		long count = 0;
		Broken broken = null;
		Head last = from;
		List<LedgerEntry> page;
		do {
			page = entries.page(last.seq(), head.seq(), PAGE);
			for (LedgerEntry entry : page) {
				count++;
				if (broken == null) {
					broken = check(entry, last);
				}
				last = new Head(entry.seq(), entry.entryHash());
			}
		}
		while (page.size() == PAGE);
		if (broken == null) {
			broken = checkHead(head, last);
		}
		return new Walk(count, broken);
	}

	/** What is wrong with an entry that follows {@code previous}, null when nothing. */
	private Broken check(LedgerEntry entry, Head previous) {
		if (entry.seq() != previous.seq() + 1) {
			return new Broken(entry.seq(), Problem.MISSING_BEFORE, "there is no entry " + (previous.seq() + 1));
		}
		if (!entry.computedHash().equals(entry.entryHash())) {
			return originalSeq(entry).filter(seq -> entry.withSeq(seq).computedHash().equals(entry.entryHash()))
				.map(seq -> new Broken(entry.seq(), Problem.OUT_OF_ORDER, "this entry was recorded as entry " + seq))
				.orElseGet(() -> new Broken(entry.seq(), Problem.CONTENT_CHANGED,
						"the stored hash is not the hash of the stored content"));
		}
		if (!entry.previousHash().equals(previous.entryHash())) {
			return new Broken(entry.seq(), Problem.CHAIN_BROKEN,
					"its previous hash is not the hash of entry " + previous.seq());
		}
		return null;
	}

	/** The head is written with each append: a removed last entry or a rewritten end shows there. */
	private static Broken checkHead(Head head, Head last) {
		if (head.seq() > last.seq()) {
			return new Broken(last.seq() + 1, Problem.MISSING,
					"the ledger ends at entry " + last.seq() + " but its head names entry " + head.seq());
		}
		if (!head.entryHash().equals(last.entryHash())) {
			return new Broken(last.seq(), Problem.CHAIN_BROKEN, "the head names another hash for this entry");
		}
		return null;
	}

	/** The sequence number an entry was recorded with: one after the entry its previous hash names. */
	private Optional<Long> originalSeq(LedgerEntry entry) {
		if (entry.previousHash().equals(LedgerEntry.GENESIS)) {
			return Optional.of(1L);
		}
		// Only on a broken entry, so a scan of the hashes costs nothing while the ledger holds.
		return jdbc.sql("SELECT seq FROM ledger_entries WHERE entry_hash = ? FETCH FIRST 1 ROWS ONLY")
			.param(entry.previousHash())
			.query(Long.class)
			.optional()
			.map(seq -> seq + 1);
	}

}
