package org.cabildo.portal.steward;

import org.cabildo.platform.ApiException;
import org.cabildo.portal.PortalView;
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
 * The objections waiting on a steward's streams, each with a form to answer it; a published
 * answer is confirmed on the list (Post/Redirect/Get), a refused one shown first with why.
 */
@Controller
@Hidden
class StewardObjectionsController {

	private static final String VIEW = "portal/steward/objections";

	private final ObjectionPages pages;

	StewardObjectionsController(ObjectionPages pages) {
		this.pages = pages;
	}

	@GetMapping("/console/steward/objections")
	String objections(@ModelAttribute("portal") PortalView portal, @RequestParam(defaultValue = "1") int page,
			@RequestParam(required = false) Long answered, Model model) {
		model.addAttribute("page", pages.page(portal.language(), page, answered));
		return VIEW;
	}

	@PostMapping("/console/steward/streams/{datastream}/objections/{objection}/answer")
	String answer(@ModelAttribute("portal") PortalView portal, @PathVariable long datastream,
			@PathVariable long objection, @ModelAttribute("form") AnswerForm form, Model model,
			HttpServletResponse response) {
		try {
			pages.answer(datastream, objection, form);
			return "redirect:/console/steward/objections?answered=" + objection;
		}
		catch (ApiException e) {
			StewardStageController.refusedAsPage(e, response);
			model.addAttribute("page", pages.refused(datastream, objection, form, e, portal.language()));
			return VIEW;
		}
	}

}
