package org.cabildo.portal;

import java.util.Map;
import java.util.Set;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The error page of a portal page, in the page's language (its cookie, else the browser's
 * Accept-Language), in the portal's layout, with the failed request's status; nothing of the
 * request is written in it but its path in the language links, escaped. Spring Boot's error
 * controller asks for it when the browser wants HTML; an API request's error is not a page's.
 */
@Component
class ErrorPages implements ErrorViewResolver {

	/** A card's objection form, whose refusals before the controller say what they mean for it. */
	private static final java.util.regex.Pattern OBJECTION_FORM = java.util.regex.Pattern
		.compile("/sensors/\\d{1,18}/objections");

	private final org.springframework.context.MessageSource messages;

	ErrorPages(org.springframework.context.MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		if (!(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed)) {
			return null;
		}
		String path = failed.substring(Math.min(failed.length(), request.getContextPath().length()));
		if (!PortalConfiguration.isPage(path)) {
			return null;
		}
		PortalView portal = PortalModel.view(RequestContextUtils.getLocale(request), path);
		String detail = null;
		if (status == HttpStatus.TOO_MANY_REQUESTS && OBJECTION_FORM.matcher(path).matches()) {
			detail = "card.problem.429.detail";
		}
		else if (status == HttpStatus.TOO_MANY_REQUESTS && path.startsWith("/residents/")) {
			// the forms of residents' accounts, beyond the allowance of writes without an account
			detail = "residents.problem.429.detail";
		}
		else if (status == HttpStatus.FORBIDDEN && !"GET".equals(request.getMethod())) {
			// refused before any controller: a form without its CSRF token, or with an expired one
			detail = "card.problem.403.detail";
		}
		String said = detail == null ? null : messages.getMessage(detail, null, portal.language().locale());
		return page(portal, ErrorPage.of(status).with(said));
	}

	/** The error page with what it says, in the portal's layout. */
	static ModelAndView page(PortalView portal, ErrorPage failure) {
		return new ModelAndView("portal/error", Map.of("portal", portal, "failure", failure),
				HttpStatus.valueOf(failure.status()));
	}

	/**
	 * What the error page says: the status, and the labels of its title and explanation; and, when
	 * the page that refused says more of it, its words, the API's own and the way back.
	 *
	 * @param status the HTTP status code
	 * @param title the label of the page's title
	 * @param explanation the label of what happened and what to do
	 * @param detail what the page that refused says of this refusal, already in the page's language; null if nothing
	 * @param api the API's own words (English) for a refusal the page could not say in its own; null if none
	 * @param back the way back to the part of the portal that refused; null for none but home
	 */
	record ErrorPage(int status, String title, String explanation, String detail, String api, Way back) {

		private static final Set<Integer> EXPLAINED = Set.of(400, 403, 404, 405, 409, 413, 429, 500, 503);

		static ErrorPage of(HttpStatus status) {
			String key = EXPLAINED.contains(status.value()) ? Integer.toString(status.value())
					: status.is5xxServerError() ? "5xx" : "4xx";
			return new ErrorPage(status.value(), "errors." + key + ".title", "errors." + key + ".explanation", null,
					null, null);
		}

		static ErrorPage of(org.springframework.http.HttpStatusCode status) {
			return of(HttpStatus.valueOf(status.value()));
		}

		ErrorPage with(String detail) {
			return new ErrorPage(status, title, explanation, detail, api, back);
		}

		ErrorPage with(String detail, String api, Way back) {
			return new ErrorPage(status, title, explanation, detail, api, back);
		}

	}

	/**
	 * A link of the error page back to where the refused request came from.
	 *
	 * @param path a path of the portal
	 * @param label the label of the link
	 */
	record Way(String path, String label) {
	}

}
