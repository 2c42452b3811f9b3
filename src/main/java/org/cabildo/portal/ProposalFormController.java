package org.cabildo.portal;

import java.security.Principal;
import java.util.Optional;

import org.cabildo.identity.Caller;
import org.cabildo.participation.Proposal;
import org.cabildo.participation.Proposals;
import org.cabildo.platform.ApiException;
import org.cabildo.portal.ReportFormView.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Make a proposal", {@code /proposals/new}: a form for a verified resident, signed in; anyone else
 * is told how to take part. It proposes through participation's one gate, as the API does, for the
 * request's own signed-in person, within the same hourly allowance. A refused proposal comes back
 * with its problem at its field (400; 429 beyond the allowance, said for the form as a whole); a
 * proposal made is shown at its own address (303), so that reloading that page proposes nothing again.
 */
@Controller
@Hidden
class ProposalFormController {

	static final String VIEW = "portal/proposal-form";

	private final ProposalPages pages;

	private final Proposals proposals;

	ProposalFormController(ProposalPages pages, Proposals proposals) {
		this.pages = pages;
		this.proposals = proposals;
	}

	@GetMapping("/proposals/new")
	String form(Principal principal, @ModelAttribute("portal") PortalView portal, HttpServletRequest request,
			Model model) {
		return show(pages.form(portal.language(), ProposalForm.EMPTY, ProposalPagesController.person(principal),
				Problems.NONE), request, model);
	}

	@PostMapping("/proposals/new")
	Object propose(@ModelAttribute("sent") ProposalForm form, Principal principal,
			@ModelAttribute("portal") PortalView portal, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Optional<Caller> caller = ProposalPagesController.person(principal);
		if (caller.isEmpty()) {
			return ProposalPagesController.signIn();
		}
		Proposal made;
		try {
			made = proposals.propose(new Proposals.Draft(form.title(), form.text(), form.district(), form.category()),
					caller.get());
		}
		catch (ApiException e) {
			Optional<Problems> problems = pages.refused(e, form, portal.language());
			// 403 (no verified resident's account): the page says who may propose, instead of the form
			if (problems.isEmpty() && e.status() != HttpStatus.FORBIDDEN) {
				throw e;
			}
			response.setStatus(e.status().value());
			e.retryAfter().ifPresent(wait -> response.setHeader(HttpHeaders.RETRY_AFTER,
					Long.toString(Math.max(1, wait.toSeconds()))));
			return show(pages.form(portal.language(), form, caller, problems.orElse(Problems.NONE)), request, model);
		}
		return ProposalPagesController.back(made.id());
	}

	private String show(ProposalFormView view, HttpServletRequest request, Model model) {
		// The CSRF token is made now, its cookie set with the headers (as the report form's).
		if (view.mayPropose() && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
			csrf.getToken();
		}
		model.addAttribute("form", view);
		return VIEW;
	}

}
