package org.cabildo.portal;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/** The portal's home page: what the platform is, what it has declared, and the city's air now. */
@Controller
@Hidden
class HomeController {

	private final HomePage page;

	HomeController(HomePage page) {
		this.page = page;
	}

	@GetMapping("/")
	String home(Locale locale, HttpServletRequest request, Model model) {
		// A cookie may name a language the portal does not speak: the default speaks for it.
		Language language = Language.of(locale.toLanguageTag()).orElse(Language.DEFAULT);
		model.addAttribute("lang", language.code());
		model.addAttribute("languages", java.util.Arrays.stream(Language.values()).map(Language::code).toList());
		model.addAttribute("home", page.of(language, "GET /"));
		return "portal/home";
	}

}
