package org.cabildo.portal.steward;

import org.cabildo.governance.Declaration;
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
 * Declaring a stream, or changing its declaration, with a form: shown with the current version,
 * saved as {@code PUT /api/register/{id}} saves it, then shown again with a confirmation
 * (Post/Redirect/Get); a refusal of the rules shows the form again with each problem at its field.
 */
@Controller
@Hidden
class StewardDeclarationController {

	private final DeclarationPages pages;

	StewardDeclarationController(DeclarationPages pages) {
		this.pages = pages;
	}

	@GetMapping("/console/steward/streams/{datastream}/declaration")
	String form(@ModelAttribute("portal") PortalView portal, @PathVariable long datastream,
			@RequestParam(required = false) String saved, Model model) {
		model.addAttribute("page", pages.form(datastream, portal.language(), saved != null));
		return "portal/steward/declaration";
	}

	@PostMapping("/console/steward/streams/{datastream}/declaration")
	String save(@ModelAttribute("portal") PortalView portal, @PathVariable long datastream,
			@ModelAttribute("form") DeclarationForm form, Model model, HttpServletResponse response) {
		try {
			Declaration saved = pages.save(datastream, form);
			return "redirect:/console/steward/streams/" + saved.datastreamId() + "/declaration?saved";
		}
		catch (ApiException e) {
			if (e.status() != HttpStatus.BAD_REQUEST && e.status() != HttpStatus.CONFLICT) {
				throw e;
			}
			response.setStatus(e.status().value());
			model.addAttribute("page", pages.refused(datastream, form, e, portal.language()));
			return "portal/steward/declaration";
		}
	}

}
