package org.cabildo.portal;

import java.security.Principal;

import org.cabildo.identity.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * Residents' reports in the portal: a report ({@code /reports/{id}}), the list of reports with its
 * filters as a GET form ({@code /reports}), a signed-in person's own ({@code /reports?mine=1}), and
 * who takes part ({@code /participation}). Everything here is public but one's own list, which
 * lists the reports of the request's signed-in person and never of anyone a parameter names.
 */
@Controller
@Hidden
class ReportPagesController {

	private final ParticipationPages pages;

	ReportPagesController(ParticipationPages pages) {
		this.pages = pages;
	}

	@GetMapping("/reports/{id}")
	String report(@PathVariable long id, @ModelAttribute("portal") PortalView portal, Model model) {
		model.addAttribute("report", pages.report(id, portal.language()));
		return "portal/report";
	}

	@GetMapping("/reports")
	String reports(@RequestParam(required = false) String district, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) String mine,
			Principal principal, @ModelAttribute("portal") PortalView portal, Model model) {
		Long person = Caller.of(principal).filter(c -> !c.isDevice()).map(Caller::id).filter(id -> id > 0).orElse(null);
		boolean askedForMine = "1".equals(mine);
		model.addAttribute("list", pages.list(portal.language(), district, status, page,
				askedForMine ? person : null, askedForMine, person != null));
		return "portal/reports";
	}

	@GetMapping("/participation")
	String participation(@ModelAttribute("portal") PortalView portal, Model model) {
		model.addAttribute("part", pages.whoTakesPart(portal.language()));
		return "portal/participation";
	}

}
