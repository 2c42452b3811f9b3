package org.cabildo.portal;

import java.util.Locale;
import java.util.Map;

import org.cabildo.platform.ApiException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The page a refusal of the operator's console answers with: its status (403, 404, 409...), what
 * it means in the page's language (by the rule that refused, when the console knows it) and the
 * API's own words, so that an operator learns why, as a client of the API would. A malformed
 * address (a page or an id that is not a number) is a 400 page. Taken before the portal's general
 * error pages ({@link PageFailures}), for the console's handlers only; any other failure is left
 * to those.
 */
@Component
class ConsoleRefusals implements HandlerExceptionResolver, Ordered {

	/** The console's handlers, whose refusals are told in the API's words. */
	private static final String CONSOLE = "org.cabildo.portal.operator";

	/** What the refusal page shows. */
	record Refusal(int status, String heading, String meaning, String api) {
	}

	private final MessageSource messages;

	ConsoleRefusals(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception e) {
		if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getPackageName().equals(CONSOLE)) {
			return null;
		}
		if (e instanceof ApiException refused) {
			refused.retryAfter()
				.ifPresent(wait -> response.setHeader(HttpHeaders.RETRY_AFTER,
						Long.toString(Math.max(1, wait.toSeconds()))));
			String rule = refused.details().get("rule") instanceof String named ? named : null;
			return page(refused.status(), rule, refused.getMessage(), request);
		}
		if (e instanceof MethodArgumentTypeMismatchException || e instanceof MissingServletRequestParameterException) {
			return page(HttpStatus.BAD_REQUEST, "address", null, request);
		}
		return null;
	}

	private ModelAndView page(HttpStatus status, String rule, String api, HttpServletRequest request) {
		Locale locale = RequestContextUtils.getLocale(request);
		Locale language = Language.of(locale).locale();
		String meaning = rule == null ? null : messages.getMessage("operator.rule." + rule, null, null, language);
		if (meaning == null) {
			meaning = messages.getMessage("operator.refused.api", null, language);
		}
		String heading = messages.getMessage("operator.refused.heading." + status.value(), null, null, language);
		Refusal refusal = new Refusal(status.value(),
				heading != null ? heading : messages.getMessage("operator.refused.heading", null, language), meaning, api);
		PortalView portal = PortalModel.view(locale, request.getRequestURI().substring(request.getContextPath().length()));
		return new ModelAndView("portal/operator/refused", Map.of("portal", portal, "refusal", refusal), status);
	}

	/** Before the portal's general error pages ({@link PageFailures}), which come right after Spring Boot's record. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
