package org.cabildo.portal.steward;

import org.cabildo.portal.PortalView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Hidden;

/** The steward console's first page: the streams of the organisations the person is a steward of. */
@Controller
@Hidden
class StewardStreamsController {

	private final StewardStreams streams;

	StewardStreamsController(StewardStreams streams) {
		this.streams = streams;
	}

	@GetMapping("/console/steward")
	String streams(@ModelAttribute("portal") PortalView portal, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "1") int undeclared, Model model) {
		model.addAttribute("list", streams.of(portal.language(), page, undeclared));
		return "portal/steward/streams";
	}

}
