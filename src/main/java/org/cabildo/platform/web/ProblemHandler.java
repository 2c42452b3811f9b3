package org.cabildo.platform.web;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.cabildo.platform.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps every failure of a request to a JSON problem body, once for the whole platform. */
@RestControllerAdvice
class ProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ProblemDetail> api(ApiException e) {
		ProblemDetail problem = problem(e.status(), e.getMessage());
		e.details().forEach(problem::setProperty);
		return respond(problem, e.retryAfter());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
		return respond(problem(HttpStatus.BAD_REQUEST, "the request body is not valid JSON"));
	}

	/**
	 * Tomcat decodes the query string when it is first read and refuses a malformed
	 * percent-escape ({@code %zz}) or bytes that are not UTF-8 with this exception.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ProblemDetail> undecodable(InvalidParameterException e) {
		return respond(problem(HttpStatus.BAD_REQUEST,
				"the query string cannot be decoded: each '%' must start an escape of two hexadecimal digits "
						+ "(%25 for '%' itself), and the escaped bytes must be UTF-8"));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
		return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage()));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
		return respond(problem(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage()));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
		return respond(problem(HttpStatus.NOT_FOUND, "nothing is at " + e.getResourcePath()));
	}

	/**
	 * The database refused or failed the request: in our words (see {@link DatabaseProblem}),
	 * never the database's own message. A failed commit or no connection in time is a
	 * {@link TransactionException}, temporary like a lost connection.
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ResponseEntity<ProblemDetail> database(RuntimeException e) {
		DatabaseProblem answer = DatabaseProblem.of(e);
		if (e instanceof QueryTimeoutException) {
			log.warn("Statement cancelled: {}", e.getMessage());
		}
		else if (answer.serverSide()) {
			log.error("Database failure", e);
		}
		else {
			log.debug("Database refused a request", e);
		}
		ProblemDetail problem = problem(answer.status(), answer.detail());
		answer.details().forEach(problem::setProperty);
		return respond(problem, answer.retryAfter());
	}

	/**
	 * A multipart upload over its limit while it was read (sent without a Content-Length, which
	 * the body limit answers before reading): 413, as the body limit answers.
	 */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException e) {
		ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE,
				"the upload is larger than " + e.getMaxUploadSize() + " bytes");
		problem.setProperty("limit", e.getMaxUploadSize());
		return respond(problem);
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST,
				"the upload lacks its part '" + e.getRequestPartName() + "'");
		problem.setProperty("part", e.getRequestPartName());
		return respond(problem);
	}

	/** A multipart body that cannot be read as one (cut short, no boundary). */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> multipart(MultipartException e) {
		return respond(problem(HttpStatus.BAD_REQUEST,
				"the request is not a readable multipart/form-data body: " + e.getMessage()));
	}

	/** Whatever else fails is the server's fault: logged in full, answered without internals. */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e) {
		log.error("Unexpected failure", e);
		return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "the server failed to answer this request"));
	}

	static ProblemDetail problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("about:blank"));
		return problem;
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return respond(problem, Optional.empty());
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, Optional<Duration> retryAfter) {
		return ResponseEntity.status(problem.getStatus())
			.headers(headers -> retryAfter.ifPresent(
					wait -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())))))
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
