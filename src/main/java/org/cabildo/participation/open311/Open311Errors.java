package org.cabildo.participation.open311;

import java.io.IOException;
import java.util.List;

import org.cabildo.platform.ApiException;
import org.cabildo.platform.RefusalDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every refusal of the GeoReport v2 endpoint in the standard's error format, a list of {@code
 * code} (the HTTP status) and {@code description}, in the format the path asks for: from its
 * controller (this advice, before the platform's JSON problems) and from what stands before it
 * (the body limit, the security filters: {@link RefusalDialect}).
 */
@Component
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors implements RefusalDialect {

	private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

	@Override
	public boolean speaks(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/open311/");
	}

	@Override
	public void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		ResponseEntity<byte[]> answer = answer(request, status, detail);
		response.setStatus(status.value());
		response.setContentType(answer.getHeaders().getContentType().toString());
		response.getOutputStream().write(answer.getBody());
	}

	@ExceptionHandler(ApiException.class)
	ResponseEntity<byte[]> refused(ApiException e, HttpServletRequest request) {
		ResponseEntity<byte[]> answer = answer(request, e.status(), e.getMessage());
		return e.retryAfter()
			.map(wait -> ResponseEntity.status(answer.getStatusCode())
				.headers(answer.getHeaders())
				.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())))
				.body(answer.getBody()))
			.orElse(answer);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<byte[]> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
		return answer(request, HttpStatus.CONTENT_TOO_LARGE,
				"media: the upload is larger than " + e.getMaxUploadSize() + " bytes");
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<byte[]> multipart(MultipartException e, HttpServletRequest request) {
		return answer(request, HttpStatus.BAD_REQUEST, "the request is not a readable multipart/form-data body");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<byte[]> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
		return answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"POST requests takes application/x-www-form-urlencoded (or multipart/form-data with a photo), not "
						+ e.getContentType());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<byte[]> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
		return answer(request, HttpStatus.METHOD_NOT_ALLOWED, e.getMethod() + " is not served here");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<byte[]> unexpected(Exception e, HttpServletRequest request) {
		log.error("Unexpected failure of an Open311 request", e);
		return answer(request, HttpStatus.INTERNAL_SERVER_ERROR, "the server failed to answer this request");
	}

	private static ResponseEntity<byte[]> answer(HttpServletRequest request, HttpStatus status, String description) {
		return Open311Documents.answer(status, Open311Format.ofPath(request.getRequestURI()), "errors",
				List.of(new Open311Wire.Error(status.value(), description)));
	}

}
