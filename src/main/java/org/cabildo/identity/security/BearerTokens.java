package org.cabildo.identity.security;

import java.util.Optional;

import org.cabildo.identity.AuditLog;
import org.cabildo.identity.Caller;
import org.cabildo.identity.Devices;
import org.cabildo.identity.Tokens;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Opaque bearer tokens: personal API tokens and device secrets, found by their hash (kept in
 * memory briefly once verified). A refused token counts as a failed sign-in of the address.
 */
@Component
class BearerTokens implements AuthenticationManager {

	private final Tokens tokens;

	private final Devices devices;

	private final RateLimits limits;

	private final AuditLog audit;

	BearerTokens(Tokens tokens, Devices devices, RateLimits limits, AuditLog audit) {
		this.tokens = tokens;
		this.devices = devices;
		this.limits = limits;
		this.audit = audit;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String secret = ((BearerTokenAuthenticationToken) authentication).getToken();
		Optional<Caller> caller = tokens.authenticate(secret).or(() -> devices.authenticate(secret));
		if (caller.isPresent()) {
			return new CallerAuthentication(caller.get());
		}
		String address = Addresses.of(authentication.getDetails());
		var blocked = limits.signInBlocked(null, address);
		if (blocked.isPresent()) {
			throw new TooManyAttempts(blocked.get());
		}
		limits.signInFailed(null, address);
		audit.record("token-refused", null, null, "unknown, revoked or expired bearer token", address);
		throw new InvalidBearerTokenException("the token is unknown, revoked or expired");
	}

}
