package org.cabildo.portal;

import java.security.Principal;
import java.util.Locale;

import org.cabildo.identity.Caller;
import org.cabildo.participation.Demographics;
import org.cabildo.participation.Filing;
import org.cabildo.participation.Reporter;
import org.cabildo.participation.Reports;
import org.cabildo.platform.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Report a problem", {@code /report}: a form anyone may send without an account, and without
 * JavaScript (the place is a district and an address; the script adds a map to put a pin on). It
 * files through participation's one gate, as an Open311 client does, within the same allowance
 * per client address or account (429 beyond it: the error page); it is defended as a card's
 * objection form is, with a CSRF token, a trap field people leave empty and a signed issue time.
 * A refused report comes back with its problem at its field (400); a filed one is shown at its
 * own address (303), so that reloading that page files nothing again.
 */
@Controller
@Hidden
class ReportFormController {

	static final String VIEW = "portal/report-form";

	private final ReportFormPage page;

	private final Reports reports;

	private final FormTokens tokens;

	ReportFormController(ReportFormPage page, Reports reports, FormTokens tokens) {
		this.page = page;
		this.reports = reports;
		this.tokens = tokens;
	}

	@GetMapping("/report")
	String form(@ModelAttribute("portal") PortalView portal, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		return show(page.view(portal.language(), ReportForm.EMPTY, new LinkedMultiValueMap<>(),
				tokens.issue(ReportFormPage.FORM), ReportFormView.Problems.NONE), request, response, model);
	}

	@PostMapping("/report")
	Object file(@ModelAttribute("sent") ReportForm form, @RequestParam MultiValueMap<String, String> typed,
			Principal principal, @ModelAttribute("portal") PortalView portal, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Locale locale = portal.language().locale();
		FormTokens.Verdict verdict = tokens.check(form.issued(), ReportFormPage.FORM);
		// A form sent too soon may be sent again as it is, in a moment; any other gets a new issue time.
		String again = verdict == FormTokens.Verdict.GOOD || verdict == FormTokens.Verdict.TOO_FAST ? form.issued()
				: tokens.issue(ReportFormPage.FORM);
		if (form.website() != null && !form.website().isEmpty()) {
			return refuse(form, typed, again, page.problem("participation.form.trap", locale), portal, request,
					response, model);
		}
		if (verdict != FormTokens.Verdict.GOOD) {
			return refuse(form, typed, again, refusal(verdict, locale), portal, request, response, model);
		}
		Reports.Filed filed;
		try {
			Demographics said = Demographics.of(form.gender(), form.ageBand(), "gender", "ageBand");
			// who files is the request's own signed-in person (a device files nothing as itself here)
			Long person = Caller.of(principal).filter(c -> !c.isDevice()).map(Caller::id).filter(id -> id > 0)
				.orElse(null);
			Reporter who = Reporter.resident(person, request.getRemoteAddr(), form.email(), null, null, null, null, null);
			filed = reports.file(new Filing(null, form.service(), form.lat(), form.lon(), form.address(), null,
					form.district(), page.answers(form.service(), typed), form.description(), null, who, null, said),
					id -> {
						throw new IllegalStateException("the portal's form sends no photo");
					});
		}
		catch (ApiException e) {
			if (!isTheFormsProblem(e)) {
				throw e;
			}
			return refuse(form, typed, again, page.refused(e, form, typed, locale), portal, request, response, model);
		}
		tokens.spend(form.issued());
		RedirectView report = new RedirectView("/reports/" + filed.report().id(), true);
		report.setStatusCode(HttpStatus.SEE_OTHER);
		return report;
	}

	/**
	 * A refusal the resident can mend in the form: a value (400), or a service that is not the
	 * city's (404 naming the field). Any other (429 beyond the allowance) is the error page's.
	 */
	private static boolean isTheFormsProblem(ApiException e) {
		return e.status() == HttpStatus.BAD_REQUEST
				|| e.status() == HttpStatus.NOT_FOUND && e.details().get("field") != null;
	}

	/** The form again, as it was sent, with its problem at its field: 400. */
	private String refuse(ReportForm form, MultiValueMap<String, String> typed, String issued,
			ReportFormView.Problems problems, PortalView portal, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return show(page.view(portal.language(), form, typed, issued, problems), request, response, model);
	}

	private String show(ReportFormView view, HttpServletRequest request, HttpServletResponse response, Model model) {
		// The CSRF token is made now, its cookie set with the headers: the form is longer than the
		// response buffer may be, and a cookie set once the page has started is lost.
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
			csrf.getToken();
		}
		if (view.map() != null && page.tiles().any()) {
			response.setHeader("Content-Security-Policy",
					PortalConfiguration.contentSecurityPolicy(page.tiles().source()));
		}
		model.addAttribute("form", view);
		return VIEW;
	}

	private ReportFormView.Problems refusal(FormTokens.Verdict verdict, Locale locale) {
		return switch (verdict) {
			case TOO_FAST -> page.problem("participation.form.too-fast", locale, tokens.settings().minAge().toSeconds());
			case TOO_OLD -> page.problem("participation.form.too-old", locale, tokens.settings().maxAge().toHours());
			case SPENT -> page.problem("participation.form.spent", locale);
			case MISSING, FORGED, GOOD -> page.problem("participation.form.unsigned", locale);
		};
	}

}
