package org.cabildo.governance.ledger;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

import tools.jackson.databind.JsonNode;

/**
 * A signed statement that the chain ended at {@code seq} with {@code entryHash}.
 * <p>
 * The signature is Ed25519 over the UTF-8 bytes of {@link #FORMAT}: the lines
 * {@code cabildo-ledger-checkpoint}, the sequence number in decimal, the entry hash in lower-case
 * hex and the signing time in ISO-8601 UTC to the millisecond ({@link Instant#toString()}, as in
 * {@code signedAt}), separated by a single {@code \n}, with no newline at the end.
 *
 * @param signature base64 of the 64-byte signature
 */
record Checkpoint(long seq, String entryHash, Instant signedAt, String signature) {

	static final String FORMAT = "cabildo-ledger-checkpoint\\n{seq}\\n{entryHash}\\n{signedAt}";

	static String message(long seq, String entryHash, Instant signedAt) {
		return "cabildo-ledger-checkpoint\n" + seq + "\n" + entryHash + "\n" + signedAt;
	}

	String message() {
		return message(seq, entryHash, signedAt);
	}

	Head head() {
		return new Head(seq, entryHash);
	}

	/**
	 * A checkpoint as published: either on its own (an item of {@code /api/ledger/checkpoints})
	 * or inside the document of {@code /api/ledger/checkpoints/latest} (its {@code checkpoint}).
	 *
	 * @throws Malformed naming the field that is missing or malformed
	 */
	static Checkpoint from(JsonNode document) {
		boolean inside = document != null && document.has("checkpoint");
		String at = inside ? "/checkpoint" : "";
		JsonNode node = inside ? document.get("checkpoint") : document;
		if (node == null || !node.isObject()) {
			throw new Malformed(at, "a checkpoint is a JSON object with seq, entryHash, signedAt and signature");
		}
		JsonNode seq = node.get("seq");
		if (seq == null || !seq.isIntegralNumber() || !seq.canConvertToLong() || seq.asLong() < 1) {
			throw new Malformed(at + "/seq", "seq must be the number of an entry (1 or more)");
		}
		String hash = text(node, at, "entryHash");
		if (hash.length() != 64 || !hash.chars().allMatch(HexFormat::isHexDigit) || !hash.equals(hash.toLowerCase())) {
			throw new Malformed(at + "/entryHash", "entryHash must be 64 lower-case hex digits (a SHA-256)");
		}
		Instant signedAt;
		try {
			signedAt = Instant.parse(text(node, at, "signedAt"));
		}
		catch (DateTimeParseException e) {
			throw new Malformed(at + "/signedAt",
					"signedAt must be an ISO-8601 UTC time, such as 2024-05-01T10:00:00.123Z");
		}
		return new Checkpoint(seq.asLong(), hash, signedAt, text(node, at, "signature"));
	}

	private static String text(JsonNode node, String at, String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isString() || value.asString().isBlank()) {
			throw new Malformed(at + "/" + field, field + " must be given, as a string");
		}
		return value.asString();
	}

	/** A document that is not a checkpoint; {@code pointer} is where (a JSON pointer). */
	static final class Malformed extends IllegalArgumentException {

		private final String pointer;

		Malformed(String pointer, String message) {
			super(message);
			this.pointer = pointer;
		}

		String pointer() {
			return pointer;
		}

	}

}
