package org.cabildo.identity.security;

import java.io.IOException;

import org.cabildo.identity.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A refused sign-in from the portal goes back to the form, saying why in the page's language: a
 * wrong username or password, a sign-in through the OIDC provider that did not complete (audited,
 * as the passwords' failures are), or too many attempts (the API's limit, shared). Too many
 * attempts are answered at once with the form and 429 and {@code Retry-After}, as the API
 * answers them; the other refusals redirect to the form.
 */
final class PortalSignInFailure implements AuthenticationFailureHandler {

	private final AuditLog audit;

	private final String provider;

	/** @param provider the OIDC provider's name, for the audit log; null when it is not configured */
	PortalSignInFailure(AuditLog audit, String provider) {
		this.audit = audit;
		this.provider = provider;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (exception instanceof TooManyAttempts tooMany) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader("Retry-After", Long.toString(Math.max(1, tooMany.retryAfter().toSeconds())));
			// The form itself, as a GET of it: the POST again would be this sign-in again.
			request.getRequestDispatcher(PortalPages.SIGN_IN + "?blocked").forward(new AsGet(request), response);
			return;
		}
		String reason = "error";
		if (exception instanceof OAuth2AuthenticationException refused) {
			audit.record("sign-in-failed", null, provider, "the OIDC sign-in did not complete: "
					+ refused.getError().getErrorCode(), request.getRemoteAddr());
			reason = "provider-error";
		}
		response.sendRedirect(request.getContextPath() + PortalPages.SIGN_IN + "?" + reason);
	}

	private static final class AsGet extends HttpServletRequestWrapper {

		AsGet(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			return "GET";
		}

	}

}
