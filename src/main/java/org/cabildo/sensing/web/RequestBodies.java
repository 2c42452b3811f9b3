package org.cabildo.sensing.web;

import java.io.IOException;
import java.io.InputStream;

import org.cabildo.platform.ApiException;
import org.cabildo.platform.JsonText;
import org.cabildo.sensing.SensingSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON request bodies within the size limit, with errors that say where the JSON breaks
 * or where it holds text that is not Unicode ({@link JsonText}).
 */
@Component
class RequestBodies {

	private final JsonMapper mapper = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private final SensingSettings settings;

	RequestBodies(SensingSettings settings) {
		this.settings = settings;
	}

	JsonNode read(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType != null && !isJson(contentType)) {
			throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"the body must be application/json, not " + contentType);
		}
		long limit = settings.maxBodyBytes();
		if (request.getContentLengthLong() > limit) {
			throw tooLarge(limit);
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
		}
		catch (IOException e) {
			throw ApiException.badRequest("the request body could not be read");
		}
		if (body.length > limit) {
			throw tooLarge(limit);
		}
		if (body.length == 0) {
			throw ApiException.badRequest("the request has no body; expected a JSON object");
		}
		JsonNode json;
		try {
			json = mapper.readTree(body);
		}
		catch (JacksonException e) {
			TokenStreamLocation location = e.getLocation();
			ApiException problem = ApiException.badRequest("the body is not valid JSON: " + JsonText.whyNotJson(e));
			if (location != null) {
				problem.with("line", location.getLineNr()).with("column", location.getColumnNr());
			}
			throw problem;
		}
		JsonText.requireValid(json);
		return json;
	}

	private static boolean isJson(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json");
		}
		catch (RuntimeException e) {
			return false;
		}
	}

	private static ApiException tooLarge(long limit) {
		return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "the request body is larger than " + limit + " bytes")
			.with("limit", limit);
	}

}
