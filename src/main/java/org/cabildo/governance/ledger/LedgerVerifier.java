package org.cabildo.governance.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cabildo.governance.ledger.CheckpointVerifier.Outside;
import org.cabildo.governance.ledger.Verification.Altered;
import org.cabildo.governance.ledger.Verification.Broken;
import org.cabildo.governance.ledger.Verification.Problem;
import org.cabildo.governance.ledger.Verification.Source;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recomputes the chain from its first entry, a page at a time (never the whole ledger in
 * memory), and checks the signed checkpoints against it: those stored in the database, the one
 * this node keeps outside it, and one the caller supplies. Reads only up to the head as it was
 * when the verification began, so that appends meanwhile are neither a problem nor checked.
 */
@Component
class LedgerVerifier {

	static final int PAGE = 1000;

	private final LedgerEntries entries;

	private final CheckpointVerifier checkpoints;

	private final CheckpointFile file;

	private final JdbcClient jdbc;

	private final Clock clock;

	LedgerVerifier(LedgerEntries entries, CheckpointVerifier checkpoints, CheckpointFile file, JdbcClient jdbc,
			Clock clock) {
		this.entries = entries;
		this.checkpoints = checkpoints;
		this.file = file;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Verification verify() {
		return verify(Optional.empty());
	}

	/** Verifies the ledger, and holds it to {@code supplied} as well when one is given. */
	Verification verify(Optional<Checkpoint> supplied) {
		Instant checkedAt = clock.instant();
		Head head = entries.head();
		Walk walk = walk(Head.START, head);
		List<Outside> outside = new ArrayList<>();
		try {
			file.read().ifPresent(kept -> outside.add(Outside.of(Source.NODE_FILE, kept)));
		}
		catch (IllegalStateException e) {
			outside.add(Outside.unreadable(Source.NODE_FILE, e.getMessage()));
		}
		supplied.ifPresent(checkpoint -> outside.add(Outside.of(Source.SUPPLIED, checkpoint)));
		CheckpointVerifier.Result signed = checkpoints.check(outside,
				walk.broken() == null ? Long.MAX_VALUE : walk.broken().seq());
		return new Verification(walk.broken() == null && signed.checkpoints().valid(), walk.count(), walk.broken(),
				altered(walk, signed), signed.checkpoints(), checkedAt);
	}

	/**
	 * The first altered entry is after the last entry a checkpoint still vouches for, and at or
	 * before both the chain's first broken entry and the first entry a checkpoint no longer
	 * matches (or, when that entry is gone, the one after the ledger's end).
	 */
	private static Altered altered(Walk walk, CheckpointVerifier.Result signed) {
		Long differs = signed.differsAt();
		if (walk.broken() == null && differs == null) {
			return null;
		}
		long upper = Long.MAX_VALUE;
		String why = null;
		String what = "altered";
		if (differs != null) {
			upper = signed.differsMissing() ? Math.min(differs, walk.last() + 1) : differs;
			why = signed.differsMissing()
					? "the checkpoint of entry " + differs + " signed an entry the ledger no longer holds: it ends at entry "
							+ walk.last()
					: "the checkpoint of entry " + differs + " signed another hash for it";
			what = signed.differsMissing() && upper == walk.last() + 1 ? "removed" : what;
		}
		if (walk.broken() != null && walk.broken().seq() < upper) {
			upper = walk.broken().seq();
			why = "entry " + upper + ": " + walk.broken().problem().label();
			what = "altered";
		}
		long lower = Math.min(signed.intactUpTo(), upper - 1);
		String intact = lower == 0 ? "no checkpoint vouches for an entry before it"
				: "the entries up to " + lower + " are as the checkpoint of entry " + lower + " signed them";
		if (upper == lower + 1) {
			return new Altered(upper, lower, upper,
					"entry " + upper + " is the first " + what + " (" + why + "; " + intact + ")");
		}
		return new Altered(null, lower, upper, "the first " + what + " entry is one of " + (lower + 1) + " to " + upper
				+ " (" + why + "; " + intact + "); the chain alone cannot tell which");
	}

	/** The first problem of the entries after {@code from} up to {@code to}, which must be the last of them. */
	Optional<Broken> firstBroken(Head from, Head to) {
		return Optional.ofNullable(walk(from, to).broken());
	}

	/** @param last the last entry read (0 when none) */
	private record Walk(long count, Broken broken, long last) {
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
		return new Walk(count, broken, last.seq());
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
