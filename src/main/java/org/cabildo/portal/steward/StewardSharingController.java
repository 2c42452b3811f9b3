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
 * A stream's sharing grants: listed, added and revoked with forms, each change a new version of
 * its declaration; confirmed after the change (Post/Redirect/Get), a refusal shown at the form.
 */
@Controller
@Hidden
class StewardSharingController {

	private static final String VIEW = "portal/steward/sharing";

	private final SharingPages pages;

	StewardSharingController(SharingPages pages) {
		this.pages = pages;
	}

	@GetMapping("/console/steward/streams/{datastream}/sharing")
	String sharing(@ModelAttribute("portal") PortalView portal, @PathVariable long datastream,
			@RequestParam(required = false) String added, @RequestParam(required = false) String revoked,
			Model model) {
		model.addAttribute("page",
				pages.page(datastream, portal.language(), added != null ? "added" : revoked != null ? "revoked" : null));
		return VIEW;
	}

	@PostMapping("/console/steward/streams/{datastream}/sharing")
	String add(@ModelAttribute("portal") PortalView portal, @PathVariable long datastream,
			@ModelAttribute("form") GrantForm form, Model model, HttpServletResponse response) {
		try {
			pages.add(datastream, form);
			return "redirect:/console/steward/streams/" + datastream + "/sharing?added";
		}
		catch (ApiException e) {
			StewardStageController.refusedAsPage(e, response);
			model.addAttribute("page", pages.refused(datastream, form, e, portal.language()));
			return VIEW;
		}
	}

	@PostMapping("/console/steward/streams/{datastream}/sharing/{organisation}/revoke")
	String revoke(@ModelAttribute("portal") PortalView portal, @PathVariable long datastream,
			@PathVariable long organisation, Model model, HttpServletResponse response) {
		try {
			pages.revoke(datastream, organisation);
			return "redirect:/console/steward/streams/" + datastream + "/sharing?revoked";
		}
		catch (ApiException e) {
			StewardStageController.refusedAsPage(e, response);
			model.addAttribute("page", pages.refused(datastream, GrantForm.EMPTY, e, portal.language()));
			return VIEW;
		}
	}

}
