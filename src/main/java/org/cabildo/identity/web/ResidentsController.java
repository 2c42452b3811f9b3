package org.cabildo.identity.web;

import java.security.Principal;

import org.cabildo.identity.Caller;
import org.cabildo.identity.Residents;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.PlatformSettings;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Residents' own accounts: sign up with an email address, verify it with the link mailed to it,
 * and set a new password. Anyone may ask (within the allowance of writes without credentials);
 * the answers never tell whether an address has an account.
 */
@RestController
@RequestMapping("/api/residents")
@Tag(name = "Residents' accounts", description = "Sign-up with an email address, its verification, a new password")
class ResidentsController {

	record SignUp(String email, String password, String language) {
	}

	record Link(String link) {
	}

	record NewPasswordRequest(String email) {
	}

	record NewPassword(String link, String password) {
	}

	/** What an anonymous request is told, whatever the address. */
	record Accepted(String status) {
	}

	record AccountView(String email, String language, boolean verified) {

		static AccountView of(Residents.Account account) {
			return new AccountView(account.email(), account.language(), account.verified());
		}

	}

	private final Residents residents;

	private final PlatformSettings platform;

	ResidentsController(Residents residents, PlatformSettings platform) {
		this.residents = residents;
		this.platform = platform;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Signs up: a link to verify the address is mailed to it (an address with an account"
			+ " is mailed that instead; the answer is the same)")
	Accepted signUp(@RequestBody SignUp body) {
		residents.signUp(body.email(), body.password(), body.language(), base());
		return new Accepted("a mail is on its way to the address: follow its link to verify it");
	}

	@PostMapping("/verify")
	@Operation(summary = "Verifies the address with the link mailed to it")
	AccountView verify(@RequestBody Link body) {
		return AccountView.of(residents.verify(body.link()));
	}

	@PostMapping("/password-reset")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Mails a link to set a new password, when the address has an account (the answer is the same)")
	Accepted requestNewPassword(@RequestBody NewPasswordRequest body) {
		residents.requestNewPassword(body.email(), base());
		return new Accepted("if the address has an account, a mail with a link is on its way to it");
	}

	@PostMapping("/password")
	@Operation(summary = "Sets a new password with the link mailed for it")
	AccountView setPassword(@RequestBody NewPassword body) {
		return AccountView.of(residents.setPassword(body.link(), body.password()));
	}

	@GetMapping("/me")
	@Operation(summary = "The signed-in resident's account")
	AccountView me(Principal principal) {
		Caller caller = Caller.required(principal);
		return residents.byPerson(caller.id())
			.map(AccountView::of)
			.orElseThrow(() -> ApiException.notFound("this account is not a resident's"));
	}

	private String base() {
		return platform.linkBase();
	}

}
