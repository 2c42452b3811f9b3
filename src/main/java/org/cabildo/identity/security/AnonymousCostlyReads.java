package org.cabildo.identity.security;

import java.time.Duration;
import java.util.Optional;

import org.cabildo.sensing.CostlyReads;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Costly reads without credentials are limited per client address (429 with {@code Retry-After}
 * beyond it), like writes without credentials: a caller who signs in is known and answerable,
 * and is bounded by the read turns and the statement timeout alone.
 */
@Component
class AnonymousCostlyReads implements CostlyReads {

	private static final String TAKEN = AnonymousCostlyReads.class.getName() + ".taken";

	private final RateLimits limits;

	AnonymousCostlyReads(RateLimits limits) {
		this.limits = limits;
	}

	@Override
	public Optional<Duration> take() {
		// Only HTTP requests are counted: MQTT subscriptions are set up once, not per read.
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return Optional.empty();
		}
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller != null && !(caller instanceof AnonymousAuthenticationToken)) {
			return Optional.empty();
		}
		// One request counts once, however many of its filters ($expand, $batch) are costly.
		HttpServletRequest request = attributes.getRequest();
		if (request.getAttribute(TAKEN) != null) {
			return Optional.empty();
		}
		request.setAttribute(TAKEN, Boolean.TRUE);
		return limits.costlyRead(request.getRemoteAddr());
	}

}
