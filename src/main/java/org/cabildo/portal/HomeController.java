package org.cabildo.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.swagger.v3.oas.annotations.Hidden;

/** The portal's home page: what the platform is, what it has declared, and the city's air now. */
@Controller
@Hidden
class HomeController {

	private final HomePage page;

	HomeController(HomePage page) {
		this.page = page;
	}

	@GetMapping("/")
	String home(@ModelAttribute("portal") PortalView portal, Model model) {
		model.addAttribute("home", page.of(portal.language(), "GET /"));
		return "portal/home";
	}

}
