package org.cabildo.portal;

import java.security.Principal;
import java.util.Optional;
import java.util.function.Consumer;

import org.cabildo.identity.Caller;
import org.cabildo.participation.Proposals;
import org.cabildo.platform.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Residents' proposals in the portal: the list with its filters as a GET form
 * ({@code /proposals}), a proposal ({@code /proposals/{id}}), and its forms to support, withdraw
 * the support, follow, stop following and comment. Reading is public; every form acts for the
 * request's own signed-in person, through participation's one gate as the API does, and comes
 * back to the proposal (303) so that reloading does nothing again. What the gate refuses (one
 * support per person, a verified resident's account, the hourly allowance) is said on the
 * proposal's page, with the refusal's status; an unknown or hidden proposal is the error page (404).
 */
@Controller
@Hidden
class ProposalPagesController {

	static final String VIEW = "portal/proposal";

	private final ProposalPages pages;

	private final Proposals proposals;

	ProposalPagesController(ProposalPages pages, Proposals proposals) {
		this.pages = pages;
		this.proposals = proposals;
	}

	@GetMapping("/proposals")
	String list(@RequestParam(required = false) String district, @RequestParam(required = false) String category,
			@RequestParam(required = false) String status, @RequestParam(required = false) Long before,
			@ModelAttribute("portal") PortalView portal, Model model) {
		model.addAttribute("list", pages.list(portal.language(), district, category, status, before));
		return "portal/proposals";
	}

	@GetMapping("/proposals/{id}")
	String proposal(@PathVariable long id, @RequestParam(required = false) Long after, Principal principal,
			@ModelAttribute("portal") PortalView portal, HttpServletRequest request, Model model) {
		return show(pages.page(id, portal.language(), person(principal), after, null, null), request, model);
	}

	@PostMapping("/proposals/{id}/support")
	Object support(@PathVariable long id, Principal principal, @ModelAttribute("portal") PortalView portal,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		return act(id, principal, caller -> proposals.support(id, caller), portal, request, response, model);
	}

	@PostMapping("/proposals/{id}/withdraw")
	Object withdraw(@PathVariable long id, Principal principal, @ModelAttribute("portal") PortalView portal,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		return act(id, principal, caller -> proposals.withdraw(id, caller), portal, request, response, model);
	}

	@PostMapping("/proposals/{id}/follow")
	Object follow(@PathVariable long id, Principal principal, @ModelAttribute("portal") PortalView portal,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		return act(id, principal, caller -> proposals.follow(id, caller), portal, request, response, model);
	}

	@PostMapping("/proposals/{id}/unfollow")
	Object unfollow(@PathVariable long id, Principal principal, @ModelAttribute("portal") PortalView portal,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		return act(id, principal, caller -> proposals.unfollow(id, caller), portal, request, response, model);
	}

	@PostMapping("/proposals/{id}/comments")
	Object comment(@PathVariable long id, @RequestParam(required = false) String text, Principal principal,
			@ModelAttribute("portal") PortalView portal, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Optional<Caller> caller = person(principal);
		if (caller.isEmpty()) {
			return signIn();
		}
		try {
			proposals.comment(id, text, caller.get());
		}
		catch (ApiException e) {
			if (e.status() == HttpStatus.BAD_REQUEST) {
				// the comment comes back as typed, its problem at its field
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				return show(pages.page(id, portal.language(), caller, null, null,
						pages.refusedComment(text, portal.language())), request, model);
			}
			return refuse(id, caller, e, portal, request, response, model);
		}
		return back(id);
	}

	/** Does what a form asks for the signed-in person, and goes back to the proposal; a refusal is said there. */
	private Object act(long id, Principal principal, Consumer<Caller> action, PortalView portal,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<Caller> caller = person(principal);
		if (caller.isEmpty()) {
			return signIn();
		}
		try {
			action.accept(caller.get());
		}
		catch (ApiException e) {
			return refuse(id, caller, e, portal, request, response, model);
		}
		return back(id);
	}

	/**
	 * The proposal's page saying what was refused, with the refusal's status (and its Retry-After);
	 * a proposal that is not there (404) is the error page's.
	 */
	private String refuse(long id, Optional<Caller> caller, ApiException e, PortalView portal,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		if (e.status() == HttpStatus.NOT_FOUND) {
			throw e;
		}
		ProposalPage page = pages.page(id, portal.language(), caller, null, pages.refusal(e, portal.language()), null);
		response.setStatus(e.status().value());
		e.retryAfter().ifPresent(wait -> response.setHeader(HttpHeaders.RETRY_AFTER,
				Long.toString(Math.max(1, wait.toSeconds()))));
		return show(page, request, model);
	}

	private String show(ProposalPage page, HttpServletRequest request, Model model) {
		// The CSRF token of its forms is made now, its cookie set with the headers: a page with many
		// comments is longer than the response buffer may be, and a cookie set once it has started is lost.
		if (page.reader().signedIn() && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
			csrf.getToken();
		}
		model.addAttribute("proposal", page);
		return VIEW;
	}

	/**
	 * The person the request is signed in as; empty for anyone else (a device is no one here). The
	 * access rules let no one else post these forms; a request without a person is sent to sign in.
	 */
	static Optional<Caller> person(Principal principal) {
		return Caller.of(principal).filter(caller -> !caller.isDevice());
	}

	static RedirectView signIn() {
		RedirectView signIn = new RedirectView("/sign-in", true);
		signIn.setExposeModelAttributes(false);
		return signIn;
	}

	/** The proposal's page (303), so that reloading it sends nothing again. */
	static RedirectView back(long id) {
		RedirectView proposal = new RedirectView("/proposals/" + id, true);
		proposal.setStatusCode(HttpStatus.SEE_OTHER);
		proposal.setExposeModelAttributes(false);
		return proposal;
	}

}
