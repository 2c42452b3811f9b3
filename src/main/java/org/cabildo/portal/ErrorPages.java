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
		return new ModelAndView("portal/error", Map.of("portal", portal, "failure", ErrorPage.of(status)), status);
	}

	/**
	 * What the error page says: the status, and the labels of its title and explanation.
	 *
	 * @param status the HTTP status code
	 * @param title the label of the page's title
	 * @param explanation the label of what happened and what to do
	 */
	record ErrorPage(int status, String title, String explanation) {

		private static final Set<Integer> EXPLAINED = Set.of(400, 403, 404, 405, 413, 429, 500, 503);

		static ErrorPage of(HttpStatus status) {
			String key = EXPLAINED.contains(status.value()) ? Integer.toString(status.value())
					: status.is5xxServerError() ? "5xx" : "4xx";
			return new ErrorPage(status.value(), "errors." + key + ".title", "errors." + key + ".explanation");
		}

	}

}
