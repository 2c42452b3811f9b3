package org.cabildo.identity;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.cabildo.platform.ApiException;

import com.nulabinc.zxcvbn.Pattern;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Match;

/**
 * What a password must be, after NIST SP 800-63B (5.1.1.2): 8 to 64 characters of any kind, no
 * rules about which kinds, and not one an attacker tries first: refused when it is one of the
 * most common passwords (the list zxcvbn ships, in any case, reversed or with l33t
 * substitutions), or when it is as guessable (a repeated character, a keyboard row, a sequence,
 * the username).
 */
final class Passwords {

	static final int MIN_LENGTH = 8;

	static final int MAX_LENGTH = 64;

	/** bcrypt hashes only the first 72 bytes, and Spring Security refuses longer ones. */
	private static final int MAX_BYTES = 72;

	private static final Zxcvbn STRENGTH = new Zxcvbn();

	private Passwords() {
	}

	/** Refuses (400, naming why) a password that may not be set for this username. */
	static void check(String password, String username) {
		if (password == null) {
			throw refused("a password is needed", "password-too-short");
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			throw refused("a password has at least " + MIN_LENGTH + " characters", "password-too-short");
		}
		if (length > MAX_LENGTH) {
			throw refused("a password has at most " + MAX_LENGTH + " characters", "password-too-long");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw refused("a password has at most " + MAX_BYTES + " bytes in UTF-8: use fewer characters from"
					+ " outside the Latin alphabet", "password-too-many-bytes");
		}
		Strength strength = STRENGTH.measure(password, username == null ? List.of() : List.of(username));
		if (common(strength.getSequence())) {
			throw refused("this password is among the most common ones; choose another (a few unrelated words"
					+ " make a good one)", "password-common");
		}
		if (strength.getScore() == 0) {
			String warning = strength.getFeedback().getWarning(Locale.ENGLISH);
			throw refused("this password is too easy to guess"
					+ (warning == null || warning.isBlank() ? "" : ": " + warning.toLowerCase(Locale.ROOT)),
					"password-guessable");
		}
	}

	/** Whether the whole password is one entry of the common-password list. */
	private static boolean common(List<Match> sequence) {
		return sequence.size() == 1 && sequence.get(0).pattern == Pattern.Dictionary
				&& "passwords".equals(sequence.get(0).dictionaryName);
	}

	/** A refusal at the password, naming the rule it breaks (a form says it in its own language). */
	private static ApiException refused(String detail, String rule) {
		return ApiException.badRequest(detail).with("pointer", "/password").with("rule", rule);
	}

}
