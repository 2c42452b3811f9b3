package org.cabildo.portal;

import java.text.Collator;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.cabildo.identity.Caller;
import org.cabildo.participation.Proposal;
import org.cabildo.participation.ProposalCategory;
import org.cabildo.participation.ProposalComment;
import org.cabildo.participation.Proposals;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.CityTime;
import org.cabildo.portal.ReportFormView.Problem;
import org.cabildo.portal.ReportFormView.Problems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Puts the pages of residents' proposals together from participation's one gate
 * ({@link Proposals}): the list, a proposal with what its reader may do, and the form; and says in
 * the page's language what the gate refused. Nothing of who proposed, supports, comments or
 * follows is read, but the reader's own standing.
 */
@Component
class ProposalPages {

	/** The most proposals one page lists. */
	static final int PAGE_SIZE = 20;

	/** The most comments one page shows; the next ones are a link away. */
	static final int COMMENTS_PAGE = 100;

	private final Proposals proposals;

	private final MessageSource messages;

	private final CityTime city;

	ProposalPages(Proposals proposals, MessageSource messages, CityTime city) {
		this.proposals = proposals;
		this.messages = messages;
		this.city = city;
	}

	/**
	 * A page of the list, newest first.
	 *
	 * @param before the proposal the page lists those made before; null for the newest
	 * @throws ApiException 400 naming the parameter for a district, category or status the list does not know
	 */
	ProposalList list(Language language, String district, String category, String status, Long before) {
		Locale locale = language.locale();
		String chosenDistrict = blank(district) ? null : district.strip();
		String chosenCategory = blank(category) ? null : category.strip();
		String chosenStatus = blank(status) ? null : status.strip();
		Map<String, String> names = districtNames(locale);
		// the select offers the city's districts only: another would be listed under "any district"
		if (chosenDistrict != null && !names.containsKey(chosenDistrict)) {
			throw ApiException.badRequest("district: not one of the city's").with("parameter", "district");
		}
		// the gate refuses a category or status it does not know (400 naming the parameter)
		Proposals.Page page = proposals
			.list(new Proposals.Filter(chosenDistrict, chosenCategory, chosenStatus, PAGE_SIZE, before));
		List<ProposalList.Option> districtOptions = new ArrayList<>();
		districtOptions.add(new ProposalList.Option("", text("participation.proposals.district.any", locale),
				chosenDistrict == null));
		names.forEach((id, name) -> districtOptions.add(new ProposalList.Option(id, name, id.equals(chosenDistrict))));
		List<ProposalList.Option> categoryOptions = new ArrayList<>();
		categoryOptions.add(new ProposalList.Option("", text("participation.proposals.category.any", locale),
				chosenCategory == null));
		proposals.categories()
			.forEach(c -> categoryOptions.add(new ProposalList.Option(c.code(), c.name(), c.code().equals(chosenCategory))));
		List<ProposalList.Option> statusOptions = new ArrayList<>();
		statusOptions.add(new ProposalList.Option("", text("participation.proposals.status.any", locale),
				chosenStatus == null));
		for (Proposal.Status each : Proposal.Status.values()) {
			statusOptions.add(new ProposalList.Option(each.label(), status(each, locale), each.label().equals(chosenStatus)));
		}
		NumberFormat integers = NumberFormat.getIntegerInstance(locale);
		List<ProposalList.Row> rows = page.proposals()
			.stream()
			.map(p -> new ProposalList.Row(p.id(), p.title(), district(p.district(), names, locale), category(p.category()),
					integers.format(p.supports()), status(p.status(), locale)))
			.toList();
		return new ProposalList(districtOptions, categoryOptions, statusOptions, rows,
				integers.format(proposals.supportThreshold()),
				before == null ? null : address(chosenDistrict, chosenCategory, chosenStatus, null),
				page.nextBefore() == null ? null
						: address(chosenDistrict, chosenCategory, chosenStatus, page.nextBefore()));
	}

	/**
	 * A proposal's page for its reader.
	 *
	 * @param reader the signed-in person reading it; empty for anyone else
	 * @param after the comment the page shows those after; null from the first
	 * @param refusal what was refused of the reader's request; null when nothing
	 * @param comment the comment sent back with its problem; null when none
	 * @throws ApiException 404 when there is none, or it was hidden
	 */
	ProposalPage page(long id, Language language, Optional<Caller> reader, Long after, ProposalPage.Refusal refusal,
			ProposalPage.CommentBox comment) {
		Locale locale = language.locale();
		Proposal p = proposals.byId(id);
		NumberFormat integers = NumberFormat.getIntegerInstance(locale);
		String threshold = integers.format(proposals.supportThreshold());
		String count = integers.format(p.supports());
		String supports = p.status() == Proposal.Status.OPEN
				? messages.getMessage("participation.proposal.supports.open", new Object[] { count, threshold }, locale)
				: messages.getMessage("participation.proposal.supports.reached", new Object[] { count, threshold }, locale);
		Proposal.Forwarding forwarding = p.forwarding();
		Proposal.Answer answered = p.answer();
		ProposalPage.Answer answer = answered == null ? null
				: new ProposalPage.Answer(text("participation.proposal.outcome." + answered.outcome().label(), locale),
						answered.text(), time(answered.at(), locale), answered.by());
		List<ProposalComment> found = proposals.comments(id, after, COMMENTS_PAGE + 1);
		boolean more = found.size() > COMMENTS_PAGE;
		List<ProposalPage.Comment> comments = found.stream()
			.limit(COMMENTS_PAGE)
			.map(c -> new ProposalPage.Comment(c.id(), time(c.created(), locale), c.text(), c.byProposer()))
			.toList();
		ProposalPage.Reader standing = reader.map(caller -> {
			Proposals.Standing s = proposals.standing(id, caller);
			return new ProposalPage.Reader(true, s.verifiedResident(), s.resident(), s.supports(), s.follows());
		}).orElse(ProposalPage.Reader.ANONYMOUS);
		String maxComment = integers.format(Proposals.MAX_COMMENT);
		return new ProposalPage(p.id(), p.title(), p.text(), status(p.status(), locale),
				district(p.district(), districtNames(locale), locale), p.district(), category(p.category()),
				time(p.created(), locale), p.supports(), supports,
				messages.getMessage("participation.proposal.supports.how", new Object[] { threshold }, locale),
				forwarding == null ? null : forwarding.office(), forwarding == null ? null : time(forwarding.at(), locale),
				forwarding == null ? null : time(forwarding.answerDue(), locale), answer,
				messages.getMessage("participation.proposal.followers", new Object[] { integers.format(p.followers()) },
						locale),
				comments, more ? "/proposals/" + id + "?after=" + comments.getLast().id() + "#comments" : null,
				after == null ? null : "/proposals/" + id + "#comments", standing, refusal,
				comment == null ? new ProposalPage.CommentBox(null, null, maxComment)
						: new ProposalPage.CommentBox(comment.text(), comment.problem(), maxComment));
	}

	/**
	 * What the page says of a refusal of the gate to support, withdraw, follow or comment: one
	 * support per person (409), a resident's account needed (403), too many in the hour (429).
	 */
	ProposalPage.Refusal refusal(ApiException e, Language language) {
		Locale locale = language.locale();
		Object rule = e.details().get("rule");
		return switch (e.status()) {
			case CONFLICT -> new ProposalPage.Refusal(text("participation.proposal.refused.supported", locale), false);
			case FORBIDDEN -> "resident".equals(rule)
					? new ProposalPage.Refusal(text("participation.proposal.refused.resident", locale), true)
					: new ProposalPage.Refusal(text("participation.proposal.refused.verified", locale), true);
			case TOO_MANY_REQUESTS -> new ProposalPage.Refusal(tooMany(e, locale), false);
			default -> new ProposalPage.Refusal(text("participation.proposal.refused.other", locale), false);
		};
	}

	/** A comment refused (400): not written, or too long. */
	ProposalPage.CommentBox refusedComment(String text, Language language) {
		Locale locale = language.locale();
		String max = NumberFormat.getIntegerInstance(locale).format(Proposals.MAX_COMMENT);
		String problem = blank(text) ? text("participation.proposal.comment.required", locale)
				: messages.getMessage("participation.proposal.comment.too-long", new Object[] { max }, locale);
		return new ProposalPage.CommentBox(text, problem, max);
	}

	/** The proposal form with what was typed (nothing for a fresh one) and its problems. */
	ProposalFormView form(Language language, ProposalForm form, Optional<Caller> reader, Problems problems) {
		Locale locale = language.locale();
		List<ProposalFormView.Option> districts = new ArrayList<>();
		districts.add(new ProposalFormView.Option("", text("participation.proposal.form.field.district.city", locale),
				blank(form.district())));
		districtNames(locale).forEach((id, name) -> districts.add(new ProposalFormView.Option(id, name,
				id.equals(form.district() == null ? null : form.district().strip()))));
		List<ProposalFormView.Option> categories = new ArrayList<>();
		categories.add(new ProposalFormView.Option("", text("participation.proposal.form.field.category.choose", locale),
				blank(form.category())));
		List<ProposalFormView.Category> about = new ArrayList<>();
		for (ProposalCategory c : proposals.categories()) {
			categories.add(new ProposalFormView.Option(c.code(), c.name(),
					c.code().equals(form.category() == null ? null : form.category().strip())));
			about.add(new ProposalFormView.Category(c.name(), c.description()));
		}
		NumberFormat integers = NumberFormat.getIntegerInstance(locale);
		return new ProposalFormView(reader.isPresent(), reader.map(proposals::mayPropose).orElse(false), form.title(),
				form.text(), districts, categories, about, integers.format(proposals.supportThreshold()),
				integers.format(Proposals.MAX_TITLE), integers.format(Proposals.MAX_TEXT), problems);
	}

	/**
	 * What the gate refused of a proposal, at the form's field it concerns (400), or for the form as
	 * a whole (429: too many in the hour); empty for a refusal that is not the form's to show (403:
	 * the page says who may propose instead).
	 */
	Optional<Problems> refused(ApiException e, ProposalForm form, Language language) {
		Locale locale = language.locale();
		if (e.status() == HttpStatus.TOO_MANY_REQUESTS) {
			return Optional.of(new Problems(List.of(new Problem("form", tooMany(e, locale)))));
		}
		if (e.status() != HttpStatus.BAD_REQUEST) {
			return Optional.empty();
		}
		NumberFormat integers = NumberFormat.getIntegerInstance(locale);
		String pointer = String.valueOf(e.details().get("pointer"));
		Problem problem = switch (pointer) {
			case "/title" -> blank(form.title()) ? problem("title", "participation.proposal.form.title.required", locale)
					: problem("title", "participation.proposal.form.title.too-long", locale,
							integers.format(Proposals.MAX_TITLE));
			case "/text" -> blank(form.text()) ? problem("text", "participation.proposal.form.text.required", locale)
					: problem("text", "participation.proposal.form.text.too-long", locale,
							integers.format(Proposals.MAX_TEXT));
			case "/district" -> problem("district", "participation.proposal.form.district.invalid", locale);
			case "/category" -> blank(form.category())
					? problem("category", "participation.proposal.form.category.required", locale)
					: problem("category", "participation.proposal.form.category.invalid", locale);
			default -> problem("form", "participation.proposal.form.invalid", locale);
		};
		return Optional.of(new Problems(List.of(problem)));
	}

	private String tooMany(ApiException e, Locale locale) {
		long minutes = Math.max(1, e.retryAfter().map(Duration::toMinutes).orElse(60L));
		return messages.getMessage("participation.proposal.refused.too-many",
				new Object[] { NumberFormat.getIntegerInstance(locale).format(minutes) }, locale);
	}

	private Problem problem(String field, String key, Locale locale, Object... arguments) {
		return new Problem(field, messages.getMessage(key, arguments, locale));
	}

	/** The districts' names by code, in the order of their names in the page's language. */
	private Map<String, String> districtNames(Locale locale) {
		Collator order = Collator.getInstance(locale);
		Map<String, String> sorted = new LinkedHashMap<>();
		proposals.districtNames()
			.entrySet()
			.stream()
			.sorted(Map.Entry.<String, String>comparingByValue(order).thenComparing(Map.Entry.comparingByKey()))
			.forEach(e -> sorted.put(e.getKey(), e.getValue()));
		return sorted;
	}

	/** A district's name; the whole city's for none; its code for one no longer in the register. */
	private String district(String code, Map<String, String> names, Locale locale) {
		return code == null ? text("participation.proposal.whole-city", locale) : names.getOrDefault(code, code);
	}

	/** A category's name; its code for one no longer in the file. */
	private String category(String code) {
		return proposals.categories()
			.stream()
			.filter(c -> c.code().equals(code))
			.map(ProposalCategory::name)
			.findFirst()
			.orElse(code);
	}

	private static String address(String district, String category, String status, Long before) {
		UriComponentsBuilder address = UriComponentsBuilder.fromPath("/proposals");
		if (district != null) {
			address.queryParam("district", district);
		}
		if (category != null) {
			address.queryParam("category", category);
		}
		if (status != null) {
			address.queryParam("status", status);
		}
		if (before != null) {
			address.queryParam("before", before);
		}
		return address.encode().build().toUriString();
	}

	private String status(Proposal.Status status, Locale locale) {
		return text("participation.proposal.status." + status.label(), locale);
	}

	/** An instant as the city's clocks showed it, in the page's language. */
	private String time(Instant instant, Locale locale) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.format(city.local(instant));
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
