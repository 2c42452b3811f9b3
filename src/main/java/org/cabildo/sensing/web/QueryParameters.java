package org.cabildo.sensing.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.cabildo.platform.ApiException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The query parameters of a request, one value each: the system query options ({@code $...})
 * and the server's own ({@code duplicates}, {@code atomic}, {@code reasons}, {@code unit}).
 */
final class QueryParameters {

	/** The server's own options, which like the system query options may be given once only. */
	private static final Set<String> OWN = Set.of("duplicates", "atomic", "reasons", "unit");

	private QueryParameters() {
	}

	static Map<String, String> of(HttpServletRequest request) {
		Map<String, String> parameters = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> put(parameters, name, values.length > 1, values[0]));
		return parameters;
	}

	/** Reads a query string ({@code $top=1&$filter=...}) as a servlet container does. */
	static Map<String, String> parse(String query) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (query == null || query.isEmpty()) {
			return parameters;
		}
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode(equals < 0 ? pair : pair.substring(0, equals));
			String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
			put(parameters, name, parameters.containsKey(name), value);
		}
		return parameters;
	}

	/** Only the system query options. */
	static Map<String, String> system(Map<String, String> parameters) {
		Map<String, String> options = new LinkedHashMap<>();
		parameters.forEach((name, value) -> {
			if (name.startsWith("$")) {
				options.put(name, value);
			}
		});
		return options;
	}

	private static void put(Map<String, String> parameters, String name, boolean repeated, String value) {
		if (repeated && (name.startsWith("$") || OWN.contains(name))) {
			throw ApiException.badRequest("the query option " + name + " is given more than once").with("option", name);
		}
		parameters.putIfAbsent(name, value);
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			throw ApiException.badRequest("the query string has a malformed %-escape: " + text);
		}
	}

}
