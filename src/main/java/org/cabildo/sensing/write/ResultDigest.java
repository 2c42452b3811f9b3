package org.cabildo.sensing.write;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.cabildo.sensing.store.RawJson;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.cfg.JsonNodeFeature;

/**
 * What is kept of the result of a reading folded into aggregates past retention, to know the
 * same reading again without keeping its value: a SHA-256 of the stream, the phenomenonTime and
 * the result. JSON is digested in one form (members sorted), as duplicates compare it as a tree.
 */
final class ResultDigest {

	private static final JsonMapper CANONICAL = JsonMapper.builder()
		.enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
		.build();

	private ResultDigest() {
	}

	static String of(NewObservation row) {
		String result = switch (row.result()) {
			case null -> "null";
			case Double number -> "number:" + number;
			case RawJson json -> "json:" + CANONICAL.writeValueAsString(CANONICAL.readTree(json.text()));
			default -> row.result().getClass().getSimpleName() + ":" + row.result();
		};
		String reading = row.datastreamId() + "|" + row.phenomenonTime().start() + "|" + row.phenomenonTime().end()
				+ "|" + result;
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(reading.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java platform has SHA-256", e);
		}
	}

}
