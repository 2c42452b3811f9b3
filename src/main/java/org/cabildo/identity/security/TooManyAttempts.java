package org.cabildo.identity.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Sign-in refused before checking the credentials: too many failures lately (answered 429). */
class TooManyAttempts extends AuthenticationException {

	private final Duration retryAfter;

	TooManyAttempts(Duration retryAfter) {
		super("too many failed sign-ins; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return retryAfter;
	}

}
