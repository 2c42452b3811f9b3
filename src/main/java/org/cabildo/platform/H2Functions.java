package org.cabildo.platform;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON functions of the embedded H2 database ({@code CREATE ALIAS} in its migrations),
 * matching the SQL functions of the same names on PostgreSQL. A path is '/'-separated, empty
 * for the whole document; a value of another type reads as null.
 */
public final class H2Functions {

	private H2Functions() {
	}

	public static String jsonText(String document, String path) {
		JsonNode node = at(document, path);
		if (node == null || node.isNull()) {
			return null;
		}
		return node.isString() ? node.asString() : node.toString();
	}

	public static Double jsonNumber(String document, String path) {
		JsonNode node = at(document, path);
		return node != null && node.isNumber() ? node.asDouble() : null;
	}

	public static Boolean jsonBoolean(String document, String path) {
		JsonNode node = at(document, path);
		return node != null && node.isBoolean() ? node.asBoolean() : null;
	}

	public static OffsetDateTime jsonTime(String document, String path) {
		JsonNode node = at(document, path);
		if (node == null || !node.isString()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(node.asString()).withOffsetSameInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static JsonNode at(String document, String path) {
		if (document == null || path == null) {
			return null;
		}
		JsonNode node;
		try {
			node = JsonMapper.shared().readTree(document);
		}
		catch (JacksonException e) {
			return null;
		}
		if (path.isEmpty()) {
			return node;
		}
		for (String name : path.split("/")) {
			if (node.isArray() && name.chars().allMatch(Character::isDigit)) {
				node = node.get(Integer.parseInt(name));
			}
			else {
				node = node.get(name);
			}
			if (node == null) {
				return null;
			}
		}
		return node;
	}

}
