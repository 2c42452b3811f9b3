package org.cabildo.portal;

import java.util.Locale;

import org.cabildo.platform.ApiException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The auditor's pages (auditors and admins, by the access rules): the access ledger's entries
 * with the filters of {@code GET /api/ledger}, one entry with what verifies it, and a
 * verification of the whole chain on request. Like {@code GET /api/ledger}, reading the ledger
 * writes nothing to it.
 */
@Controller
@Hidden
class LedgerAuditController {

	private final LedgerAuditPage page;

	private final MessageSource messages;

	LedgerAuditController(LedgerAuditPage page, MessageSource messages) {
		this.page = page;
		this.messages = messages;
	}

	@GetMapping("/audit")
	String entries(@ModelAttribute("portal") PortalView portal, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String organisation, @RequestParam(required = false) String purpose,
			@RequestParam(required = false) String actor, @RequestParam(required = false) String datastream,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String afterSeq, Model model) {
		Audit.Filters filters = new Audit.Filters(kind, organisation, purpose, actor, datastream, from, to);
		model.addAttribute("audit", page.entries(portal.language(), filters, afterSeq));
		return "portal/audit";
	}

	@GetMapping("/audit/entries/{seq}")
	String entry(@ModelAttribute("portal") PortalView portal, @PathVariable String seq, Model model) {
		long number;
		try {
			number = Long.parseLong(seq);
		}
		catch (NumberFormatException e) {
			throw ApiException.badRequest("an entry is named by its number").with("parameter", "entry");
		}
		model.addAttribute("entry", page.entry(portal.language(), number)
			.orElseThrow(() -> ApiException.notFound("there is no entry " + number).with("entry", number)));
		return "portal/audit-entry";
	}

	/** Verifies the whole chain now (or shares the verification running now), and says the result in words. */
	@GetMapping("/audit/verification")
	String verification(@ModelAttribute("portal") PortalView portal, Model model) {
		model.addAttribute("verified", page.verify(portal.language()));
		return "portal/audit-verification";
	}

	/** A bad filter, an unknown entry: a page that says so in the reader's language, with the status. */
	@ExceptionHandler(ApiException.class)
	ModelAndView problem(ApiException e, Locale locale, HttpServletRequest request) {
		PortalView portal = new PortalModel().portal(locale, request);
		Locale language = portal.language().locale();
		Object parameter = e.details().get("parameter");
		String message;
		if (parameter != null) {
			String key = "audit.invalid." + parameter.toString().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
			message = messages.getMessage(key, null, messages.getMessage("audit.failed", null, language), language);
		}
		else if (e.status() == HttpStatus.NOT_FOUND) {
			message = messages.getMessage("audit.not-found", new Object[] { String.valueOf(e.details().get("entry")) },
					language);
		}
		else if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.UNAUTHORIZED) {
			message = messages.getMessage("audit.forbidden", null, language);
		}
		else {
			message = messages.getMessage("audit.failed", null, language);
		}
		ModelAndView view = new ModelAndView("portal/audit-problem");
		view.addObject("portal", portal);
		view.addObject("problem", message);
		view.setStatus(e.status());
		return view;
	}

}
