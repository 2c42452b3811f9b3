package org.cabildo.sensing.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.cabildo.platform.JsonText;
import org.cabildo.platform.PlatformSettings;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1.1/$batch} (and 1.0) in the JSON batch format: the requests run as
 * {@link Batch} says, and the answer is 200 with {@code {"responses": [...]}}, one per
 * request in order, each with its {@code id}, {@code atomicityGroup}, {@code status},
 * {@code headers} (names in lower case, as {@code location}) and {@code body}. A body that is
 * not a batch is a 400 as a whole.
 */
@Hidden
@RestController
class BatchController {

	private final Batch batch;

	private final RequestBodies bodies;

	private final PlatformSettings platform;

	private final JsonMapper json = JsonText.writer();

	BatchController(Batch batch, RequestBodies bodies, PlatformSettings platform) {
		this.batch = batch;
		this.bodies = bodies;
		this.platform = platform;
	}

	@PostMapping({ "/v1.0/$batch", "/v1.1/$batch" })
	void run(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Call call = Call.of(request, platform);
		List<BatchRequest> requests = BatchRequest.readAll(bodies.read(request));
		response.setStatus(HttpStatus.OK.value());
		response.setContentType("application/json;charset=UTF-8");
		try (OutputStream out = response.getOutputStream(); JsonGenerator generator = json.createGenerator(out)) {
			generator.writeStartObject();
			generator.writeName("responses");
			generator.writeStartArray();
			batch.run(call, requests, (sent, reply) -> answer(generator, sent, reply));
			generator.writeEndArray();
			generator.writeEndObject();
		}
	}

	private void answer(JsonGenerator out, BatchRequest request, Reply reply) {
		String body;
		try {
			body = body(reply);
		}
		catch (RuntimeException e) {
			reply = Problems.of(e);
			body = body(reply);
		}
		out.writeStartObject();
		out.writeStringProperty("id", request.id());
		if (request.atomicityGroup() != null) {
			out.writeStringProperty("atomicityGroup", request.atomicityGroup());
		}
		out.writeNumberProperty("status", reply.status().value());
		if (!reply.headers().isEmpty()) {
			out.writeName("headers");
			out.writeStartObject();
			reply.headers().forEach((name, value) -> out.writeStringProperty(name.toLowerCase(Locale.ROOT), value));
			out.writeEndObject();
		}
		if (body != null) {
			out.writeName("body");
			out.writeRawValue(body);
		}
		else if (reply.text() != null) {
			out.writeStringProperty("body", reply.text());
		}
		out.writeEndObject();
	}

	/**
	 * The JSON body, written apart first, encoded as it will be sent, so that a failure while
	 * writing it stays within its own answer and the batch answer around it stays whole.
	 */
	private String body(Reply reply) {
		if (reply.json() == null) {
			return null;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
		try (JsonGenerator generator = json.createGenerator(bytes)) {
			reply.json().write(generator);
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
