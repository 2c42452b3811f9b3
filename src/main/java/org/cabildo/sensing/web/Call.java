package org.cabildo.sensing.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.cabildo.platform.PlatformSettings;
import org.cabildo.sensing.ReadContext;
import org.cabildo.sensing.Writer;
import org.cabildo.sensing.units.AskedUnit;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a request goes: the API version, the resource path after it, how links are written,
 * the address of the resource itself (for next links), who reads what it answers, and the unit
 * it asks results in ({@link AskedUnit}: the {@code unit} option, or the header), as written.
 */
record Call(Version version, ResourcePath path, EntityJson out, String url, ReadContext reader,
		Optional<String> unit) {

	/** Who writes what this call creates: its signed-in caller (401 for the public). */
	Writer writer() {
		return Writer.of(reader);
	}

	/** The call an HTTP request makes; links start at the configured base URL, else at the request's. */
	static Call of(HttpServletRequest request, PlatformSettings platform) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String base = platform.baseUrl().isEmpty()
				? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString() : platform.baseUrl();
		Map<String, String> parameters = QueryParameters.of(request);
		String header = request.getHeader(AskedUnit.HEADER);
		if (!parameters.containsKey(AskedUnit.OPTION) && header != null && !header.isBlank()) {
			// Asked by header: its next links ask by option, so that following them needs no header.
			parameters.put(AskedUnit.OPTION, header.strip());
		}
		return at(base, Version.of(path.substring(1, 5)), path.length() > 5 ? path.substring(5) : "",
				ReadContext.of(request), parameters);
	}

	/**
	 * A call to {@code rest} ({@code /Things(1)}, or empty for the service root) of a version, for a
	 * reader; {@code parameters} are the request's query parameters.
	 */
	static Call at(String base, Version version, String rest, ReadContext reader, Map<String, String> parameters) {
		EntityJson out = new EntityJson(version, base, carried(parameters, reader));
		String url = out.serviceRoot() + (rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest);
		return new Call(version, ResourcePath.parse(rest), out, url, reader,
				Optional.ofNullable(parameters.get(AskedUnit.OPTION)));
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
