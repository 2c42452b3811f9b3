package org.cabildo.participation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.cabildo.identity.Caller;
import org.cabildo.identity.Residents;
import org.cabildo.indicators.DistrictRegister;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.CityTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Residents' proposals: the one gate every proposal, support, comment and follow passes. A
 * proposal is made and supported by people with a verified resident's account (one person, one
 * support: the database's primary key says so, whatever comes in at once); one that reaches the
 * threshold goes to its category's office, which answers in public. Moderation is as for reports.
 */
@Service
public class Proposals {

	/** The longest title, text and comment taken, in characters (a form says so before it is sent). */
	public static final int MAX_TITLE = 200;

	public static final int MAX_TEXT = 4000;

	public static final int MAX_COMMENT = 2000;

	static final int MAX_REASON = 1000;

	static final int MAX_LIMIT = 100;

	static final int MAX_COMMENTS = 500;

	/** proposals.office holds at most this many characters. */
	private static final int MAX_OFFICE = 200;

	private final ProposalStore store;

	private final ProposalCategories categories;

	private final DistrictRegister districts;

	private final Residents residents;

	private final FilingAllowance allowance;

	private final Offices offices;

	private final ParticipationSettings.Proposals settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final DeclaredDemographics demographics;

	private final CityTime city;

	private final ApplicationEventPublisher events;

	Proposals(ProposalStore store, ProposalCategories categories, DistrictRegister districts, Residents residents,
			FilingAllowance allowance, Offices offices, ParticipationSettings settings, TransactionTemplate transactions,
			Clock clock, DeclaredDemographics demographics, CityTime city, ApplicationEventPublisher events) {
		this.demographics = demographics;
		this.events = events;
		this.city = city;
		this.store = store;
		this.categories = categories;
		this.districts = districts;
		this.residents = residents;
		this.allowance = allowance;
		this.offices = offices;
		this.settings = settings.proposals();
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * What a resident proposes, as sent.
	 *
	 * @param said what the proposer chose to say about themselves, counted apart from the proposal
	 */
	public record Draft(String title, String text, String district, String category, Demographics said) {

		public Draft(String title, String text, String district, String category) {
			this(title, text, district, category, Demographics.NOT_SAID);
		}

		public Draft {
			said = said == null ? Demographics.NOT_SAID : said;
		}

	}

	/** Which proposals to list: the filters as sent (null: any), at most {@code limit}, made before {@code before}. */
	public record Filter(String district, String category, String status, Integer limit, Long before) {
	}

	/** A page of proposals, newest first; {@code nextBefore} asks for the next one (null: none after). */
	public record Page(List<Proposal> proposals, Long nextBefore) {
	}

	/**
	 * Where a caller stands with a proposal, for a page to offer what they may do: never anyone
	 * else's support or follow.
	 *
	 * @param verifiedResident whether the caller may propose, support and comment
	 * @param resident whether the caller may follow (any resident's account)
	 * @param supports whether the caller supports it now
	 * @param follows whether the caller follows it
	 */
	public record Standing(boolean verifiedResident, boolean resident, boolean supports, boolean follows) {

		public static final Standing NONE = new Standing(false, false, false, false);

	}

	/** The supports that forward a proposal to its office. */
	public int supportThreshold() {
		return settings.supportThreshold();
	}

	public List<ProposalCategory> categories() {
		return categories.all();
	}

	/** The names of the city's districts, by code. */
	public Map<String, String> districtNames() {
		return districts.boundaries()
			.stream()
			.collect(Collectors.toMap(DistrictRegister.Boundary::id, DistrictRegister.Boundary::name, (a, b) -> a));
	}

	/** Whether the caller may propose (and support and comment): a verified resident. */
	public boolean mayPropose(Caller caller) {
		return residents.isVerifiedResident(caller);
	}

	/** Where the caller stands with a proposal the public may see; 404 when there is none. */
	public Standing standing(long id, Caller caller) {
		byId(id);
		if (caller.isDevice() || caller.id() <= 0) {
			return Standing.NONE;
		}
		return new Standing(residents.isVerifiedResident(caller), residents.byPerson(caller.id()).isPresent(),
				store.supports(id, caller.id()), store.follows(id, caller.id()));
	}

	/**
	 * Makes a proposal, or refuses it whole: 403 unless the caller is a verified resident, 400
	 * naming the field, 429 beyond the person's allowance. Nothing is stored on a refusal.
	 */
	public Proposal propose(Draft draft, Caller caller) {
		residents.requireVerifiedResident(caller, "proposing");
		String title = required(draft.title(), "title", MAX_TITLE);
		String text = required(draft.text(), "text", MAX_TEXT);
		String district = optional(draft.district(), "district", 32);
		if (district != null && !districtNames().containsKey(district)) {
			throw ApiException.badRequest("district: no district '" + shortened(district)
					+ "' in the city (GET /api/districts lists them); leave it out for the whole city")
				.with("pointer", "/district");
		}
		String code = required(draft.category(), "category", 64);
		ProposalCategory category = categories.byCode(code)
			.orElseThrow(() -> ApiException.badRequest("category: no category '" + shortened(code) + "' (one of "
					+ categories.all().stream().map(ProposalCategory::code).collect(Collectors.joining(", ")) + ")")
				.with("pointer", "/category"));
		take(caller, "proposals");
		Instant now = clock.instant();
		long id = store.insert(new ProposalStore.NewProposal(title, text, district, category.code(), caller.id(), now));
		demographics.count("proposal", district, city.date(now), draft.said());
		return store.byId(id).orElseThrow();
	}

	/** A proposal the public may see; 404 when there is none (or it was hidden). */
	public Proposal byId(long id) {
		return store.byId(id).orElseThrow(() -> ApiException.notFound(
				store.hidden(id) ? "proposal " + id + " was hidden by moderation" : "no proposal " + id));
	}

	/** Lists proposals newest first; 400 naming the parameter for a filter that cannot match anything. */
	public Page list(Filter filter) {
		int limit = filter.limit() == null ? 20 : filter.limit();
		if (limit < 1 || limit > MAX_LIMIT) {
			throw ApiException.badRequest("limit: from 1 to " + MAX_LIMIT).with("parameter", "limit");
		}
		Proposal.Status status = null;
		if (filter.status() != null && !filter.status().isBlank()) {
			status = Proposal.Status.of(filter.status().trim())
				.orElseThrow(() -> ApiException.badRequest("status: open, forwarded or answered").with("parameter",
						"status"));
		}
		String category = blankToNull(filter.category());
		if (category != null && categories.byCode(category).isEmpty()) {
			throw ApiException.badRequest("category: no category '" + shortened(category) + "'").with("parameter",
					"category");
		}
		// a district no longer in the register may still have proposals: not refused, as a category is
		String district = blankToNull(filter.district());
		List<Proposal> found = store
			.list(new ProposalStore.Query(district, category, status, filter.before(), limit + 1));
		boolean more = found.size() > limit;
		List<Proposal> page = more ? found.subList(0, limit) : found;
		return new Page(List.copyOf(page), more ? page.getLast().id() : null);
	}

	/**
	 * Supports a proposal, once per person (a second time: 409, refused by the primary key, so that
	 * two requests at once cannot both count). The support that reaches the threshold forwards it
	 * to its office, in the same transaction. The author may support their own proposal, as one
	 * person among the others; nothing supports it for them.
	 */
	public Proposal support(long id, Caller caller) {
		return support(id, Demographics.NOT_SAID, caller);
	}

	/**
	 * Supports a proposal as {@link #support(long, Caller)} does, counting what the supporter chose
	 * to say about themselves apart from the support (a withdrawn support stays counted: it was
	 * given).
	 */
	public Proposal support(long id, Demographics said, Caller caller) {
		residents.requireVerifiedResident(caller, "supporting a proposal");
		Proposal proposal = byId(id);
		String office = office(proposal);
		take(caller, "supports");
		Instant now = clock.instant();
		try {
			transactions.executeWithoutResult(tx -> {
				if (!store.countSupport(id)) {
					throw ApiException.notFound("no proposal " + id);
				}
				store.insertSupport(id, caller.id(), now);
				if (store.forwardIfReached(id, settings.supportThreshold(), now, office,
						now.plus(settings.answerWithin()))) {
					events.publishEvent(new ProposalNews(id, ProposalNews.Kind.FORWARDED));
				}
			});
		}
		catch (DuplicateKeyException e) {
			throw new ApiException(HttpStatus.CONFLICT, "proposal " + id + " is already supported by this account:"
					+ " one support per person").with("rule", "one-support-per-person");
		}
		demographics.count("support", proposal.district(), city.date(now), said);
		return byId(id);
	}

	/**
	 * Withdraws the caller's support (nothing to withdraw: nothing changes). A proposal forwarded
	 * stays with its office though its supports fall below the threshold.
	 */
	public Proposal withdraw(long id, Caller caller) {
		transactions.executeWithoutResult(tx -> {
			if (!store.lock(id)) {
				throw ApiException.notFound("no proposal " + id);
			}
			store.withdrawSupport(id, caller.id());
		});
		return byId(id);
	}

	/**
	 * The office answers in public, once it has the proposal (or the city's organisation, which
	 * may answer any); an answer "in study" may be followed by a final one.
	 */
	public Proposal answer(long id, String text, String outcome, Caller caller) {
		Proposal proposal = byId(id);
		String office = proposal.forwarding() == null ? office(proposal) : proposal.forwarding().office();
		offices.requireAnswers(caller, office, "proposal " + id);
		if (proposal.status() == Proposal.Status.OPEN) {
			throw new ApiException(HttpStatus.CONFLICT, "proposal " + id + " has " + proposal.supports() + " of the "
					+ settings.supportThreshold() + " supports that forward it to its office: it is answered then")
				.with("rule", "answered-when-forwarded");
		}
		Proposal.Outcome decided = Proposal.Outcome.of(outcome == null ? "" : outcome.trim())
			.orElseThrow(() -> ApiException.badRequest("outcome: accepted, rejected or in-study").with("pointer",
					"/outcome"));
		String answer = required(text, "text", MAX_TEXT);
		if (!store.answer(id, answer, decided, clock.instant(), caller.name())) {
			Proposal.Answer given = byId(id).answer();
			throw new ApiException(HttpStatus.CONFLICT, "proposal " + id + " is answered already ("
					+ given.outcome().label() + "); only an answer in study is followed by another")
				.with("rule", "answered-once");
		}
		events.publishEvent(new ProposalNews(id, ProposalNews.Kind.ANSWERED));
		return byId(id);
	}

	/** A verified resident comments (within the person's allowance). */
	public ProposalComment comment(long id, String text, Caller caller) {
		residents.requireVerifiedResident(caller, "commenting on a proposal");
		byId(id);
		String comment = required(text, "text", MAX_COMMENT);
		take(caller, "comments");
		long stored = store.insertComment(id, caller.id(), comment, clock.instant());
		return store.comment(id, stored).orElseThrow();
	}

	/** A proposal's comments not hidden, oldest first. */
	public List<ProposalComment> comments(long id, Long after, Integer limit) {
		byId(id);
		int most = limit == null ? 100 : limit;
		if (most < 1 || most > MAX_COMMENTS) {
			throw ApiException.badRequest("limit: from 1 to " + MAX_COMMENTS).with("parameter", "limit");
		}
		return store.comments(id, after == null ? 0 : after, most);
	}

	/**
	 * A resident follows a proposal (a second time changes nothing). Any resident's account will
	 * do, verified or not: following weighs nothing in what the office is sent.
	 */
	public void follow(long id, Caller caller) {
		if (caller.isDevice() || residents.byPerson(caller.id()).isEmpty()) {
			throw new ApiException(HttpStatus.FORBIDDEN, "following a proposal needs a resident's account")
				.with("rule", "resident");
		}
		byId(id);
		try {
			store.follow(id, caller.id());
		}
		catch (DuplicateKeyException e) {
			// the same person's other request made it first: they follow it
		}
	}

	public void unfollow(long id, Caller caller) {
		byId(id);
		store.unfollow(id, caller.id());
	}

	/** An administrator of the city hides an abusive proposal, with a reason the ledger keeps. */
	public void hide(long id, String reason, Caller caller) {
		long city = offices.requireCityAdmin(caller, "proposals are hidden");
		String why = required(reason, "reason", MAX_REASON);
		byId(id);
		if (store.hide(id, why, clock.instant())) {
			offices.recordModeration("proposal-hidden", caller, city, "proposal " + id + " hidden: " + why);
		}
	}

	/** An administrator of the city hides an abusive comment, with a reason the ledger keeps. */
	public void hideComment(long id, long comment, String reason, Caller caller) {
		long city = offices.requireCityAdmin(caller, "comments are hidden");
		String why = required(reason, "reason", MAX_REASON);
		byId(id);
		store.comment(id, comment).orElseThrow(() -> ApiException.notFound("no comment " + comment + " on proposal " + id));
		if (store.hideComment(id, comment, why, clock.instant())) {
			offices.recordModeration("proposal-comment-hidden", caller, city,
					"comment " + comment + " on proposal " + id + " hidden: " + why);
		}
	}

	/** Anyone may flag a proposal as abusive, within the filing allowance; moderators see the count. */
	public void flagAbuse(long id, Reporter who) {
		byId(id);
		allowance.take(who).ifPresent(wait -> {
			throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too many flags from "
					+ (who.person() == null ? "this address" : "this account") + "; try again later").retryAfter(wait);
		});
		store.flagAbuse(id);
	}

	/** The office a proposal goes to: its category's, for the district it is about (by the district's name now). */
	private String office(Proposal proposal) {
		String districtName = proposal.district() == null ? null : districtNames().get(proposal.district());
		String office = categories.byCode(proposal.category())
			.map(c -> c.officeFor(districtName))
			// a category no longer in the file: the city's organisation answers
			.orElse(offices.cityOrganisation());
		return office.length() > MAX_OFFICE ? office.substring(0, MAX_OFFICE) : office;
	}

	private void take(Caller caller, String what) {
		Optional<Duration> wait = allowance.takeProposing(caller.id());
		if (wait.isPresent()) {
			throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too many proposals, comments and supports from this"
					+ " account (" + settings.perHour() + " an hour); try again in "
					+ Math.max(1, wait.get().toMinutes()) + " minutes").with("limited", what).retryAfter(wait.get());
		}
	}

	private static String optional(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		if (trimmed.length() > max) {
			throw ApiException.badRequest(field + ": at most " + max + " characters, not " + trimmed.length())
				.with("pointer", "/" + field);
		}
		return trimmed;
	}

	private static String required(String value, String field, int max) {
		String text = optional(value, field, max);
		if (text == null) {
			throw ApiException.badRequest(field + ": required").with("pointer", "/" + field);
		}
		return text;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static String shortened(String text) {
		return text.length() > 40 ? text.substring(0, 40) + "…" : text;
	}

}
