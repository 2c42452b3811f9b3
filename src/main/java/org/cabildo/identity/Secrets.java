package org.cabildo.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets and their stored form. API tokens and device secrets are 256 random bits, so
 * a SHA-256 hash is enough to store them and lets a presented secret be found by its hash;
 * passwords, chosen by people, are bcrypt-hashed instead (see {@link People}).
 */
final class Secrets {

	static final String TOKEN_PREFIX = "cbd_pat_";

	static final String DEVICE_PREFIX = "cbd_dev_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	static String random(String prefix) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static boolean sameHash(String secret, String storedHash) {
		return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
				storedHash.getBytes(StandardCharsets.US_ASCII));
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

}
