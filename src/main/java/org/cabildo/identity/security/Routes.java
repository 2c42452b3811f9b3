package org.cabildo.identity.security;

import java.util.HashMap;
import java.util.Map;

import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Whether a request reaches no controller: such a request is let through so that it is
 * answered 404 (or 405) like any unknown path, instead of a refusal that would suggest
 * something is there. Every route a controller serves is under an explicit rule.
 */
final class Routes implements RequestMatcher {

	private final RequestMappingHandlerMapping controllers;

	Routes(RequestMappingHandlerMapping controllers) {
		this.controllers = controllers;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		try {
			HandlerExecutionChain chain = controllers.getHandler(new Isolated(request));
			return chain == null;
		}
		catch (Exception e) {
			// e.g. a path served with other methods only: the application answers 405
			return true;
		}
	}

	/** The request, with the attributes the lookup sets kept apart from the real one. */
	private static final class Isolated extends HttpServletRequestWrapper {

		private final Map<String, Object> attributes = new HashMap<>();

		Isolated(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Object getAttribute(String name) {
			return attributes.containsKey(name) ? attributes.get(name) : super.getAttribute(name);
		}

		@Override
		public void setAttribute(String name, Object value) {
			attributes.put(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			attributes.put(name, null);
		}

	}

}
