package org.cabildo.sensing.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.cabildo.platform.JsonText;
import org.cabildo.sensing.model.EntityType;
import org.springframework.http.HttpStatus;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JsonGenerator;

/**
 * What a request to the SensorThings API answers, however it came (over HTTP or inside a
 * {@code $batch}): a status, headers, and a JSON body, a text body ({@code $value}) or none.
 * The body is written only when the answer is sent, from what the request read.
 *
 * @param created the entity a POST created, so that later requests of a batch can name it
 */
record Reply(HttpStatus status, Map<String, String> headers, JsonBody json, String text, Created created) {

	/** An entity a request created (or, for a re-sent observation, found already stored). */
	record Created(EntityType type, long id) {
	}

	static Reply json(HttpStatus status, JsonBody body) {
		return new Reply(status, Map.of(), body, null, null);
	}

	static Reply text(String text) {
		return new Reply(HttpStatus.OK, Map.of(), null, text, null);
	}

	static Reply empty(HttpStatus status) {
		return new Reply(status, Map.of(), null, null, null);
	}

	/** A 201 for a created entity, with its address in the Location header. */
	static Reply created(EntityType type, long id, String selfLink, JsonBody body) {
		return new Reply(HttpStatus.CREATED, Map.of("Location", selfLink), body, null, new Created(type, id));
	}

	/**
	 * A 200 for a re-sent Observation that corrected the stored one in place, with its address in
	 * the Location header (and named for later requests of a batch, as a created one is).
	 */
	static Reply corrected(EntityType type, long id, String selfLink, JsonBody body) {
		return new Reply(HttpStatus.OK, Map.of("Location", selfLink), body, null, new Created(type, id));
	}

	Reply withHeader(String name, String value) {
		Map<String, String> all = new LinkedHashMap<>(headers);
		all.put(name, value);
		return new Reply(status, all, json, text, created);
	}

	void send(HttpServletResponse response) throws IOException {
		response.setStatus(status.value());
		headers.forEach(response::setHeader);
		if (json != null) {
			response.setContentType("application/json;charset=UTF-8");
			try (OutputStream out = response.getOutputStream();
					JsonGenerator generator = JsonText.writer().createGenerator(out)) {
				json.write(generator);
			}
		}
		else if (text != null) {
			response.setContentType("text/plain;charset=UTF-8");
			response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
		}
	}

}
