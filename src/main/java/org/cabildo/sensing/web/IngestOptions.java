package org.cabildo.sensing.web;

import java.util.Map;

import org.cabildo.platform.ApiException;

/**
 * The query options of requests that create Observations, beyond the standard's:
 * {@code duplicates=allow} stores a re-sent reading again (by default it is acknowledged with
 * the observation already stored: {@code duplicates=skip}); on {@code CreateObservations},
 * {@code atomic=true} stores all rows or none and {@code reasons=true} answers with the
 * reason of each refused row.
 */
record IngestOptions(boolean allowDuplicates, boolean atomic, boolean reasons) {

	static IngestOptions of(Map<String, String> parameters) {
		String duplicates = parameters.getOrDefault("duplicates", "skip");
		if (!duplicates.equals("allow") && !duplicates.equals("skip")) {
			throw ApiException.badRequest("duplicates must be allow or skip, got '" + duplicates + "'")
				.with("option", "duplicates");
		}
		return new IngestOptions(duplicates.equals("allow"), flag(parameters, "atomic"), flag(parameters, "reasons"));
	}

	private static boolean flag(Map<String, String> parameters, String name) {
		return switch (parameters.getOrDefault(name, "false")) {
			case "true" -> true;
			case "false" -> false;
			default -> throw ApiException
				.badRequest(name + " must be true or false, got '" + parameters.get(name) + "'")
				.with("option", name);
		};
	}

}
