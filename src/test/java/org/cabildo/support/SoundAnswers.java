package org.cabildo.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cabildo.platform.JsonText;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What every answer to hostile input must be: not a 5xx (except a 503 with Retry-After that
 * names the limit it hit), valid JSON when it says it is JSON, with no text that is not Unicode,
 * and nothing of the database or the server's internals in it.
 */
public final class SoundAnswers {

	/** Text that only the database or a stack trace would put into an answer. */
	private static final List<String> INTERNALS = List.of("SQL", "Syntax error", "org.h2", "PSQLException",
			"ERROR:", "constraint", "character varying", "Numeric value out of range", "Exception", "\tat ",
			"java.", "org.springframework", "jdbc", "JDBC", "jackson", "JsonToken", "Feature.", "bound as");

	private SoundAnswers() {
	}

	/**
	 * Asserts the answer is sound.
	 *
	 * @param what the request, for the failure message
	 */
	public static void assertSound(String what, Api.Response response) {
		String description = what + " -> " + response;
		if (response.status() == 503) {
			assertThat(response.header("Retry-After")).as(description).isNotNull();
			assertThat(response.body().toLowerCase(Locale.ROOT)).as(description).containsAnyOf("limit", "busy", "queue");
		}
		else {
			assertThat(response.status()).as(description).isBetween(200, 499);
		}
		assertNoInternals(description, response.body());
		String type = response.header("Content-Type");
		if (type != null && type.contains("json")) {
			JsonNode json;
			try {
				json = Api.json(response.body());
			}
			catch (JacksonException e) {
				throw new AssertionError("not valid JSON: " + description, e);
			}
			assertValidText(description, json);
		}
	}

	/** Asserts a text given to a client (a body, an MQTT reason string) holds nothing of the database or the server. */
	public static void assertNoInternals(String description, String text) {
		for (String internal : INTERNALS) {
			assertThat(text).as(description).doesNotContain(internal);
		}
	}

	private static void assertValidText(String description, JsonNode json) {
		if (json.isString()) {
			assertThat(JsonText.invalidAt(json.asString().replace("\u0000", ""))).as(description).isEqualTo(-1);
		}
		for (Map.Entry<String, JsonNode> member : json.properties()) {
			assertThat(JsonText.invalidAt(member.getKey())).as(description).isEqualTo(-1);
			assertValidText(description, member.getValue());
		}
		if (json.isArray()) {
			json.values().forEach(value -> assertValidText(description, value));
		}
	}

}
