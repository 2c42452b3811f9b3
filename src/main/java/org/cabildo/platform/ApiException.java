package org.cabildo.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request that cannot be served, with the HTTP status to answer and details for the
 * client (for example {@code position} in a query option or {@code pointer} into a body).
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final Map<String, Object> details = new LinkedHashMap<>();

	public ApiException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	public static ApiException badRequest(String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, message);
	}

	public static ApiException notFound(String message) {
		return new ApiException(HttpStatus.NOT_FOUND, message);
	}

	public ApiException with(String name, Object value) {
		if (value != null) {
			details.put(name, value);
		}
		return this;
	}

	public HttpStatus status() {
		return status;
	}

	public Map<String, Object> details() {
		return details;
	}

}
