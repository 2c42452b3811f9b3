package org.cabildo.identity.security;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.cabildo.platform.RefusalWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * RefusalWriter by the security filters as JSON problem bodies (RFC 9457), like every other error:
 * 401 with {@code WWW-Authenticate} (Bearer and Basic) for missing or bad credentials, 429 with
 * {@code Retry-After} after too many failed sign-ins, 403 naming the rule that refused.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final List<AccessRule> rules;

	private final RefusalWriter refusals;

	ProblemResponses(List<AccessRule> rules, RefusalWriter refusals) {
		this.rules = rules;
		this.refusals = refusals;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		if (e instanceof TooManyAttempts tooMany) {
			response.setHeader("Retry-After", Long.toString(Math.max(1, tooMany.retryAfter().toSeconds())));
			refusals.write(request, response, HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), Map.of());
			return;
		}
		boolean badToken = e instanceof OAuth2AuthenticationException;
		response.addHeader("WWW-Authenticate", badToken
				? "Bearer realm=\"cabildo\", error=\"invalid_token\", error_description=\"the token is not accepted\""
				: "Bearer realm=\"cabildo\"");
		response.addHeader("WWW-Authenticate", "Basic realm=\"cabildo\", charset=\"UTF-8\"");
		String detail = badToken ? "the bearer token is not accepted (unknown, revoked, expired or not valid here)"
				: request.getHeader("Authorization") != null ? "the credentials are not accepted"
						: "this needs credentials: HTTP Basic, a personal API token or a device token (Bearer)";
		refusals.write(request, response, HttpStatus.UNAUTHORIZED, detail, Map.of());
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
			throws IOException {
		if (e instanceof CsrfException) {
			refusals.write(request, response, HttpStatus.FORBIDDEN, "a form sent from a browser needs its CSRF token",
					Map.of("rule", "csrf"));
			return;
		}
		AccessRule rule = AccessRules.deciding(rules, request).orElse(null);
		refusals.write(request, response, HttpStatus.FORBIDDEN, rule == null ? "refused" : rule.description(),
				rule == null ? Map.of() : Map.of("rule", rule.name()));
	}
}
