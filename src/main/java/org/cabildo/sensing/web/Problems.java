package org.cabildo.sensing.web;

import java.util.Map;

import org.cabildo.platform.ApiException;
import org.cabildo.platform.web.DatabaseProblem;
import org.cabildo.sensing.ingest.IngestBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionException;

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
			case ApiException api -> {
				Reply reply = problem(api.status(), api.getMessage(), api.details());
				yield api.retryAfter()
					.map(wait -> reply.withHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds()))))
					.orElse(reply);
			}
			case DataAccessException data -> database(data);
			case TransactionException transaction -> database(transaction);
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

	/** As for a request alone ({@link DatabaseProblem}): never the database's own message. */
	private static Reply database(RuntimeException e) {
		DatabaseProblem answer = DatabaseProblem.of(e);
		if (e instanceof QueryTimeoutException) {
			log.warn("Statement cancelled in a batch: {}", e.getMessage());
		}
		else if (answer.serverSide()) {
			log.error("Database failure in a batch", e);
		}
		Reply reply = problem(answer.status(), answer.detail(), answer.details());
		return answer.retryAfter()
			.map(wait -> reply.withHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds()))))
			.orElse(reply);
	}

}
