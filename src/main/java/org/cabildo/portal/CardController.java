package org.cabildo.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.cabildo.governance.objections.Category;
import org.cabildo.governance.objections.ObjectionView;
import org.cabildo.governance.objections.Objections;
import org.cabildo.platform.ApiException;
import org.cabildo.sensing.ReadContext;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A stream's card, {@code /sensors/{id}} (the Datastream's id): its declaration as a street sign,
 * its versions, its values as the reader may read them, its objections, and a form to file one
 * without an account. The form is filed through the same service as the API's
 * {@code POST /api/register/{id}/objections}, with the API's limit per client address (the
 * security filters), a CSRF token, a trap field that people leave empty, and a signed issue time.
 */
@Controller
@Hidden
class CardController {

	static final String VIEW = "portal/card";

	/** The hole in a card kept for everyone where its form's signed issue time goes. */
	private static final String ISSUED = "issued";

	private final CardPage page;

	private final PublicCards publicCards;

	private final KeptPages kept;

	private final Objections objections;

	private final FormTokens tokens;

	private final MessageSource messages;

	CardController(CardPage page, PublicCards publicCards, KeptPages kept, Objections objections, FormTokens tokens,
			MessageSource messages) {
		this.page = page;
		this.publicCards = publicCards;
		this.kept = kept;
		this.objections = objections;
		this.tokens = tokens;
		this.messages = messages;
	}

	@GetMapping("/sensors/{datastreamId}")
	Object card(@PathVariable long datastreamId, @RequestParam(required = false) Long filed,
			@ModelAttribute("portal") PortalView portal, HttpServletRequest request, Model model) {
		if (!portal.signedIn() && request.getQueryString() == null
				&& request.getHeader(ReadContext.PURPOSE_HEADER) == null) {
			Optional<Card> forAnyone = publicCards.of(datastreamId, portal.language());
			if (forAnyone.isPresent()) {
				// The same page for everyone but the form's CSRF token and issue time, each visitor's own.
				model.addAttribute("card", forAnyone.get());
				model.addAttribute("objectionForm", form(ObjectionForm.EMPTY, kept.marker(ISSUED), null,
						portal.language().locale()));
				return new ModelAndView(kept.view(VIEW, "card/" + datastreamId, portal.language(), forAnyone.get(),
						List.of(new KeptPages.Hole(ISSUED, () -> tokens.issue(datastreamId)))), model.asMap());
			}
		}
		Card card = page.of(datastreamId, portal.language(), ReadContext.of(request), portal.name());
		String reference = filed != null && card.objections().items().stream().anyMatch(o -> o.id() == filed)
				? Long.toString(filed) : null;
		return show(card, form(ObjectionForm.EMPTY, tokens.issue(datastreamId), reference, portal.language().locale()),
				request, model);
	}

	/** The objections of a card are on the card (where a language switch on a refused form leads). */
	@GetMapping("/sensors/{datastreamId}/objections")
	String objections(@PathVariable long datastreamId) {
		return "redirect:/sensors/" + datastreamId + "#objections";
	}

	@PostMapping("/sensors/{datastreamId}/objections")
	String file(@PathVariable long datastreamId, @ModelAttribute("form") ObjectionForm form,
			@ModelAttribute("portal") PortalView portal, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Locale locale = portal.language().locale();
		page.declaration(datastreamId);
		FormTokens.Verdict verdict = tokens.check(form.issued(), datastreamId);
		// A form sent too soon may be sent again as it is, in a moment; any other gets a new issue time.
		String again = verdict == FormTokens.Verdict.GOOD || verdict == FormTokens.Verdict.TOO_FAST ? form.issued()
				: tokens.issue(datastreamId);
		if (form.website() != null && !form.website().isEmpty()) {
			return refuse(datastreamId, form, again, Field.FORM, message("card.form.trap", locale), portal, request,
					response, model);
		}
		if (verdict != FormTokens.Verdict.GOOD) {
			return refuse(datastreamId, form, again, Field.FORM, refusal(verdict, locale), portal, request, response,
					model);
		}
		ObjectionView filed;
		try {
			filed = objections.file(datastreamId, new Objections.Filing(form.category(), form.text(), form.contact()));
		}
		catch (ApiException e) {
			if (e.status() != HttpStatus.BAD_REQUEST) {
				throw e;
			}
			Field field = Field.of(e);
			return refuse(datastreamId, form, again, field, field.problem(e, messages, locale), portal, request,
					response, model);
		}
		tokens.spend(form.issued());
		return "redirect:/sensors/" + datastreamId + "?filed=" + filed.id() + "#objection-" + filed.id();
	}

	/** The card again, with the form as it was sent and its problem at its field: 400. */
	private String refuse(long datastreamId, ObjectionForm form, String issued, Field field, String problem,
			PortalView portal, HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		Card card = page.of(datastreamId, portal.language(), ReadContext.of(request), portal.name());
		FormView typed = form(form, issued, null, portal.language().locale());
		FormView view = new FormView(typed.issued(), typed.categories(), typed.text(), typed.contact(),
				field == Field.FORM ? problem : null, field == Field.CATEGORY ? problem : null,
				field == Field.TEXT ? problem : null, field == Field.CONTACT ? problem : null, null);
		return show(card, view, request, model);
	}

	private String show(Card card, FormView form, HttpServletRequest request, Model model) {
		// The form's CSRF token is made now, its cookie set with the headers: a card is longer than the
		// response buffer, so its start is sent before the form is written, and a cookie set then is lost.
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
			csrf.getToken();
		}
		model.addAttribute("card", card);
		model.addAttribute("objectionForm", form);
		return VIEW;
	}

	private FormView form(ObjectionForm form, String issued, String filed, Locale locale) {
		List<Card.Choice> categories = new ArrayList<>();
		for (Category category : Category.values()) {
			categories.add(new Card.Choice(category.id(), message("card.category." + category.id(), locale),
					category.id().equals(form.category())));
		}
		return new FormView(issued, categories, form.text(), form.contact(), null, null, null, null, filed);
	}

	private String refusal(FormTokens.Verdict verdict, Locale locale) {
		return switch (verdict) {
			case TOO_FAST -> message("card.form.too-fast", locale, tokens.settings().minAge().toSeconds());
			case TOO_OLD -> message("card.form.too-old", locale, tokens.settings().maxAge().toHours());
			case SPENT -> message("card.form.spent", locale);
			case MISSING, FORGED, GOOD -> message("card.form.unsigned", locale);
		};
	}

	private String message(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

	/** Where a problem of the form is shown. */
	private enum Field {

		FORM, CATEGORY, TEXT, CONTACT;

		/** The field the service's refusal names (its JSON pointer). */
		static Field of(ApiException e) {
			return switch (String.valueOf(e.details().get("pointer"))) {
				case "/category" -> CATEGORY;
				case "/text" -> TEXT;
				case "/contact" -> CONTACT;
				default -> FORM;
			};
		}

		/** The service's refusal in the page's language: a value too long names the limit. */
		String problem(ApiException e, MessageSource messages, Locale locale) {
			Object limit = e.details().get("limit");
			String key = switch (this) {
				case CATEGORY -> "card.form.category.invalid";
				case TEXT -> limit == null ? "card.form.text.required" : "card.form.text.too-long";
				case CONTACT -> "card.form.contact.too-long";
				case FORM -> "card.form.invalid";
			};
			return messages.getMessage(key, new Object[] { limit }, locale);
		}

	}

}
