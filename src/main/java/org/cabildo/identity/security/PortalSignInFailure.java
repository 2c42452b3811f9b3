package org.cabildo.identity.security;

import java.io.IOException;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A refused sign-in from the portal's form goes back to the form, saying why in the page's
 * language: a wrong username or password, or too many attempts (the API's limit, shared).
 */
final class PortalSignInFailure implements AuthenticationFailureHandler {

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String reason = exception instanceof TooManyAttempts ? "blocked" : "error";
		response.sendRedirect(request.getContextPath() + PortalPages.SIGN_IN + "?" + reason);
	}

}
