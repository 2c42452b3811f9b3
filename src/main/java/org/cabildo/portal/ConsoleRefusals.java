package org.cabildo.portal;

import java.util.Locale;

import org.cabildo.platform.ApiException;
import org.cabildo.portal.steward.Wording;
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
 * The consoles' refusals as pages: what a service refuses (not a steward of the owner, no such
 * stream, a stage rule) is answered with the status the API would give and the refusal said in
 * the page's language; a malformed address or parameter is a 400 page. The API's own answers
 * (JSON problems) are left as they are.
 */
@ControllerAdvice(basePackages = "org.cabildo.portal.steward", assignableTypes = ConsoleEntryController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleRefusals {

	private final PortalModel portal;

	private final Wording wording;

	ConsoleRefusals(PortalModel portal, Wording wording) {
		this.portal = portal;
		this.wording = wording;
	}

	@ExceptionHandler(ApiException.class)
	ModelAndView refused(ApiException e, Locale locale, HttpServletRequest request) {
		PortalView view = portal.portal(locale, request);
		Wording.Said said = wording.said(e, view.language());
		return page(view, e.status(), said.translated() ? said.text()
				: wording.label("steward.refusal." + kind(e.status()), view.language()), said.translated() ? null
						: said.english());
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ModelAndView malformed(Exception e, Locale locale, HttpServletRequest request) {
		PortalView view = portal.portal(locale, request);
		return page(view, HttpStatus.BAD_REQUEST, wording.label("steward.refusal.bad-request", view.language()), null);
	}

	private static ModelAndView page(PortalView view, HttpStatus status, String text, String english) {
		ModelAndView page = new ModelAndView("portal/console-refusal", status);
		page.addObject("portal", view);
		page.addObject("refusal", new Refusal(status.value(), text, english));
		return page;
	}

	private static String kind(HttpStatus status) {
		return switch (status) {
			case UNAUTHORIZED -> "sign-in";
			case FORBIDDEN -> "forbidden";
			case NOT_FOUND -> "not-found";
			case CONFLICT -> "conflict";
			case BAD_REQUEST -> "bad-request";
			default -> "other";
		};
	}

	/**
	 * A refusal as its page says it.
	 *
	 * @param english the API's own words when the console has none of its own for this refusal; else null
	 */
	record Refusal(int status, String text, String english) {
	}

}
