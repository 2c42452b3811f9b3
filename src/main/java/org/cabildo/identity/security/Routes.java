package org.cabildo.identity.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Whether a request reaches no controller and no actuator endpoint: such a request is let through so that it is
 * answered 404 (or 405) like any unknown path, instead of a refusal that would suggest
 * something is there. Every route a controller serves is under an explicit rule.
 */
final class Routes implements RequestMatcher {

	private final List<RequestMappingInfoHandlerMapping> mappings;

	/**
	 * @param mappings the controllers' and the actuator's endpoints (an endpoint exposed by
	 *        configuration must fall under the default refusal, not pass as an unknown path)
	 */
	Routes(List<RequestMappingInfoHandlerMapping> mappings) {
		this.mappings = List.copyOf(mappings);
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		HttpServletRequest isolated = new Isolated(request);
		for (RequestMappingInfoHandlerMapping mapping : mappings) {
			try {
				if (mapping.getHandler(isolated) != null) {
					return false;
				}
			}
			catch (Exception e) {
				// e.g. a path served with other methods only: the application answers 405
			}
		}
		return true;
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
