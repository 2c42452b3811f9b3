package org.cabildo.portal;

import org.cabildo.platform.PlatformSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The transparency page: who read personal data, for what, per month; whether the ledger's chain
 * holds and how to check it yourself; how quickly each organisation answers objections.
 */
@Controller
@Hidden
class TransparencyController {

	private final TransparencyPage page;

	private final PlatformSettings platform;

	TransparencyController(TransparencyPage page, PlatformSettings platform) {
		this.page = page;
		this.platform = platform;
	}

	@GetMapping("/transparency")
	String transparency(@ModelAttribute("portal") PortalView portal, Model model) {
		model.addAttribute("transparency", page.of(portal.language(), baseUrl(platform)));
		return "portal/transparency";
	}

	/** The platform's public address: the setting, else the address this request came to. */
	static String baseUrl(PlatformSettings platform) {
		return platform.baseUrl().isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
				: platform.baseUrl();
	}

}
