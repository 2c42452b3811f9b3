package org.cabildo.portal;

import java.util.Locale;

import org.cabildo.platform.ApiException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The page a refusal of the operator's console answers with, in place of the API's JSON problem:
 * its status (403, 404, 409...), what it means in the page's language (by the rule that refused,
 * when the console knows it) and the API's own words. A malformed address (a page or an id that is
 * not a number) is a 400 page, never a server error.
 */
@ControllerAdvice(basePackages = "org.cabildo.portal.operator")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleRefusals {

	/** What the refusal page shows. */
	record Refusal(int status, String heading, String meaning, String api) {
	}

	private final PortalModel portal;

	private final MessageSource messages;

	ConsoleRefusals(PortalModel portal, MessageSource messages) {
		this.portal = portal;
		this.messages = messages;
	}

	@ExceptionHandler(ApiException.class)
	ModelAndView refused(ApiException e, Locale locale, HttpServletRequest request) {
		String rule = e.details().get("rule") instanceof String named ? named : null;
		return page(e.status(), rule, e.getMessage(), locale, request);
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ModelAndView malformed(Exception e, Locale locale, HttpServletRequest request) {
		return page(HttpStatus.BAD_REQUEST, "address", null, locale, request);
	}

	private ModelAndView page(HttpStatus status, String rule, String api, Locale locale, HttpServletRequest request) {
		Locale language = Language.of(locale).locale();
		String meaning = rule == null ? null
				: messages.getMessage("operator.rule." + rule, null, null, language);
		if (meaning == null) {
			meaning = messages.getMessage("operator.refused.api", null, language);
		}
		ModelAndView page = new ModelAndView("portal/operator/refused", status);
		page.addObject("portal", portal.portal(locale, request));
		String heading = messages.getMessage("operator.refused.heading." + status.value(), null, null, language);
		page.addObject("refusal", new Refusal(status.value(),
				heading != null ? heading : messages.getMessage("operator.refused.heading", null, language), meaning, api));
		return page;
	}

}
