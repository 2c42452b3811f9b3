package org.cabildo.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import org.cabildo.platform.JsonText;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every JSON body read into a {@code @RequestBody} of any API passes {@link JsonText#requireValid}
 * before it is bound, so text that is not Unicode is refused with a 400 naming its JSON pointer.
 * A body that is not JSON at all is left for the converter to refuse as it does.
 */
@ControllerAdvice
class BodyTextCheck extends RequestBodyAdviceAdapter {

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		byte[] body;
		try (InputStream in = input.getBody()) {
			body = in.readAllBytes();
		}
		JsonNode json = null;
		try {
			json = JsonMapper.shared().readTree(body);
		}
		catch (JacksonException e) {
			// not JSON: the converter says so
		}
		if (json != null) {
			JsonText.requireValid(json);
		}
		HttpHeaders headers = input.getHeaders();
		return new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(body);
			}

			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}

		};
	}

}
