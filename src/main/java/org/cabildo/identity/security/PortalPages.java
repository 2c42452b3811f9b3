package org.cabildo.identity.security;

import java.util.List;

import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which requests are the portal's (pages for people in a browser, with a session once they sign
 * in) and which are the API's (stateless, credentials on every request): everything that is not
 * an API path is a page.
 */
final class PortalPages {

	static final String SIGN_IN = "/sign-in";

	static final String SIGN_OUT = "/sign-out";

	/** The API's paths, and Spring's error path, which answers each in the way of its request. */
	private static final List<String> API = List.of("/v1.0", "/v1.0/**", "/v1.1", "/v1.1/**", "/api/**", "/v3/**",
			"/swagger-ui.html", "/swagger-ui/**", "/actuator/**", "/error");

	static final RequestMatcher MATCHER = new NegatedRequestMatcher(new OrRequestMatcher(
			API.stream().map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path)).toList()));

	private PortalPages() {
	}

}
