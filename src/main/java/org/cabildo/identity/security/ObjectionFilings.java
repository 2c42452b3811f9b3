package org.cabildo.identity.security;

import java.io.IOException;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Filing an objection is the one write open to the public on purpose, so it has a limit of its
 * own per client address (hourly, far below that of other anonymous writes), for every caller:
 * the register is for residents, not for floods. Beyond it: 429 with {@code Retry-After}.
 */
final class ObjectionFilings extends OncePerRequestFilter {

	private final RequestMatcher filing;

	private final RateLimits limits;

	ObjectionFilings(RequestMatcher filing, RateLimits limits) {
		this.filing = filing;
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (filing.matches(request)) {
			var wait = limits.objection(request.getRemoteAddr());
			if (wait.isPresent()) {
				response.setHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
				ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS,
						"too many objections from this address; try again later", Map.of());
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
