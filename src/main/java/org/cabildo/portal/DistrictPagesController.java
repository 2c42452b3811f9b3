package org.cabildo.portal;

import org.cabildo.identity.Caller;
import org.cabildo.sensing.ReadContext;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The districts' pages: an indicator across the city's districts (ranking, spread in words, map,
 * days per category, measured and watched), and one district's indicators month by month. Both
 * work without JavaScript: the indicator and the year are chosen with a GET form.
 */
@Controller
@Hidden
class DistrictPagesController {

	private final DistrictsPage page;

	private final ParticipationPages participation;

	DistrictPagesController(DistrictsPage page, ParticipationPages participation) {
		this.page = page;
		this.participation = participation;
	}

	@GetMapping("/districts")
	String districts(@RequestParam(required = false) String indicator, @RequestParam(required = false) Integer year,
			@ModelAttribute("portal") PortalView portal, Model model, HttpServletRequest request) {
		model.addAttribute("page", page.indicators(portal.language(), reader(request), indicator, year));
		return "portal/districts";
	}

	@GetMapping("/districts/{id}")
	String district(@PathVariable String id, @RequestParam(required = false) String indicator,
			@RequestParam(required = false) Integer year, @ModelAttribute("portal") PortalView portal, Model model,
			HttpServletRequest request) {
		model.addAttribute("page", page.district(portal.language(), reader(request), id, indicator, year));
		model.addAttribute("heard", participation.heardIn(id, portal.language()).orElse(null));
		return "portal/district";
	}

	/** Anyone who has not signed in reads the tables kept for everyone; a signed-in person reads as themselves. */
	private static DistrictsPage.Reader reader(HttpServletRequest request) {
		return Caller.current().isPresent() && request.getUserPrincipal() != null
				? new DistrictsPage.Reader.Person(ReadContext.of(request)) : new DistrictsPage.Reader.Anyone();
	}

}
