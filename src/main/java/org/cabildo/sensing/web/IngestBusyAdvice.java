package org.cabildo.sensing.web;

import java.net.URI;

import org.cabildo.sensing.ingest.IngestBusyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Backpressure: when the database does not keep up and the ingest queue is full, a request
 * that creates observations is answered 503 with {@code Retry-After}, nothing of it stored.
 * Ordered before the platform's catch-all problem handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IngestBusyAdvice {

	@ExceptionHandler(IngestBusyException.class)
	ResponseEntity<ProblemDetail> busy(IngestBusyException e) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(e)))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(e));
	}

	static long retryAfterSeconds(IngestBusyException e) {
		return Math.max(1, e.retryAfter().toSeconds());
	}

	static ProblemDetail problem(IngestBusyException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
		problem.setType(URI.create("about:blank"));
		problem.setProperty("retryAfter", retryAfterSeconds(e));
		return problem;
	}

}
