package org.cabildo.portal;

import java.util.Locale;

import org.cabildo.platform.ApiException;
import org.cabildo.portal.ErrorPages.ErrorPage;
import org.cabildo.portal.ErrorPages.Way;
import org.cabildo.portal.steward.Wording;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What the error page says of a refusal of a portal page, in the page's language, in the words of
 * the part of the portal that refused: the auditor's pages name the filter or the entry; the
 * steward's console says the service's rule in its own words (else the API's); the operator's
 * console says the rule and always the API's words, as a client of the API would read them; the
 * reports' and the proposals' pages say what the status means for a report or a proposal; the other
 * public pages say what it means for them. The consoles, the auditor's pages, the reports' and the
 * proposals' pages give a way back to them.
 */
@Component
class Refusals {

	private static final Way TO_THE_LEDGER = new Way("/audit", "audit.back");

	private static final Way TO_THE_CONSOLE = new Way("/console", "steward.refusal.back");

	private static final Way TO_THE_OPERATOR_CONSOLE = new Way("/console/operator", "operator.refused.back");

	private static final Way TO_THE_REPORTS = new Way("/reports", "participation.back");

	private static final Way TO_THE_PROPOSALS = new Way("/proposals", "participation.proposals.back");

	/** The parts of the portal that say refusals in their own words. */
	private enum Part {

		AUDIT, STEWARD, OPERATOR, REPORTS, PROPOSALS, PAGES;

		static Part of(Class<?> controller) {
			String name = controller.getPackageName();
			if (controller == LedgerAuditController.class) {
				return AUDIT;
			}
			if (controller == ReportFormController.class || controller == ReportPagesController.class) {
				return REPORTS;
			}
			if (controller == ProposalPagesController.class || controller == ProposalFormController.class) {
				return PROPOSALS;
			}
			if (controller == ConsoleEntryController.class || name.equals(Wording.class.getPackageName())) {
				return STEWARD;
			}
			return name.equals(Refusals.class.getPackageName() + ".operator") ? OPERATOR : PAGES;
		}

	}

	private final MessageSource messages;

	private final Wording wording;

	Refusals(MessageSource messages, Wording wording) {
		this.messages = messages;
		this.wording = wording;
	}

	/** A service's refusal (or the controller's own) with its status. */
	ErrorPage refused(ApiException e, Class<?> controller, Language language) {
		ErrorPage page = ErrorPage.of(e.status());
		Locale locale = language.locale();
		return switch (Part.of(controller)) {
			case AUDIT -> page.with(audit(e, locale), null, TO_THE_LEDGER);
			case STEWARD -> {
				Wording.Said said = wording.said(e, language);
				yield said.translated() ? page.with(said.text(), null, TO_THE_CONSOLE)
						: page.with(text("steward.refusal." + kind(e.status()), locale), said.english(), TO_THE_CONSOLE);
			}
			case OPERATOR -> page.with(rule(e.details().get("rule"), locale), e.getMessage(), TO_THE_OPERATOR_CONSOLE);
			case REPORTS -> page.with(reports(e.status(), locale), null, TO_THE_REPORTS);
			case PROPOSALS -> page.with(proposals(e.status(), locale), null, TO_THE_PROPOSALS);
			case PAGES -> page.with(pages(e.status(), locale));
		};
	}

	/** A malformed address or parameter (a number that is not one, one missing): a 400. */
	ErrorPage malformed(Class<?> controller, Language language) {
		ErrorPage page = ErrorPage.of(HttpStatus.BAD_REQUEST);
		Locale locale = language.locale();
		return switch (Part.of(controller)) {
			case STEWARD -> page.with(text("steward.refusal.bad-request", locale), null, TO_THE_CONSOLE);
			case OPERATOR -> page.with(rule("address", locale), null, TO_THE_OPERATOR_CONSOLE);
			case REPORTS -> page.with(reports(HttpStatus.BAD_REQUEST, locale), null, TO_THE_REPORTS);
			case PROPOSALS -> page.with(proposals(HttpStatus.BAD_REQUEST, locale), null, TO_THE_PROPOSALS);
			case AUDIT, PAGES -> page.with(pages(HttpStatus.BAD_REQUEST, locale));
		};
	}

	/** A bad filter names its parameter; an unknown entry, its number. */
	private String audit(ApiException e, Locale locale) {
		Object parameter = e.details().get("parameter");
		if (parameter != null) {
			String key = "audit.invalid." + parameter.toString().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
			return messages.getMessage(key, null, text("audit.failed", locale), locale);
		}
		if (e.status() == HttpStatus.NOT_FOUND) {
			return messages.getMessage("audit.not-found", new Object[] { String.valueOf(e.details().get("entry")) },
					locale);
		}
		if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.UNAUTHORIZED) {
			return text("audit.forbidden", locale);
		}
		return text("audit.failed", locale);
	}

	/** The operator's console's sentence for the rule that refused; a general one for another. */
	private String rule(Object rule, Locale locale) {
		String meaning = rule instanceof String named ? messages.getMessage("operator.rule." + named, null, null, locale)
				: null;
		return meaning != null ? meaning : text("operator.refused.api", locale);
	}

	private String pages(HttpStatus status, Locale locale) {
		return switch (status.value()) {
			case 400, 403, 404, 405, 429 -> text("card.problem." + status.value() + ".detail", locale);
			default -> null;
		};
	}

	/** The reports' pages say what a status means for a report (none found, too many sent); else as any page. */
	private String reports(HttpStatus status, Locale locale) {
		return switch (status.value()) {
			case 400, 404, 429 -> text("participation.problem." + status.value() + ".detail", locale);
			default -> pages(status, locale);
		};
	}

	/** The proposals' pages say what a status means for a proposal (none found, too many sent); else as any page. */
	private String proposals(HttpStatus status, Locale locale) {
		return switch (status.value()) {
			case 400, 403, 404, 429 -> text("participation.proposals.problem." + status.value() + ".detail", locale);
			default -> pages(status, locale);
		};
	}

	private static String kind(HttpStatus status) {
		return switch (status) {
			case UNAUTHORIZED -> "sign-in";
			case FORBIDDEN -> "forbidden";
			case NOT_FOUND -> "not-found";
			case CONFLICT -> "conflict";
			case BAD_REQUEST -> "bad-request";
			default -> "other";
		};
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

}
