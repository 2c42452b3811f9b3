package org.cabildo.identity.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cabildo.identity.Caller;
import org.cabildo.identity.Role;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A signed-in {@link Caller}. Its authorities are {@code ROLE_<role>} for each role held in
 * any organisation, and {@code ROLE_DEVICE} for a device; which organisation a rule needs is
 * checked where the organisation is known. Holds no credentials.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

	private final Caller caller;

	/** The organisation new Things are for in work done on the caller's behalf outside its request; null in a request. */
	private final Long organisation;

	public CallerAuthentication(Caller caller) {
		this(caller, null);
	}

	private CallerAuthentication(Caller caller, Long organisation) {
		super(authorities(caller));
		this.caller = caller;
		this.organisation = organisation;
		setAuthenticated(true);
	}

	/**
	 * Does work on a caller's behalf on this thread, outside the request that asked for it (an
	 * import running in the background): every access rule sees the caller as in its request,
	 * and {@code organisation} stands for the organisation header a request would send.
	 */
	public static <T> T onBehalfOf(Caller caller, long organisation, java.util.function.Supplier<T> work) {
		org.springframework.security.core.context.SecurityContext previous = SecurityContextHolder.getContext();
		org.springframework.security.core.context.SecurityContext acting = SecurityContextHolder.createEmptyContext();
		acting.setAuthentication(new CallerAuthentication(caller, organisation));
		SecurityContextHolder.setContext(acting);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	/** The organisation named by {@link #onBehalfOf} for the work on this thread, if any. */
	static Optional<Long> actingFor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication instanceof CallerAuthentication signedIn ? Optional.ofNullable(signedIn.organisation)
				: Optional.empty();
	}

	private static List<GrantedAuthority> authorities(Caller caller) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		if (caller.isDevice()) {
			authorities.add(new SimpleGrantedAuthority("ROLE_DEVICE"));
		}
		for (Role role : Role.values()) {
			if (caller.hasAnywhere(role)) {
				authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
			}
		}
		return authorities;
	}

	public Caller caller() {
		return caller;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return caller;
	}

	@Override
	public String getName() {
		return caller.name();
	}

	/** The caller of the current request, if one signed in. */
	public static Optional<Caller> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication instanceof CallerAuthentication signedIn ? Optional.of(signedIn.caller())
				: Optional.empty();
	}

}
