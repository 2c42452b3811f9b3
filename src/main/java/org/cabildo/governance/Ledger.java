package org.cabildo.governance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The access ledger as other modules read it (the portal's pages), through the same services as
 * its API: anyone reads its summary, its verification and its latest signed checkpoint (what
 * {@code GET /api/ledger/summary}, {@code /api/ledger/verify} and
 * {@code /api/ledger/checkpoints/latest} answer); auditors and admins read its entries, with the
 * filters and bounds of {@code GET /api/ledger}.
 */
public interface Ledger {

	/**
	 * The public summary, as {@code GET /api/ledger/summary} answers it, no older than
	 * {@code maxAge}: the last one made here when recent enough (the same object, for every
	 * reader), otherwise a new one, one at a time. A page's visitors so cost nothing that grows
	 * with the ledger; the summary says which entry it counts up to.
	 */
	Summary summary(Duration maxAge);

	/**
	 * A verification of the whole chain no older than {@code maxAge}: the last one made (by anyone,
	 * through the API or here) when it is recent enough, otherwise a new one, shared with any
	 * already running (as {@code GET /api/ledger/verify} shares it).
	 */
	Check verification(Duration maxAge);

	/** A verification begun now, or the one running now, shared as {@code GET /api/ledger/verify} shares it. */
	Check verify();

	/** The latest signed checkpoint, as {@code GET /api/ledger/checkpoints/latest} publishes it; empty before the first. */
	Optional<SignedCheckpoint> latestCheckpoint();

	/**
	 * Entries newest first, filtered and paged as {@code GET /api/ledger} does (the same
	 * parameters, the same refusals: 400 naming the parameter); for auditors and admins only.
	 */
	Page entries(Filter filter);

	/** One entry with what verifies it; for auditors and admins only. */
	Optional<Details> entry(long seq);

	/**
	 * Reads of personal data per organisation, purpose, datastream and month of the city's calendar.
	 *
	 * @param upToSeq the last entry counted
	 * @param timeZone the IANA zone whose calendar months the groups' months are
	 */
	record Summary(long reads, long observations, long upToSeq, List<Group> groups, String timeZone) {
	}

	/**
	 * A read of several datastreams counts, with all its observations, toward each.
	 *
	 * @param month {@code yyyy-MM}
	 */
	record Group(Long organisation, String purpose, Long datastream, String month, long reads, long observations) {
	}

	/**
	 * The result of recomputing the whole chain and checking its signed checkpoints.
	 *
	 * @param firstBroken the first entry that does not hold, null when none
	 * @param firstAltered where the first altered entry is, null when nothing was altered
	 * @param checkpoints how many checkpoints stored in the database were checked
	 * @param firstInvalidCheckpoint the first of those that does not hold, null when none
	 * @param outside the checkpoints kept outside the database (this node's file), checked too
	 * @param checkedAt when the verification began
	 */
	record Check(boolean valid, long entries, Broken firstBroken, Altered firstAltered, long checkpoints,
			InvalidCheckpoint firstInvalidCheckpoint, List<OutsideCheckpoint> outside, Instant checkedAt) {
	}

	/**
	 * @param problem one of {@code content-changed}, {@code missing-before}, {@code out-of-order},
	 *        {@code chain-broken}, {@code missing}
	 * @param detail the same, in English
	 */
	record Broken(long seq, String problem, String detail) {
	}

	/**
	 * @param seq the first altered entry when known exactly, otherwise null
	 * @param intactUpTo the entries up to this one are as a checkpoint signed them (0: none known)
	 * @param atOrBefore the first altered entry is this one or one before it
	 */
	record Altered(Long seq, long intactUpTo, long atOrBefore, String detail) {
	}

	record InvalidCheckpoint(long seq, String problem) {
	}

	/** @param seq the entry it signed, null when it could not be read */
	record OutsideCheckpoint(Long seq, boolean holds, String problem) {
	}

	/**
	 * A signed checkpoint with what verifies it.
	 *
	 * @param publicKey the public key, X.509 SubjectPublicKeyInfo in base64
	 * @param keyFingerprint the SHA-256 of the public key's DER bytes, in lower-case hex
	 * @param signedMessage the exact text the signature is over (UTF-8)
	 */
	record SignedCheckpoint(long seq, String entryHash, Instant signedAt, String signature, String algorithm,
			String publicKey, String keyFingerprint, String signedMessage) {
	}

	/**
	 * What an auditor filters by, as the query parameters of {@code GET /api/ledger} are given
	 * (each null or blank when not given): {@code organisation} and {@code datastream} are ids,
	 * {@code from} (inclusive) and {@code to} (exclusive) ISO-8601 instants, {@code limit} 1 to
	 * 1000, {@code afterSeq} continues after that entry.
	 */
	record Filter(String kind, String organisation, String purpose, String datastream, String actor, String from,
			String to, String limit, String afterSeq) {
	}

	/** @param nextAfterSeq the afterSeq of the next page, null when this one is the last */
	record Page(List<Entry> entries, Long nextAfterSeq) {
	}

	/** One entry as stored. */
	record Entry(long seq, Instant recordedAt, String kind, String actor, Long organisation, String purpose,
			List<Long> datastreams, Instant rangeStart, Instant rangeEnd, long observations, String fingerprint,
			String detail, String previousHash, String entryHash) {
	}

	/**
	 * An entry with what verifies it.
	 *
	 * @param canonical the exact text its hash is the SHA-256 of
	 * @param hashHolds whether that SHA-256 is the stored hash
	 * @param previousHolds whether its previous hash is the stored hash of the entry before it
	 *        (the genesis hash for the first); false when that entry is gone
	 */
	record Details(Entry entry, String canonical, boolean hashHolds, boolean previousHolds) {
	}

}
