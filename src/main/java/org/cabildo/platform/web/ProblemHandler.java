package org.cabildo.platform.web;

import java.net.URI;
import java.sql.SQLException;

import org.cabildo.platform.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps every failure of a request to a JSON problem body, once for the whole platform. */
@RestControllerAdvice
class ProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ProblemDetail> api(ApiException e) {
		ProblemDetail problem = problem(e.status(), e.getMessage());
		e.details().forEach(problem::setProperty);
		return respond(problem);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
		return respond(problem(HttpStatus.BAD_REQUEST, "the request body is not valid JSON"));
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
	 * A data exception (SQLSTATE class 22: numeric overflow, division by zero, bad cast) can
	 * only come from values in the request, so the client hears about it; anything else from
	 * the database is the server's fault.
	 */
	@ExceptionHandler(DataAccessException.class)
	ResponseEntity<ProblemDetail> database(DataAccessException e) {
		if (e.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null
				&& sql.getSQLState().startsWith("22")) {
			return respond(problem(HttpStatus.BAD_REQUEST, "the database cannot evaluate the request: "
					+ firstLine(sql.getMessage())));
		}
		if (e.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null
				&& sql.getSQLState().startsWith("23")) {
			return respond(problem(HttpStatus.CONFLICT, "the request conflicts with stored data: "
					+ firstLine(sql.getMessage())));
		}
		log.error("Database failure", e);
		return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "the database failed to answer; try again later"));
	}

	/** Whatever else fails is the server's fault: logged in full, answered without internals. */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e) {
		log.error("Unexpected failure", e);
		return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "the server failed to answer this request"));
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		int newline = message.indexOf('\n');
		return newline < 0 ? message : message.substring(0, newline);
	}

	static ProblemDetail problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("about:blank"));
		return problem;
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus())
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
