package org.cabildo.portal.steward;

import org.cabildo.platform.ApiException;
import org.cabildo.portal.PortalView;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Hidden;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A stream's stage: the moves it may make, asked with a form; the public consultation opened with
 * a button. A move the stage rules refuse shows the page again with the rule in words.
 */
@Controller
@Hidden
class StewardStageController {

	private static final String VIEW = "portal/steward/stage";

	private final StagePages pages;

	StewardStageController(StagePages pages) {
		this.pages = pages;
	}

	@GetMapping("/console/steward/streams/{datastream}/stage")
	String stage(@ModelAttribute("portal") PortalView portal, @PathVariable long datastream,
			@RequestParam(required = false) String moved, @RequestParam(required = false) String consultation,
			Model model) {
		model.addAttribute("page", pages.page(datastream, portal.language(),
				moved != null ? "moved" : consultation != null ? "consultation" : null));
		return VIEW;
	}

	@PostMapping("/console/steward/streams/{datastream}/stage")
	String move(@ModelAttribute("portal") PortalView portal, @PathVariable long datastream,
			@ModelAttribute("form") StageForm form, Model model, HttpServletResponse response) {
		try {
			pages.move(datastream, form);
			return "redirect:/console/steward/streams/" + datastream + "/stage?moved";
		}
		catch (ApiException e) {
			refusedAsPage(e, response);
			model.addAttribute("page", pages.refusedMove(datastream, form, e, portal.language()));
			return VIEW;
		}
	}

	@PostMapping("/console/steward/streams/{datastream}/consultation")
	String consultation(@ModelAttribute("portal") PortalView portal, @PathVariable long datastream, Model model,
			HttpServletResponse response) {
		try {
			pages.openConsultation(datastream);
			return "redirect:/console/steward/streams/" + datastream + "/stage?consultation";
		}
		catch (ApiException e) {
			refusedAsPage(e, response);
			model.addAttribute("page", pages.refusedConsultation(datastream, e, portal.language()));
			return VIEW;
		}
	}

	/** A refusal of the form's content (400, 409) is shown on the form; any other is the console's refusal page. */
	static void refusedAsPage(ApiException e, HttpServletResponse response) {
		if (e.status() != HttpStatus.BAD_REQUEST && e.status() != HttpStatus.CONFLICT) {
			throw e;
		}
		response.setStatus(e.status().value());
	}

}
