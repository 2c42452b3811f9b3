package org.cabildo.identity.security;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import org.cabildo.platform.RefusalWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes without credentials are limited per client address (429 with {@code Retry-After}
 * beyond the limit), whether a rule then refuses them (all today) or a later endpoint is open
 * to the public on purpose.
 */
final class AnonymousWrites extends OncePerRequestFilter {

	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

	private final RateLimits limits;

	private final RefusalWriter refusals;

	AnonymousWrites(RateLimits limits, RefusalWriter refusals) {
		this.limits = limits;
		this.refusals = refusals;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (WRITES.contains(request.getMethod())
				&& SecurityContextHolder.getContext().getAuthentication() instanceof AnonymousAuthenticationToken) {
			var wait = limits.anonymousWrite(request.getRemoteAddr());
			if (wait.isPresent()) {
				response.setHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
				refusals.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
						"too many writes without credentials from this address; try again later", Map.of());
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
