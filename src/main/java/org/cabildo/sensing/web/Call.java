package org.cabildo.sensing.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.cabildo.platform.PlatformSettings;
import org.cabildo.sensing.ReadContext;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a request goes: the API version, the resource path after it, how links are written,
 * the address of the resource itself (for next links), and who reads what it answers.
 */
record Call(Version version, ResourcePath path, EntityJson out, String url, ReadContext reader) {

	/** The call an HTTP request makes; links start at the configured base URL, else at the request's. */
	static Call of(HttpServletRequest request, PlatformSettings platform) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String base = platform.baseUrl().isEmpty()
				? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString() : platform.baseUrl();
		return at(base, Version.of(path.substring(1, 5)), path.length() > 5 ? path.substring(5) : "",
				ReadContext.of(request), QueryParameters.of(request));
	}

	/**
	 * A call to {@code rest} ({@code /Things(1)}, or empty for the service root) of a version, for a
	 * reader; {@code parameters} are the request's query parameters.
	 */
	static Call at(String base, Version version, String rest, ReadContext reader, Map<String, String> parameters) {
		EntityJson out = new EntityJson(version, base, carried(parameters, reader));
		String url = out.serviceRoot() + (rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest);
		return new Call(version, ResourcePath.parse(rest), out, url, reader);
	}

	/**
	 * What the links of the answer carry on besides the system query options: the other
	 * parameters, and the purpose the read was made for, even when a header named it (and not a
	 * {@code purpose} parameter the read did not go by, as in a {@code $batch}).
	 */
	private static Map<String, String> carried(Map<String, String> parameters, ReadContext reader) {
		Map<String, String> carried = new LinkedHashMap<>();
		parameters.forEach((name, value) -> {
			if (!name.startsWith("$") && !name.equals("purpose")) {
				carried.put(name, value);
			}
		});
		if (reader.purpose() != null) {
			carried.put("purpose", reader.purpose());
		}
		return carried;
	}

}
