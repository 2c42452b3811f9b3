package org.cabildo.sensing.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.cabildo.platform.ApiException;

import tools.jackson.databind.JsonNode;

/**
 * One request of a {@code $batch} in the JSON batch format (OData 4.01 JSON format, clause
 * 19, as OGC 18-088 adopts it): {@code id}, {@code method}, {@code url} (relative to the
 * service root, or absolute), an optional {@code body}, {@code atomicityGroup} (the requests
 * of one group are adjacent and succeed or fail together) and {@code dependsOn} (earlier
 * requests or groups that must have succeeded).
 */
record BatchRequest(String id, String method, String url, JsonNode body, String atomicityGroup,
		List<String> dependsOn) {

	private static final Set<String> METHODS = Set.of("GET", "POST", "PATCH", "PUT", "DELETE");

	/** Reads and checks the requests of a batch body; a batch that breaks the format is a 400 as a whole. */
	static List<BatchRequest> readAll(JsonNode body) {
		JsonNode requests = body.isObject() ? body.get("requests") : null;
		if (requests == null || !requests.isArray()) {
			throw bad("a JSON batch is {\"requests\": [{\"id\": ..., \"method\": ..., \"url\": ...}, ...]}",
					body.isObject() ? "/requests" : "");
		}
		List<BatchRequest> all = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		Set<String> groups = new HashSet<>();
		for (int i = 0; i < requests.size(); i++) {
			String pointer = "/requests/" + i;
			JsonNode request = requests.get(i);
			if (!request.isObject()) {
				throw bad("each request is a JSON object", pointer);
			}
			String id = name(request.get("id"), pointer + "/id");
			if (!ids.add(id)) {
				throw bad("the id '" + id + "' is given to two requests", pointer + "/id");
			}
			String method = text(request.get("method"), "method", pointer).toUpperCase(Locale.ROOT);
			if (!METHODS.contains(method)) {
				throw bad("the method is one of get, post, patch, put and delete, not '" + method + "'",
						pointer + "/method");
			}
			String url = text(request.get("url"), "url", pointer);
			JsonNode group = request.get("atomicityGroup");
			String atomicityGroup = group == null || group.isNull() ? null : name(group, pointer + "/atomicityGroup");
			if (atomicityGroup != null) {
				String previous = all.isEmpty() ? null : all.get(all.size() - 1).atomicityGroup();
				if (!atomicityGroup.equals(previous) && !groups.add(atomicityGroup)) {
					throw bad("the requests of atomicity group '" + atomicityGroup + "' must be adjacent",
							pointer + "/atomicityGroup");
				}
			}
			List<String> dependsOn = dependsOn(request.get("dependsOn"), ids, groups, List.of(id,
					atomicityGroup == null ? id : atomicityGroup), pointer + "/dependsOn");
			all.add(new BatchRequest(id, method, url, request.get("body"), atomicityGroup, dependsOn));
		}
		for (String group : groups) {
			if (ids.contains(group)) {
				throw bad("'" + group + "' names both a request and an atomicity group", "/requests");
			}
		}
		return all;
	}

	/** @param own the request's id and group, which it cannot depend on */
	private static List<String> dependsOn(JsonNode names, Set<String> ids, Set<String> groups, List<String> own,
			String pointer) {
		if (names == null || names.isNull()) {
			return List.of();
		}
		if (!names.isArray()) {
			throw bad("dependsOn is an array of the ids of earlier requests or atomicity groups", pointer);
		}
		List<String> dependsOn = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			String name = name(names.get(i), pointer + "/" + i);
			if (own.contains(name) || (!ids.contains(name) && !groups.contains(name))) {
				throw bad("dependsOn names '" + name + "', which is no earlier request or atomicity group",
						pointer + "/" + i);
			}
			dependsOn.add(name);
		}
		return dependsOn;
	}

	private static String text(JsonNode value, String member, String pointer) {
		if (value == null || !value.isString() || value.asString().isBlank()) {
			throw bad("each request has a " + member + " (a string)", pointer + "/" + member);
		}
		return value.asString();
	}

	/** Ids and group names are strings; integers are taken as their digits. */
	private static String name(JsonNode value, String pointer) {
		if (value != null && value.isIntegralNumber()) {
			return value.asString();
		}
		if (value == null || !value.isString() || value.asString().isEmpty()) {
			throw bad("expected a name (a string)", pointer);
		}
		return value.asString();
	}

	private static ApiException bad(String message, String pointer) {
		return ApiException.badRequest(message).with("pointer", pointer);
	}

}
