package org.cabildo.portal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.cabildo.platform.ApiException;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The portal's pages answer a request they cannot serve with a page in the reader's language and
 * a 4xx status, never the API's JSON: a bad parameter (a stream id that is not a number) is 400,
 * an unknown stream 404, and what the services refuse keeps their status. Refusals made before a
 * page's controller (a form without its CSRF token, too many objections from one address) reach
 * the servlet container's error page, which is this page too for the portal's paths.
 */
@ControllerAdvice(basePackageClasses = PortalErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {

	/** Paths that are not the portal's: the API keeps its own answers there. */
	private static final Set<String> API = Set.of("/v1.0", "/v1.1", "/api", "/v3", "/swagger-ui", "/swagger-ui.html",
			"/actuator");

	private final MessageSource messages;

	PortalErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ApiException.class)
	ModelAndView refused(ApiException e, HttpServletRequest request, HttpServletResponse response) {
		e.retryAfter().ifPresent(wait -> response.setHeader("Retry-After",
				Long.toString(Math.max(1, wait.toSeconds()))));
		return page(e.status(), request, request.getRequestURI().substring(request.getContextPath().length()),
				request.getMethod());
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ModelAndView badParameter(Exception e, HttpServletRequest request) {
		return page(HttpStatus.BAD_REQUEST, request, request.getRequestURI().substring(request.getContextPath().length()),
				request.getMethod());
	}

	/** The page of a refusal; the language switch leads back to the same path for a GET, home for a form. */
	ModelAndView page(HttpStatusCode status, HttpServletRequest request, String path, String method) {
		Locale locale = RequestContextUtils.getLocale(request);
		PortalView base = new PortalModel().portal(locale, request);
		String at = "GET".equals(method) || "HEAD".equals(method) ? path : back(path);
		PortalView portal = new PortalView(base.lang(), base.languages(), at, base.name());
		int code = status.value();
		String key = switch (code) {
			case 400, 403, 404, 405, 429 -> "card.problem." + code;
			default -> code >= 500 ? "card.problem.server" : "card.problem.other";
		};
		Problem problem = new Problem(code, messages.getMessage(key + ".title", new Object[] { code }, locale),
				messages.getMessage(key + ".detail", null, locale), code == 404 ? "/" : back(path));
		ModelAndView page = new ModelAndView("portal/problem", Map.of("portal", portal, "problem", problem));
		page.setStatus(status);
		return page;
	}

	/** Where a reader goes from a refused path: the stream's card for its forms, else home. */
	private static String back(String path) {
		return path.matches("/sensors/\\d{1,18}(/.*)?") ? path.replaceFirst("^(/sensors/\\d+).*$", "$1") : "/";
	}

	static boolean isPortal(String path) {
		return path != null && API.stream().noneMatch(api -> path.equals(api) || path.startsWith(api + "/"))
				&& !path.equals("/error");
	}

	/** The servlet container's error page, for the portal's paths and browsers (which accept HTML). */
	@Component
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class ErrorPages implements ErrorViewResolver {

		private final PortalErrors errors;

		ErrorPages(PortalErrors errors) {
			this.errors = errors;
		}

		@Override
		public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
			Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
			String path = uri == null ? null : uri.toString().substring(request.getContextPath().length());
			if (!isPortal(path) || !status.isError()) {
				return null;
			}
			// the error dispatch keeps the method of the request refused
			return errors.page(status, request, path, request.getMethod());
		}

	}

}
