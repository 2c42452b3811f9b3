package org.cabildo.platform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;

/**
 * A request that cannot be served, with the HTTP status to answer and details for the
 * client (for example {@code position} in a query option or {@code pointer} into a body).
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final Map<String, Object> details = new LinkedHashMap<>();

	private Duration retryAfter;

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

	/** When the client may try again: answered as {@code Retry-After} (whole seconds, at least one). */
	public ApiException retryAfter(Duration wait) {
		this.retryAfter = wait;
		return this;
	}

	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(retryAfter);
	}

	public HttpStatus status() {
		return status;
	}

	public Map<String, Object> details() {
		return details;
	}

}
