package org.cabildo.platform;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The platform itself as the caller of work no request asks for: the demo loader, start-up,
 * scheduled jobs, an MQTT publish already authorised by the broker. Such work names itself with
 * {@link #runAs(String, Supplier)}; the access rules let the platform through, and refuse a write
 * that has neither a signed-in caller nor the platform, so a missing caller never means "allow".
 */
public final class Platform {

	private Platform() {
	}

	/** Does the work as the platform, for the job named (as logs and refusals name it), on this thread. */
	public static <T> T runAs(String job, Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext platform = SecurityContextHolder.createEmptyContext();
		platform.setAuthentication(new Caller(job));
		SecurityContextHolder.setContext(platform);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	public static void runAs(String job, Runnable work) {
		runAs(job, () -> {
			work.run();
			return null;
		});
	}

	/** The job the current thread does as the platform; empty when it does none. */
	public static Optional<String> job() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication instanceof Caller platform ? Optional.of(platform.getName()) : Optional.empty();
	}

	/** The platform in the security context: no credentials, no roles, only the name of its job. */
	private static final class Caller extends AbstractAuthenticationToken {

		private final String job;

		Caller(String job) {
			super(List.of(new SimpleGrantedAuthority("ROLE_PLATFORM")));
			if (job == null || job.isBlank()) {
				throw new IllegalArgumentException("the platform runs a named job");
			}
			this.job = job;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return null;
		}

		@Override
		public Object getPrincipal() {
			return "platform";
		}

		@Override
		public String getName() {
			return job;
		}

	}

}
