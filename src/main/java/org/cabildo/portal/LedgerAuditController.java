package org.cabildo.portal;

import org.cabildo.platform.ApiException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The auditor's pages (auditors and admins, by the access rules): the access ledger's entries
 * with the filters of {@code GET /api/ledger}, one entry with what verifies it, and a
 * verification of the whole chain on request. Like {@code GET /api/ledger}, reading the ledger
 * writes nothing to it. A bad filter or an unknown entry is the error page, which names it
 * ({@link Refusals}).
 */
@Controller
@Hidden
class LedgerAuditController {

	private final LedgerAuditPage page;

	LedgerAuditController(LedgerAuditPage page) {
		this.page = page;
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

}
