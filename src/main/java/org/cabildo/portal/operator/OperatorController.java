package org.cabildo.portal.operator;

import java.util.List;

import org.cabildo.identity.Caller;
import org.cabildo.identity.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.swagger.v3.oas.annotations.Hidden;

/** The operator's console: where its pages are, and in which organisations the person may use them. */
@Controller
@Hidden
class OperatorController {

	/** The organisations the person operates and administers, by name. */
	record Overview(List<String> operated, List<String> administered) {
	}

	private final Console console;

	OperatorController(Console console) {
		this.console = console;
	}

	@GetMapping("/console/operator")
	String overview(Model model) {
		Caller caller = console.caller();
		model.addAttribute("page", new Overview(caller.organisationsWith(Role.OPERATOR).stream().map(console::name).toList(),
				caller.organisationsWith(Role.ADMIN).stream().map(console::name).toList()));
		return "portal/operator/overview";
	}

}
