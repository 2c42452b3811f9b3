package org.cabildo.identity.security;

import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The client address of the current request (as the servlet container sees it; set up forwarded headers behind a proxy). */
final class Addresses {

	private Addresses() {
	}

	static String of(Object details) {
		if (details instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null) {
			return web.getRemoteAddress();
		}
		return current();
	}

	static String current() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return attributes.getRequest().getRemoteAddr();
		}
		return "unknown";
	}

}
