package org.cabildo.portal;

import org.cabildo.identity.IdentitySettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The sign-in form for built-in accounts, and the way to the OIDC provider's sign-in when one is
 * configured. The form posts to the security filter, which signs the person in (with the API's
 * limits on failed attempts) and comes back here on a refusal.
 */
@Controller
@Hidden
class SignInController {

	private final IdentitySettings.Oidc oidc;

	SignInController(IdentitySettings settings) {
		this.oidc = settings.oidc();
	}

	@GetMapping("/sign-in")
	String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String blocked,
			@RequestParam(name = "provider-error", required = false) String providerError, Model model) {
		boolean offered = oidc.signInEnabled();
		String refusal = blocked != null ? "sign-in.blocked" : error != null ? "sign-in.error" : null;
		model.addAttribute("signIn", new SignInPage(refusal, offered && providerError != null,
				offered ? oidc.displayName() : null));
		return "portal/sign-in";
	}

	/**
	 * @param refusal the label saying why the last sign-in with a password was refused; null if none was
	 * @param providerRefused whether the last sign-in through the OIDC provider did not complete
	 * @param provider the OIDC provider's name when the portal offers its sign-in; null if not
	 */
	record SignInPage(String refusal, boolean providerRefused, String provider) {
	}

}
