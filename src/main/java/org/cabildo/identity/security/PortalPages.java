package org.cabildo.identity.security;

import java.util.List;

import org.springframework.http.server.PathContainer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Which requests are the portal's (pages for people in a browser, with a session once they sign
 * in) and which are the API's (stateless, credentials on every request): everything that is not
 * an API path is a page. The error page of a request is of the same side as the request, so that
 * a page's error page knows who is signed in, and an API's error never reads a session.
 */
final class PortalPages {

	static final String SIGN_IN = "/sign-in";

	static final String SIGN_OUT = "/sign-out";

	/** The API's paths, and Spring's error path asked for directly. */
	private static final List<String> API = List.of("/v1.0", "/v1.0/**", "/v1.1", "/v1.1/**", "/api/**", "/v3/**",
			"/swagger-ui.html", "/swagger-ui/**", "/actuator/**", "/error", "/open311/**");

	private static final RequestMatcher API_PATHS = new OrRequestMatcher(
			API.stream().map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path)).toList());

	private static final List<PathPattern> API_PATTERNS = API.stream().map(PathPatternParser.defaultInstance::parse)
		.toList();

	static final RequestMatcher MATCHER = PortalPages::isPage;

	private PortalPages() {
	}

	private static boolean isPage(HttpServletRequest request) {
		if (request.getDispatcherType() == DispatcherType.ERROR
				&& request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed) {
			String path = failed.substring(Math.min(failed.length(), request.getContextPath().length()));
			PathContainer container = PathContainer.parsePath(path);
			return API_PATTERNS.stream().noneMatch(pattern -> pattern.matches(container));
		}
		return !API_PATHS.matches(request);
	}

}
