package org.cabildo.portal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.cabildo.identity.Caller;
import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.Role;
import org.cabildo.platform.ApiException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The console's entry page, {@code /console}: what the signed-in person may do, by their roles in
 * each organisation; a link only to the consoles those roles open.
 */
@Controller
@Hidden
class ConsoleEntryController {

	private final Organisations organisations;

	private final MessageSource messages;

	ConsoleEntryController(Organisations organisations, MessageSource messages) {
		this.organisations = organisations;
		this.messages = messages;
	}

	@GetMapping("/console")
	String console(@ModelAttribute("portal") PortalView portal, Model model) {
		Caller caller = Caller.current()
			.filter(who -> !who.isDevice())
			.orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "the console is for people who signed in"));
		model.addAttribute("console", entry(caller, portal.language()));
		return "portal/console";
	}

	private ConsoleEntry entry(Caller caller, Language language) {
		List<ConsoleEntry.Membership> roles = caller.grants()
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(grant -> new ConsoleEntry.Membership(
					organisations.byId(grant.getKey()).map(Organisation::name).orElse(Long.toString(grant.getKey())),
					labels(grant.getValue(), language)))
			.toList();
		return new ConsoleEntry(caller.name(), roles, caller.hasAnywhere(Role.STEWARD),
				caller.hasAnywhere(Role.OPERATOR) || caller.hasAnywhere(Role.ADMIN),
				caller.hasAnywhere(Role.AUDITOR) || caller.hasAnywhere(Role.ADMIN));
	}

	private String labels(Set<Role> roles, Language language) {
		return roles.stream()
			.sorted()
			.map(role -> messages.getMessage("steward.role." + role.label(), null, language.locale()))
			.collect(Collectors.joining(", "));
	}

}
