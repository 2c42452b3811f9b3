package org.cabildo.sensing.web;

import java.sql.SQLException;
import java.util.Map;

import org.cabildo.platform.ApiException;
import org.cabildo.sensing.ingest.IngestBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The problem bodies (RFC 9457) of the requests inside a {@code $batch}, which each answer on
 * their own: the same statuses and details as the platform's problem handler gives a request
 * sent alone.
 */
final class Problems {

	private static final Logger log = LoggerFactory.getLogger(Problems.class);

	private Problems() {
	}

	static Reply of(RuntimeException e) {
		return switch (e) {
			case IngestBusyException busy -> problem(HttpStatus.SERVICE_UNAVAILABLE, busy.getMessage(),
					Map.of("retryAfter", IngestBusyAdvice.retryAfterSeconds(busy)))
				.withHeader(HttpHeaders.RETRY_AFTER, Long.toString(IngestBusyAdvice.retryAfterSeconds(busy)));
			case ApiException api -> problem(api.status(), api.getMessage(), api.details());
			case DataAccessException data -> database(data);
			default -> {
				log.error("Unexpected failure of a request in a batch", e);
				yield problem(HttpStatus.INTERNAL_SERVER_ERROR, "the server failed to answer this request", Map.of());
			}
		};
	}

	static Reply problem(HttpStatus status, String detail, Map<String, Object> details) {
		return Reply.json(status, json -> {
			json.writeStartObject();
			json.writeStringProperty("type", "about:blank");
			json.writeStringProperty("title", status.getReasonPhrase());
			json.writeNumberProperty("status", status.value());
			json.writeStringProperty("detail", detail);
			details.forEach((name, value) -> {
				json.writeName(name);
				json.writePOJO(value);
			});
			json.writeEndObject();
		});
	}

	/**
	 * As for a request alone: a data exception (SQLSTATE 22) or a conflict (23) is the
	 * client's; the rest the server's.
	 */
	private static Reply database(DataAccessException e) {
		if (e.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null) {
			if (sql.getSQLState().startsWith("22")) {
				return problem(HttpStatus.BAD_REQUEST,
						"the database cannot evaluate the request: " + firstLine(sql.getMessage()), Map.of());
			}
			if (sql.getSQLState().startsWith("23")) {
				return problem(HttpStatus.CONFLICT,
						"the request conflicts with stored data: " + firstLine(sql.getMessage()), Map.of());
			}
		}
		log.error("Database failure in a batch", e);
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "the database failed to answer; try again later", Map.of());
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		int newline = message.indexOf('\n');
		return newline < 0 ? message : message.substring(0, newline);
	}

}
