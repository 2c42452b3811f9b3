package org.cabildo.platform;

import java.io.IOException;

import org.springframework.http.HttpStatus;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How an API that has an error format of its own (Open311's list of {@code code} and {@code
 * description}) is refused by what stands before its controllers: the body limit, the security
 * filters. A module that serves such an API declares one as a bean; every other route is refused
 * with a JSON problem (RFC 9457).
 */
public interface RefusalDialect {

	/** Whether this request is answered in this dialect. */
	boolean speaks(HttpServletRequest request);

	/** Writes the refusal: status, content type and body. */
	void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException;

}
