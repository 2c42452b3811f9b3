package org.cabildo.portal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.cabildo.identity.ResidentSettings;
import org.cabildo.platform.ApiException;
import org.cabildo.portal.ReportFormView.Option;
import org.cabildo.portal.ReportFormView.Problem;
import org.cabildo.portal.ReportFormView.Problems;
import org.cabildo.portal.ResidentOutcome.Way;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Puts the pages of residents' accounts together, and says in the page's language what the
 * residents' service refused, at the field it concerns: the service ({@code Residents}) checks an
 * address, a password and a link; the pages only show its answer. The answers to a sign-up and to
 * a request for a new password are the same whether the address has an account or not.
 */
@Component
class ResidentPages {

	/** Which forms a token is for ({@link FormTokens}): the two that send mail to an address typed in them. */
	static final String SIGN_UP = "resident-sign-up";

	static final String NEW_PASSWORD = "resident-password";

	private static final Way SIGN_IN = new Way("/sign-in", "residents.links.sign-in");

	private static final Way ASK_FOR_A_LINK = new Way("/residents/password", "residents.links.new-link");

	private static final Way SIGN_UP_AGAIN = new Way("/residents/sign-up", "residents.links.sign-up");

	private final MessageSource messages;

	private final ResidentSettings settings;

	private final FormTokens tokens;

	ResidentPages(MessageSource messages, ResidentSettings settings, FormTokens tokens) {
		this.messages = messages;
		this.settings = settings;
		this.tokens = tokens;
	}

	/** The sign-up form with what was typed (nothing for a fresh one); the mails' language is the page's at first. */
	ResidentFormView signUp(Language page, ResidentForm typed, String issued, Problems problems) {
		String chosen = typed.language() == null ? page.code() : typed.language();
		Locale locale = page.locale();
		List<Option> languages = Arrays.stream(Language.values())
			.map(language -> new Option(language.code(), text("language." + language.code(), locale),
					language.code().equals(chosen)))
			.toList();
		return new ResidentFormView(issued, typed.email(), languages, null, problems);
	}

	/** The form to ask for a new password by mail. */
	ResidentFormView newPasswordRequest(ResidentForm typed, String issued, Problems problems) {
		return new ResidentFormView(issued, typed.email(), List.of(), null, problems);
	}

	/** A form that sends back the link mailed (to confirm the address, to set a new password). */
	ResidentFormView withLink(String link, Problems problems) {
		return new ResidentFormView(null, null, List.of(), link, problems);
	}

	/**
	 * What the service refused of a form, at its field (the service points at it), in the page's
	 * language; null when the refusal is not the form's to mend (a link that does not work, or
	 * anything but a 400), which another page says.
	 */
	Problems refused(ApiException e, Locale locale) {
		Object pointer = e.details().get("pointer");
		if (e.status() != HttpStatus.BAD_REQUEST || "/link".equals(pointer)) {
			return null;
		}
		Problem problem = switch (String.valueOf(pointer)) {
			case "/email" -> new Problem("email", text("residents.problem.email", locale));
			case "/language" -> new Problem("language", text("residents.problem.language", locale));
			case "/password" -> new Problem("password", messages.getMessage("residents.problem."
					+ e.details().get("rule"), null, text("residents.problem.password", locale), locale));
			default -> new Problem("form", text("residents.problem.invalid", locale));
		};
		return new Problems(List.of(problem));
	}

	/** A form that a person would not send (its trap field filled), or sent with a token that is not good now. */
	Problems refused(FormTokens.Verdict verdict, boolean trapped, Locale locale) {
		String said = trapped ? text("residents.form.trap", locale) : switch (verdict) {
			case TOO_FAST -> messages.getMessage("residents.form.too-fast", new Object[] {
					tokens.settings().minAge().toSeconds() }, locale);
			case TOO_OLD -> messages.getMessage("residents.form.too-old", new Object[] {
					tokens.settings().maxAge().toHours() }, locale);
			case SPENT -> text("residents.form.spent", locale);
			case MISSING, FORGED, GOOD -> text("residents.form.unsigned", locale);
		};
		return new Problems(List.of(new Problem("form", said)));
	}

	/** A mail to confirm the address is on its way: said the same whether the address had an account. */
	ResidentOutcome signedUp(String email, Locale locale) {
		return sent(List.of(messages.getMessage("residents.sent.sign-up", new Object[] { email.strip(),
				Math.max(1, settings.verifyFor().toHours()) }, locale), text("residents.sent.already", locale)),
				locale);
	}

	/** A mail with a link for a new password is on its way if the address has an account: said the same if not. */
	ResidentOutcome newPasswordAsked(String email, Locale locale) {
		return sent(List.of(messages.getMessage("residents.sent.reset", new Object[] { email.strip(),
				Math.max(1, settings.resetFor().toMinutes()) }, locale)), locale);
	}

	ResidentOutcome verified(String email, Locale locale) {
		return outcome("residents.verified", null,
				List.of(messages.getMessage("residents.verified.text", new Object[] { email }, locale)),
				List.of(SIGN_IN), locale);
	}

	ResidentOutcome passwordSet(String email, Locale locale) {
		return outcome("residents.password-set", null,
				List.of(messages.getMessage("residents.password-set.text", new Object[] { email }, locale)),
				List.of(SIGN_IN), locale);
	}

	/**
	 * A link that does not work (unknown, used, expired, missing): why, and how to get another. A
	 * link to confirm an address is not sent again as such: setting a new password confirms it too.
	 *
	 * @param rule the rule of the service the link breaks ({@code link-unknown}, {@code link-used},
	 *        {@code link-expired}, {@code link-missing})
	 * @param confirming whether the link was to confirm an address (else to set a new password)
	 */
	ResidentOutcome badLink(String rule, boolean confirming, Locale locale) {
		String why = messages.getMessage("residents.link." + rule, null,
				text("residents.link.link-unknown", locale), locale);
		return confirming
				? outcome("residents.link", why, List.of(text("residents.link.verify.next", locale)),
						List.of(SIGN_IN, ASK_FOR_A_LINK, SIGN_UP_AGAIN), locale)
				: outcome("residents.link", why, List.of(text("residents.link.reset.next", locale)),
						List.of(ASK_FOR_A_LINK, SIGN_IN), locale);
	}

	/** Whether the service refused a link (which the link's page says, not a field). */
	static boolean isTheLinks(ApiException e) {
		return e.status() == HttpStatus.BAD_REQUEST && "/link".equals(e.details().get("pointer"));
	}

	private ResidentOutcome sent(List<String> said, Locale locale) {
		List<String> all = new ArrayList<>(said);
		all.add(messages.getMessage("residents.sent.spam", new Object[] { settings.mailsPerAddressPerHour() }, locale));
		return outcome("residents.sent", null, all, List.of(SIGN_IN), locale);
	}

	/** An outcome whose title and heading are the labels {@code prefix.title} and {@code prefix.heading}. */
	private ResidentOutcome outcome(String prefix, String refusal, List<String> said, List<Way> ways, Locale locale) {
		return new ResidentOutcome(text(prefix + ".title", locale), text(prefix + ".heading", locale), refusal, said,
				ways.stream().map(way -> new Way(way.path(), text(way.text(), locale))).toList());
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

}
