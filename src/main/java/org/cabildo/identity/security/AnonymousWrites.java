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
 * beyond the limit), whether a rule then refuses them or the route is open to the public on
 * purpose (a sign-up, a report). Beyond the limit: a JSON problem for the API, the portal's error
 * page for a page's form (a person reads it).
 */
final class AnonymousWrites extends OncePerRequestFilter {

	/** How a refusal is answered. */
	private enum Answer {

		PROBLEM, PAGE

	}

	private static final String TOO_MANY = "too many writes without credentials from this address; try again later";

	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

	private final RateLimits limits;

	private final Answer answer;

	private final RefusalWriter refusals;

	private AnonymousWrites(RateLimits limits, Answer answer, RefusalWriter refusals) {
		this.limits = limits;
		this.answer = answer;
		this.refusals = refusals;
	}

	/** For the API: a refusal is a JSON problem (or the API's own dialect). */
	static AnonymousWrites api(RateLimits limits, RefusalWriter refusals) {
		return new AnonymousWrites(limits, Answer.PROBLEM, refusals);
	}

	/** For the portal's pages: a refusal is the error page (the servlet container's error dispatch), in the page's language. */
	static AnonymousWrites pages(RateLimits limits) {
		return new AnonymousWrites(limits, Answer.PAGE, RefusalWriter.problemsOnly());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (WRITES.contains(request.getMethod())
				&& SecurityContextHolder.getContext().getAuthentication() instanceof AnonymousAuthenticationToken) {
			var wait = limits.anonymousWrite(request.getRemoteAddr());
			if (wait.isPresent()) {
				response.setHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
				if (answer == Answer.PAGE) {
					response.sendError(HttpStatus.TOO_MANY_REQUESTS.value(), TOO_MANY);
				}
				else {
					refusals.write(request, response, HttpStatus.TOO_MANY_REQUESTS, TOO_MANY, Map.of());
				}
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
