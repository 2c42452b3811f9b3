package org.cabildo.portal;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.web.DatabaseProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page's request that fails (an unknown path, a bad parameter, a method the page does not take,
 * a refusal of the services, a fault) is answered with its status, and the error page in the
 * page's language ({@link ErrorPages}) instead of the API's JSON problem: taken before the
 * platform's problem handler, for pages only. The API's requests are left to it.
 */
@Component
class PageFailures implements HandlerExceptionResolver, Ordered {

	private static final Logger log = LoggerFactory.getLogger(PageFailures.class);

	/** Spring's own exceptions (404, 405, 400 for a parameter of the wrong type, ...) to their status. */
	private final DefaultHandlerExceptionResolver spring = new DefaultHandlerExceptionResolver();

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception e) {
		if (request.getDispatcherType() == DispatcherType.ERROR
				|| !PortalConfiguration.isPage(request.getRequestURI().substring(request.getContextPath().length()))) {
			return null;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null || !accept.contains("text/html")) {
			// not a browser (a client of the API that mistyped its path): the API's JSON problem
			return null;
		}
		if (handler instanceof org.springframework.web.method.HandlerMethod method
				&& method.getBeanType().getPackageName().startsWith(PageFailures.class.getPackageName())
				&& (e instanceof ApiException || e instanceof MethodArgumentTypeMismatchException
						|| e instanceof MissingServletRequestParameterException)) {
			// the portal's own pages say these in their words (PortalErrors, with Refusals)
			return null;
		}
		ModelAndView answered = spring.resolveException(request, response, handler, e);
		if (answered != null) {
			return answered;
		}
		HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
		Optional<Duration> retryAfter = Optional.empty();
		if (e instanceof ApiException refused) {
			status = refused.status();
			retryAfter = refused.retryAfter();
		}
		else if (e instanceof DataAccessException || e instanceof TransactionException) {
			// the database's refusal or failure, told as the API tells it: 400, 409 or 503
			DatabaseProblem problem = DatabaseProblem.of((RuntimeException) e);
			status = problem.status();
			retryAfter = problem.retryAfter();
		}
		else if (e instanceof InvalidParameterException) {
			status = HttpStatus.BAD_REQUEST;
		}
		retryAfter.ifPresent(
				wait -> response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds()))));
		if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
			log.error("A page failed: {} {}", request.getMethod(), request.getRequestURI(), e);
		}
		else if (status.is5xxServerError()) {
			log.warn("A page could not be served: {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
		}
		try {
			response.sendError(status.value());
		}
		catch (IOException gone) {
			return null;
		}
		return new ModelAndView();
	}

	/** After Spring Boot's record of the failure (its error attributes), before every other resolver. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
