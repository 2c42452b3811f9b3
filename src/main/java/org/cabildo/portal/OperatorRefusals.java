package org.cabildo.portal;

import java.util.Locale;

import org.cabildo.platform.ApiException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The page a refusal of the operator's console answers with: its status (403, 404, 409...), what
 * it means in the page's language (by the rule that refused, when the console knows it) and the
 * API's own words, so that an operator learns why, as a client of the API would. A malformed
 * address (a page or an id that is not a number) is a 400 page. Before the portal's general
 * error pages ({@link PortalErrors}), for the operator's console only.
 */
@ControllerAdvice(basePackages = "org.cabildo.portal.operator")
@Order(Ordered.HIGHEST_PRECEDENCE)
class OperatorRefusals {

	/** What the refusal page shows. */
	record Refusal(int status, String heading, String meaning, String api) {
	}

	private final MessageSource messages;

	OperatorRefusals(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ApiException.class)
	ModelAndView refused(ApiException e, HttpServletRequest request, HttpServletResponse response) {
		e.retryAfter().ifPresent(wait -> response.setHeader(HttpHeaders.RETRY_AFTER,
				Long.toString(Math.max(1, wait.toSeconds()))));
		String rule = e.details().get("rule") instanceof String named ? named : null;
		return page(e.status(), rule, e.getMessage(), request);
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ModelAndView malformed(Exception e, HttpServletRequest request) {
		return page(HttpStatus.BAD_REQUEST, "address", null, request);
	}

	private ModelAndView page(HttpStatus status, String rule, String api, HttpServletRequest request) {
		Locale locale = RequestContextUtils.getLocale(request);
		Locale language = Language.of(locale).locale();
		String meaning = rule == null ? null : messages.getMessage("operator.rule." + rule, null, null, language);
		if (meaning == null) {
			meaning = messages.getMessage("operator.refused.api", null, language);
		}
		String heading = messages.getMessage("operator.refused.heading." + status.value(), null, null, language);
		ModelAndView page = new ModelAndView("portal/operator/refused", status);
		page.addObject("portal", PortalModel.view(locale,
				request.getRequestURI().substring(request.getContextPath().length())));
		page.addObject("refusal", new Refusal(status.value(),
				heading != null ? heading : messages.getMessage("operator.refused.heading", null, language), meaning, api));
		return page;
	}

}
