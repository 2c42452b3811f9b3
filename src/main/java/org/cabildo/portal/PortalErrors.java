package org.cabildo.portal;

import org.cabildo.platform.ApiException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every portal page (the public ones, the consoles, the auditor's) answers a request it cannot
 * serve with the one error page ({@link ErrorPages}) in the reader's language and a 4xx status,
 * never the API's JSON: a bad parameter (a stream id that is not a number) is 400, and what the
 * services refuse keeps their status (403, 404, 409...) and their Retry-After. What the page
 * says of the refusal is the refusing part's ({@link Refusals}). Before the platform's handler of
 * the API's problems.
 */
@ControllerAdvice(basePackageClasses = PortalErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {

	private final Refusals refusals;

	PortalErrors(Refusals refusals) {
		this.refusals = refusals;
	}

	@ExceptionHandler(ApiException.class)
	ModelAndView refused(ApiException e, HandlerMethod handler, HttpServletRequest request,
			HttpServletResponse response) {
		e.retryAfter().ifPresent(wait -> response.setHeader(HttpHeaders.RETRY_AFTER,
				Long.toString(Math.max(1, wait.toSeconds()))));
		PortalView portal = portal(request);
		return ErrorPages.page(portal, refusals.refused(e, handler.getBeanType(), portal.language()));
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ModelAndView malformed(Exception e, HandlerMethod handler, HttpServletRequest request) {
		PortalView portal = portal(request);
		return ErrorPages.page(portal, refusals.malformed(handler.getBeanType(), portal.language()));
	}

	private static PortalView portal(HttpServletRequest request) {
		return PortalModel.view(RequestContextUtils.getLocale(request),
				request.getRequestURI().substring(request.getContextPath().length()));
	}

}
