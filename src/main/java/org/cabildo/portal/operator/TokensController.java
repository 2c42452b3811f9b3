package org.cabildo.portal.operator;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;

import org.cabildo.identity.Issued;
import org.cabildo.identity.PersonalTokens;
import org.cabildo.identity.Token;
import org.cabildo.platform.CityTime;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The signed-in person's personal API tokens, through the identity API's own service
 * ({@link PersonalTokens}): their list, the form that creates one (its secret shown once, on the
 * page that answers the creation) and their revocation.
 */
@Controller
@Hidden
@RequestMapping("/console/operator/tokens")
class TokensController {

	private static final String BASE = "/console/operator/tokens";

	private final PersonalTokens tokens;

	private final Console console;

	private final CityTime city;

	private final Clock clock;

	TokensController(PersonalTokens tokens, Console console, CityTime city, Clock clock) {
		this.tokens = tokens;
		this.console = console;
		this.city = city;
		this.clock = clock;
	}

	@GetMapping
	String list(@RequestParam(required = false) String done, Locale locale, Model model) {
		Texts texts = console.texts(locale);
		model.addAttribute("page", listing(texts, new TokenPages.NewToken("", ""), Problems.none(), done));
		return "portal/operator/tokens";
	}

	@PostMapping
	String create(@ModelAttribute("form") TokenPages.NewToken form, Locale locale, HttpServletResponse response,
			Model model) {
		Texts texts = console.texts(locale);
		Problems problems = Problems.none();
		if (form.name().isBlank()) {
			problems.add("name", texts.problem("operator.problem.required"));
		}
		Instant expires = Expiry.of(form.expires(), "expires", problems, texts, city, clock);
		try {
			FormRefused.unless(problems);
			Issued issued = FormRefused.asked(texts, pointer -> "name", "name",
					() -> tokens.create(null, form.name().strip(), expires));
			Secret secret = new Secret(texts.text("operator.secret.token-created", issued.name()), issued.secret(),
					issued.expiresAt() == null ? texts.text("operator.secret.no-expiry")
							: texts.text("operator.secret.expires", texts.time(issued.expiresAt())),
					texts.text("operator.secret.token-use"), BASE, texts.text("operator.secret.token-back"));
			return DevicesController.secret(secret, HttpStatus.CREATED, response, model);
		}
		catch (FormRefused refused) {
			response.setStatus(refused.status().value());
			model.addAttribute("page", listing(texts, form, refused.problems(), null));
			return "portal/operator/tokens";
		}
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable long id) {
		tokens.revoke(id);
		return "redirect:" + BASE + "?done=token-revoked";
	}

	private TokenPages.Listing listing(Texts texts, TokenPages.NewToken form, Problems problems, String done) {
		return new TokenPages.Listing(tokens.of(null)
			.stream()
			.sorted(Comparator.comparingLong(Token::id).reversed())
			.map(token -> row(token, texts))
			.toList(), form, problems, Notice.of(done, texts));
	}

	private TokenPages.Row row(Token token, Texts texts) {
		boolean expired = token.expiresAt() != null && !token.expiresAt().isAfter(clock.instant());
		String status = token.revokedAt() != null ? texts.text("operator.status.revoked", texts.time(token.revokedAt()))
				: expired ? texts.text("operator.status.expired") : texts.text("operator.status.active");
		return new TokenPages.Row(token.id(), token.name(), texts.time(token.createdAt()),
				token.expiresAt() == null ? texts.text("operator.status.never") : texts.time(token.expiresAt()), status,
				token.revokedAt() == null && !expired);
	}

}
