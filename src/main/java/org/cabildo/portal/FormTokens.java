package org.cabildo.portal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The issue time of a form anyone may send without an account (a card's objection form, the
 * report form, the residents' forms that send mail), signed (HMAC-SHA256 with a key of the server) so that it cannot be made up: a
 * form sent sooner than {@link ObjectionFormSettings#minAge} after it was served is a script's,
 * one older than {@link ObjectionFormSettings#maxAge} is stale, and a form that already filed
 * does not file again. Kept in memory per node, like the rate
 * limits; the limit per client address bounds what a forged or replayed form could do anyway.
 */
@Component
@EnableConfigurationProperties(ObjectionFormSettings.class)
class FormTokens {

	/** What a form's token says. */
	enum Verdict {

		GOOD, MISSING, FORGED, TOO_FAST, TOO_OLD, SPENT

	}

	private static final int MAX_SPENT = 100_000;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final ObjectionFormSettings settings;

	private final Clock clock;

	private final SecretKeySpec key;

	/** Tokens that filed, with their issue time, the oldest first. */
	private final Map<String, Instant> spent = new LinkedHashMap<>();

	FormTokens(ObjectionFormSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		byte[] secret = new byte[32];
		if (settings.key().isEmpty()) {
			RANDOM.nextBytes(secret);
		}
		else {
			secret = settings.key().getBytes(StandardCharsets.UTF_8);
		}
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	ObjectionFormSettings settings() {
		return settings;
	}

	/** A token for a form of this Datastream's card, served now. */
	String issue(long datastream) {
		return issue(objectionForm(datastream));
	}

	/**
	 * A token for a form, served now; {@code form} names which one (a token of one form files
	 * nothing through another).
	 */
	String issue(String form) {
		byte[] nonce = new byte[16];
		RANDOM.nextBytes(nonce);
		String payload = clock.millis() + "." + ENCODER.encodeToString(nonce);
		return payload + "." + mac(form, payload);
	}

	/** What the token a form came back with says, for this Datastream, now. */
	Verdict check(String token, long datastream) {
		return check(token, objectionForm(datastream));
	}

	/** What the token a form came back with says, for the form it names, now. */
	Verdict check(String token, String form) {
		if (token == null || token.isBlank()) {
			return Verdict.MISSING;
		}
		int last = token.lastIndexOf('.');
		if (last < 0 || !MessageDigest.isEqual(mac(form, token.substring(0, last)).getBytes(StandardCharsets.US_ASCII),
				token.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
			return Verdict.FORGED;
		}
		Instant issued;
		try {
			issued = Instant.ofEpochMilli(Long.parseLong(token.substring(0, token.indexOf('.'))));
		}
		catch (NumberFormatException e) {
			return Verdict.FORGED;
		}
		Duration age = Duration.between(issued, clock.instant());
		if (age.compareTo(settings.minAge()) < 0) {
			return Verdict.TOO_FAST;
		}
		if (age.compareTo(settings.maxAge()) > 0) {
			return Verdict.TOO_OLD;
		}
		synchronized (spent) {
			return spent.containsKey(token) ? Verdict.SPENT : Verdict.GOOD;
		}
	}

	/** The token's form filed: it files nothing more. */
	void spend(String token) {
		Instant oldest = clock.instant().minus(settings.maxAge());
		Instant issued = Instant.ofEpochMilli(Long.parseLong(token.substring(0, token.indexOf('.'))));
		synchronized (spent) {
			spent.put(token, issued);
			// Forgotten once too old to be taken anyway; the most recent kept if a flood fills the memory.
			var eldest = spent.entrySet().iterator();
			while (eldest.hasNext()) {
				Map.Entry<String, Instant> next = eldest.next();
				if (spent.size() <= MAX_SPENT && !next.getValue().isBefore(oldest)) {
					break;
				}
				eldest.remove();
			}
		}
	}

	/** The objection form of a Datastream's card, as its tokens name it. */
	private static String objectionForm(long datastream) {
		return "objection-form:" + datastream;
	}

	private String mac(String form, String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return ENCODER.encodeToString(mac.doFinal((form + ":" + payload).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
		}
	}

}
