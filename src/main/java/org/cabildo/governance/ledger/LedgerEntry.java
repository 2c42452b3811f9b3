package org.cabildo.governance.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.governance.LedgerEvent;

import tools.jackson.databind.json.JsonMapper;

/**
 * One entry of the access ledger as stored. Its hash is the SHA-256 of its canonical content,
 * which includes the previous entry's hash: changing, removing or reordering an entry breaks
 * every hash after it.
 * <p>
 * Canonical content: a JSON object with exactly these keys in this (alphabetical) order, no
 * whitespace, absent values as {@code null}, times as ISO-8601 UTC to the millisecond, datastream
 * ids ascending: {@code actor, datastreams, detail, fingerprint, kind, observations,
 * organisation, previousHash, purpose, rangeEnd, rangeStart, recordedAt, seq}.
 */
public record LedgerEntry(long seq, Instant recordedAt, String kind, String actor, Long organisation,
		String purpose, List<Long> datastreams, Instant rangeStart, Instant rangeEnd, long observations,
		String fingerprint, String detail, String previousHash, String entryHash) {

	/** The hash before the first entry. */
	public static final String GENESIS = "0".repeat(64);

	private static final JsonMapper JSON = JsonMapper.shared();

	/** The entry an event becomes after {@code previousHash}, hashed. */
	static LedgerEntry of(long seq, Instant recordedAt, LedgerEvent event, String previousHash) {
		// Cut and rounded as the table keeps them, so that what is hashed is what is stored.
		LedgerEntry unhashed = new LedgerEntry(seq, millis(recordedAt), cut(event.kind(), 40), cut(event.actor(), 200),
				event.organisation(), cut(event.purpose(), 60), List.copyOf(event.datastreams()),
				millis(event.rangeStart()), millis(event.rangeEnd()), event.observations(), event.fingerprint(),
				cut(event.detail(), 2000), previousHash, null);
		return unhashed.withHash(unhashed.computedHash());
	}

	/** The canonical content this entry's hash is taken of. */
	public String canonical() {
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("actor", actor);
		content.put("datastreams", datastreams.stream().sorted().toList());
		content.put("detail", detail);
		content.put("fingerprint", fingerprint);
		content.put("kind", kind);
		content.put("observations", observations);
		content.put("organisation", organisation);
		content.put("previousHash", previousHash);
		content.put("purpose", purpose);
		content.put("rangeEnd", time(rangeEnd));
		content.put("rangeStart", time(rangeStart));
		content.put("recordedAt", time(recordedAt));
		content.put("seq", seq);
		return JSON.writeValueAsString(content);
	}

	/** The SHA-256 of the canonical content, in lower-case hex. */
	public String computedHash() {
		return sha256(canonical());
	}

	LedgerEntry withHash(String hash) {
		return new LedgerEntry(seq, recordedAt, kind, actor, organisation, purpose, datastreams, rangeStart, rangeEnd,
				observations, fingerprint, detail, previousHash, hash);
	}

	/** This entry as if it had been stored under another sequence number (to tell a moved entry). */
	LedgerEntry withSeq(long other) {
		return new LedgerEntry(other, recordedAt, kind, actor, organisation, purpose, datastreams, rangeStart, rangeEnd,
				observations, fingerprint, detail, previousHash, entryHash);
	}

	/** The SHA-256 of a text (UTF-8), in lower-case hex. */
	public static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
	}

	private static Instant millis(Instant instant) {
		return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
	}

	private static String cut(String text, int length) {
		return text == null || text.length() <= length ? text : text.substring(0, length);
	}

	private static String time(Instant instant) {
		return instant == null ? null : instant.toString();
	}

}
