package org.cabildo.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The sign-in form for built-in accounts. The form posts to the security filter, which signs the
 * person in (with the API's limits on failed attempts) and comes back here on a refusal.
 */
@Controller
@Hidden
class SignInController {

	@GetMapping("/sign-in")
	String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String blocked,
			Model model) {
		model.addAttribute("refusal", blocked != null ? "sign-in.blocked" : error != null ? "sign-in.error" : null);
		return "portal/sign-in";
	}

}
