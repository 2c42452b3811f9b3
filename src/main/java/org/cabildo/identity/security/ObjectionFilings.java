package org.cabildo.identity.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.cabildo.platform.RefusalWriter;
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
 * the register is for residents, not for floods. The API's filings and the portal's form draw on
 * the same allowance. Beyond it: 429 with {@code Retry-After}, as a JSON problem for the API and
 * as the portal's error page for the form.
 */
final class ObjectionFilings extends OncePerRequestFilter {

	/** How a refusal is answered. */
	private enum Answer {

		PROBLEM, PAGE

	}

	static final String TOO_MANY = "too many objections from this address; try again later";

	private final RequestMatcher filing;

	private final RateLimits limits;

	private final Answer answer;

	private final RefusalWriter refusals;

	private ObjectionFilings(RequestMatcher filing, RateLimits limits, Answer answer, RefusalWriter refusals) {
		this.filing = filing;
		this.limits = limits;
		this.answer = answer;
		this.refusals = refusals;
	}

	/** For the API: a refusal is a JSON problem. */
	static ObjectionFilings api(RequestMatcher filing, RateLimits limits, RefusalWriter refusals) {
		return new ObjectionFilings(filing, limits, Answer.PROBLEM, refusals);
	}

	/** For the portal's pages: a refusal is the error page (the servlet container's error dispatch). */
	static ObjectionFilings pages(RequestMatcher filing, RateLimits limits) {
		return new ObjectionFilings(filing, limits, Answer.PAGE, RefusalWriter.problemsOnly());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (filing.matches(request)) {
			Optional<Duration> wait = limits.objection(request.getRemoteAddr());
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
