package org.cabildo.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.cabildo.identity.Residents;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.PlatformSettings;
import org.cabildo.portal.ReportFormView.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Residents' own accounts in the portal, the pages the accounts' mails link to: signing up
 * ({@code /residents/sign-up}), confirming the address with the link mailed to it
 * ({@code /residents/verify}), and asking for and setting a new password
 * ({@code /residents/password}). The same service as the API's ({@code /api/residents}), with the
 * same links in the mails.
 *
 * <p>Opening a mailed link changes nothing: mail scanners follow links, so the page offers a
 * button (a form that posts the link back). The forms are defended as the report form is: a CSRF
 * token, and for the two that send a mail to an address typed in them a trap field people leave
 * empty and a signed issue time; every write without an account counts against the client
 * address's allowance (429 beyond it: the error page), and an address receives a few mails an
 * hour at most, whoever asks. A refused form comes back with its problem at its field (400); a
 * link that does not work is a page that says why and how to get another (400).
 */
@Controller
@Hidden
class ResidentAccountsController {

	private static final String SIGN_UP = "portal/residents/sign-up";

	private static final String VERIFY = "portal/residents/verify";

	private static final String PASSWORD_REQUEST = "portal/residents/password";

	private static final String NEW_PASSWORD = "portal/residents/new-password";

	private static final String OUTCOME = "portal/residents/outcome";

	private final ResidentPages pages;

	private final Residents residents;

	private final FormTokens tokens;

	private final PlatformSettings platform;

	ResidentAccountsController(ResidentPages pages, Residents residents, FormTokens tokens, PlatformSettings platform) {
		this.pages = pages;
		this.residents = residents;
		this.tokens = tokens;
		this.platform = platform;
	}

	@GetMapping("/residents/sign-up")
	String signUpForm(@ModelAttribute("portal") PortalView portal, HttpServletRequest request, Model model) {
		return form(SIGN_UP, pages.signUp(portal.language(), ResidentForm.EMPTY, tokens.issue(ResidentPages.SIGN_UP),
				Problems.NONE), request, model);
	}

	@PostMapping("/residents/sign-up")
	String signUp(@ModelAttribute("sent") ResidentForm form, @ModelAttribute("portal") PortalView portal,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Locale locale = portal.language().locale();
		Checked checked = check(form, ResidentPages.SIGN_UP, locale);
		if (checked.problems() != null) {
			return refuse(SIGN_UP, pages.signUp(portal.language(), form, checked.again(), checked.problems()),
					request, response, model);
		}
		try {
			residents.signUp(form.email(), form.password(), form.language(), platform.linkBase());
		}
		catch (ApiException e) {
			Problems problems = pages.refused(e, locale);
			if (problems == null) {
				throw e;
			}
			return refuse(SIGN_UP, pages.signUp(portal.language(), form, checked.again(), problems), request,
					response, model);
		}
		tokens.spend(form.issued());
		return outcome(pages.signedUp(form.email(), locale), model);
	}

	/** The page of the link mailed to confirm an address: a button, as opening the link confirms nothing. */
	@GetMapping("/residents/verify")
	String verifyForm(@RequestParam(required = false) String link, @ModelAttribute("portal") PortalView portal,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		// a page opened without its link (a mail's address cut short): the page of a link that does not work
		if (link == null || link.isBlank()) {
			return badLink("link-missing", true, portal, response, model);
		}
		keepTheLink(portal, link, model);
		return form(VERIFY, pages.withLink(link, Problems.NONE), request, model);
	}

	@PostMapping("/residents/verify")
	String verify(@RequestParam(required = false) String link, @ModelAttribute("portal") PortalView portal,
			HttpServletResponse response, Model model) {
		Residents.Account account;
		try {
			account = residents.verify(link);
		}
		catch (ApiException e) {
			if (!ResidentPages.isTheLinks(e)) {
				throw e;
			}
			return badLink(String.valueOf(e.details().get("rule")), true, portal, response, model);
		}
		return outcome(pages.verified(account.email(), portal.language().locale()), model);
	}

	/** Without a link, the form to ask for one by mail; with the link mailed, the form to set a new password. */
	@GetMapping("/residents/password")
	String passwordForm(@RequestParam(required = false) String link, @ModelAttribute("portal") PortalView portal,
			HttpServletRequest request, Model model) {
		if (link == null || link.isBlank()) {
			return form(PASSWORD_REQUEST, pages.newPasswordRequest(ResidentForm.EMPTY,
					tokens.issue(ResidentPages.NEW_PASSWORD), Problems.NONE), request, model);
		}
		keepTheLink(portal, link, model);
		return form(NEW_PASSWORD, pages.withLink(link, Problems.NONE), request, model);
	}

	@PostMapping("/residents/password")
	String askForANewPassword(@ModelAttribute("sent") ResidentForm form, @ModelAttribute("portal") PortalView portal,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Locale locale = portal.language().locale();
		Checked checked = check(form, ResidentPages.NEW_PASSWORD, locale);
		if (checked.problems() != null) {
			return refuse(PASSWORD_REQUEST, pages.newPasswordRequest(form, checked.again(), checked.problems()),
					request, response, model);
		}
		try {
			residents.requestNewPassword(form.email(), platform.linkBase());
		}
		catch (ApiException e) {
			Problems problems = pages.refused(e, locale);
			if (problems == null) {
				throw e;
			}
			return refuse(PASSWORD_REQUEST, pages.newPasswordRequest(form, checked.again(), problems), request,
					response, model);
		}
		tokens.spend(form.issued());
		return outcome(pages.newPasswordAsked(form.email(), locale), model);
	}

	@PostMapping("/residents/password/new")
	String setPassword(@ModelAttribute("sent") ResidentForm form, @ModelAttribute("portal") PortalView portal,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Locale locale = portal.language().locale();
		Residents.Account account;
		try {
			account = residents.setPassword(form.link(), form.password());
		}
		catch (ApiException e) {
			if (ResidentPages.isTheLinks(e)) {
				return badLink(String.valueOf(e.details().get("rule")), false, portal, response, model);
			}
			Problems problems = pages.refused(e, locale);
			if (problems == null) {
				throw e;
			}
			return refuse(NEW_PASSWORD, pages.withLink(form.link(), problems), request, response, model);
		}
		return outcome(pages.passwordSet(account.email(), locale), model);
	}

	/**
	 * A form's own defences, before the service is asked: its trap field, and its token.
	 *
	 * @param problems what refuses it; null when it may go on
	 * @param again the token the form comes back with if it is refused: its own while still good
	 *        (or sent only too soon, to be sent again as it is in a moment), else a new one
	 */
	private record Checked(Problems problems, String again) {
	}

	private Checked check(ResidentForm form, String which, Locale locale) {
		FormTokens.Verdict verdict = tokens.check(form.issued(), which);
		String again = verdict == FormTokens.Verdict.GOOD || verdict == FormTokens.Verdict.TOO_FAST ? form.issued()
				: tokens.issue(which);
		boolean refused = form.trapped() || verdict != FormTokens.Verdict.GOOD;
		return new Checked(refused ? pages.refused(verdict, form.trapped(), locale) : null, again);
	}

	/** The form again, as it was sent (but the password), with its problems: 400. */
	private static String refuse(String view, ResidentFormView form, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return form(view, form, request, model);
	}

	private static String form(String view, ResidentFormView form, HttpServletRequest request, Model model) {
		// The CSRF token is made now, its cookie set with the headers, before the page starts (as the report form's).
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
			csrf.getToken();
		}
		model.addAttribute("form", form);
		return view;
	}

	/** A link that does not work, for the rule of the service it breaks: 400. */
	private String badLink(String rule, boolean confirming, PortalView portal, HttpServletResponse response,
			Model model) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return outcome(pages.badLink(rule, confirming, portal.language().locale()), model);
	}

	private static String outcome(ResidentOutcome outcome, Model model) {
		model.addAttribute("outcome", outcome);
		return OUTCOME;
	}

	/** The language switch of a page of a mailed link keeps the link: the page in another language is of no use without it. */
	private static void keepTheLink(PortalView portal, String link, Model model) {
		model.addAttribute("portal", new PortalView(portal.lang(), portal.languages(),
				portal.path() + "?link=" + URLEncoder.encode(link, StandardCharsets.UTF_8), portal.name()));
	}

}
