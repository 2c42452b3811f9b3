package org.cabildo.identity.security;

import org.cabildo.identity.AuditLog;
import org.cabildo.identity.People;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic sign-in with a built-in account. Too many failures for the username or from the
 * address refuse further attempts for a while (429) before the password is even checked;
 * each failure is audited, without the password.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

	private final People people;

	private final RateLimits limits;

	private final AuditLog audit;

	PasswordSignIn(People people, RateLimits limits, AuditLog audit) {
		this.people = people;
		this.limits = limits;
		this.audit = audit;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String address = Addresses.of(authentication.getDetails());
		var blocked = limits.signInBlocked(username, address);
		if (blocked.isPresent()) {
			throw new TooManyAttempts(blocked.get());
		}
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		return people.verify(username, password).<Authentication>map(CallerAuthentication::new).orElseGet(() -> {
			limits.signInFailed(username, address);
			audit.record("sign-in-failed", null, username, "wrong username or password", address);
			throw new BadCredentialsException("wrong username or password");
		});
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
