package org.cabildo.governance.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.cabildo.governance.Ledger;
import org.cabildo.identity.Caller;
import org.cabildo.identity.Role;
import org.cabildo.platform.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The ledger for other modules, read through the services its API uses: the same summary, the
 * same shared verification, the same published checkpoint, the same search with the same
 * filters and bounds. The entries are for auditors and admins, as the access rules say for the
 * API; asked here too, so that no page can become a way around them.
 */
@Component
class LedgerReader implements Ledger {

	private final LedgerSummary summary;

	private final Verifications verifications;

	private final LatestCheckpoint latest;

	private final LedgerSearch search;

	private final LedgerEntries entries;

	private final Clock clock;

	/** The last summary made here, and when. */
	private volatile KeptSummary kept;

	private record KeptSummary(Instant made, Summary summary) {
	}

	LedgerReader(LedgerSummary summary, Verifications verifications, LatestCheckpoint latest, LedgerSearch search,
			LedgerEntries entries, Clock clock) {
		this.summary = summary;
		this.verifications = verifications;
		this.latest = latest;
		this.search = search;
		this.entries = entries;
		this.clock = clock;
	}

	@Override
	public Summary summary(Duration maxAge) {
		KeptSummary recent = kept;
		if (recent != null && clock.instant().isBefore(recent.made().plus(maxAge))) {
			return recent.summary();
		}
		synchronized (this) {
			recent = kept;
			if (recent != null && clock.instant().isBefore(recent.made().plus(maxAge))) {
				return recent.summary();
			}
			Instant made = clock.instant();
			KeptSummary now = new KeptSummary(made, summary());
			kept = now;
			return now.summary();
		}
	}

	private Summary summary() {
		LedgerSummary.Summary current = summary.current();
		return new Summary(current.reads(), current.observations(), current.upToSeq(),
				current.groups()
					.stream()
					.map(g -> new Group(g.organisation(), g.purpose(), g.datastream(), g.month(), g.reads(),
							g.observations()))
					.toList(),
				current.timeZone());
	}

	@Override
	public Check verification(Duration maxAge) {
		return check(verifications.recent(maxAge));
	}

	@Override
	public Check verify() {
		return check(verifications.now());
	}

	@Override
	public Optional<SignedCheckpoint> latestCheckpoint() {
		return latest.find().map(published -> {
			Checkpoint c = published.checkpoint();
			String fingerprint = fingerprint(published.publicKey());
			return new SignedCheckpoint(c.seq(), c.entryHash(), c.signedAt(), c.signature(), published.algorithm(),
					published.publicKey(), fingerprint, published.signedMessage());
		});
	}

	@Override
	public Page entries(Filter filter) {
		requireAuditor();
		LedgerQuery query = LedgerQuery.parse(filter.kind(), filter.organisation(), filter.purpose(),
				filter.datastream(), filter.actor(), filter.from(), filter.to(), filter.limit(), null,
				filter.afterSeq());
		List<LedgerEntry> found = search.find(query);
		Long next = found.size() < query.limit() ? null : found.getLast().seq();
		return new Page(found.stream().map(LedgerReader::entry).toList(), next);
	}

	@Override
	public Optional<Details> entry(long seq) {
		requireAuditor();
		if (seq < 1) {
			return Optional.empty();
		}
		return entries.page(seq - 1, seq, 1).stream().findFirst().map(stored -> {
			String previous = seq == 1 ? LedgerEntry.GENESIS : entries.hashAt(seq - 1);
			return new Details(entry(stored), stored.canonical(), stored.computedHash().equals(stored.entryHash()),
					stored.previousHash().equals(previous));
		});
	}

	/** The SHA-256 of the key's DER bytes, as {@code openssl pkey -pubin -outform DER | sha256sum} shows it. */
	private static String fingerprint(String publicKeyBase64) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(publicKeyBase64)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
	}

	private static Entry entry(LedgerEntry e) {
		return new Entry(e.seq(), e.recordedAt(), e.kind(), e.actor(), e.organisation(), e.purpose(), e.datastreams(),
				e.rangeStart(), e.rangeEnd(), e.observations(), e.fingerprint(), e.detail(), e.previousHash(),
				e.entryHash());
	}

	private static Check check(Verification v) {
		Verification.Checkpoints signed = v.checkpoints();
		return new Check(v.valid(), v.entries(),
				v.firstBroken() == null ? null
						: new Broken(v.firstBroken().seq(), v.firstBroken().problem().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
								v.firstBroken().detail()),
				v.firstAltered() == null ? null
						: new Altered(v.firstAltered().seq(), v.firstAltered().intactUpTo(), v.firstAltered().atOrBefore(),
								v.firstAltered().detail()),
				signed.checked(),
				signed.firstInvalid() == null ? null
						: new InvalidCheckpoint(signed.firstInvalid().seq(), signed.firstInvalid().problem()),
				signed.outside().stream().map(o -> new OutsideCheckpoint(o.seq(), o.holds(), o.problem())).toList(),
				v.checkedAt());
	}

	/** As the access rules say of {@code GET /api/ledger}: auditors and admins. */
	private static void requireAuditor() {
		Caller caller = Caller.current()
			.orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED,
					"the access ledger's entries are read by auditors and admins: sign in"));
		if (!caller.hasAnywhere(Role.AUDITOR) && !caller.hasAnywhere(Role.ADMIN)) {
			throw new ApiException(HttpStatus.FORBIDDEN, "the access ledger's entries are read by auditors and admins")
				.with("rule", "ledger-readers");
		}
	}

}
