package org.cabildo.sensing.web;

import org.cabildo.platform.PlatformSettings;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a request goes: the API version, the resource path after it, how links are written,
 * and the address of the resource itself (for next links).
 */
record Call(Version version, ResourcePath path, EntityJson out, String url) {

	/** The call an HTTP request makes; links start at the configured base URL, else at the request's. */
	static Call of(HttpServletRequest request, PlatformSettings platform) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String base = platform.baseUrl().isEmpty()
				? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString() : platform.baseUrl();
		return at(base, Version.of(path.substring(1, 5)), path.length() > 5 ? path.substring(5) : "");
	}

	/** A call to {@code rest} ({@code /Things(1)}, or empty for the service root) of a version. */
	static Call at(String base, Version version, String rest) {
		EntityJson out = new EntityJson(version, base);
		String url = out.serviceRoot() + (rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest);
		return new Call(version, ResourcePath.parse(rest), out, url);
	}

}
