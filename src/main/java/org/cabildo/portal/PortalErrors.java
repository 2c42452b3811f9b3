package org.cabildo.portal;

import java.util.Locale;

import org.cabildo.platform.ApiException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The portal's pages answer a request they cannot serve with the error page ({@link ErrorPages})
 * in the reader's language and a 4xx status, never the API's JSON: a bad parameter (a stream id
 * that is not a number) is 400, an unknown stream 404, and what the services refuse keeps their
 * status. The consoles and the auditor's pages say their refusals in their own words.
 */
@ControllerAdvice(basePackageClasses = PortalErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PortalErrors {

	private final MessageSource messages;

	PortalErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ApiException.class)
	ModelAndView refused(ApiException e, HttpServletRequest request, HttpServletResponse response) {
		e.retryAfter().ifPresent(wait -> response.setHeader("Retry-After",
				Long.toString(Math.max(1, wait.toSeconds()))));
		return page(e.status(), request);
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ModelAndView badParameter(Exception e, HttpServletRequest request) {
		return page(HttpStatus.BAD_REQUEST, request);
	}

	private ModelAndView page(HttpStatusCode status, HttpServletRequest request) {
		Locale locale = RequestContextUtils.getLocale(request);
		PortalView portal = new PortalModel().portal(locale, request);
		String key = switch (status.value()) {
			case 400, 403, 404, 405, 429 -> "card.problem." + status.value() + ".detail";
			default -> null;
		};
		String detail = key == null ? null : messages.getMessage(key, null, portal.language().locale());
		return ErrorPages.page(portal, ErrorPages.ErrorPage.of(status).with(detail));
	}

}
