package org.cabildo.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The portal's home page: what the platform is, what it has declared, and the city's air now.
 * Every anonymous visitor gets the same page in their language: it is written once for what it
 * shows ({@link KeptPages}).
 */
@Controller
@Hidden
class HomeController {

	static final String VIEW = "portal/home";

	private final HomePage page;

	private final KeptPages kept;

	HomeController(HomePage page, KeptPages kept) {
		this.page = page;
		this.kept = kept;
	}

	@GetMapping("/")
	ModelAndView home(@ModelAttribute("portal") PortalView portal, Model model) {
		Home home = page.of(portal.language(), "GET /");
		model.addAttribute("home", home);
		if (portal.signedIn()) {
			return new ModelAndView(VIEW, model.asMap());
		}
		return new ModelAndView(kept.view(VIEW, portal.language(), home), model.asMap());
	}

}
