package org.cabildo.governance.objections;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.cabildo.governance.AccessLedger;
import org.cabildo.governance.Declaration;
import org.cabildo.governance.LedgerEvent;
import org.cabildo.governance.Register;
import org.cabildo.identity.Caller;
import org.cabildo.identity.Role;
import org.cabildo.platform.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Objections and questions on declarations: anyone files one, the owning organisation's stewards
 * answer it (each answer an entry of the access ledger), administrators may hide abusive text.
 */
@Service
public class Objections {

	/** What the public sends to file an objection. */
	public record Filing(String category, String text, String contact) {
	}

	/** What a steward sends to answer. */
	public record Answer(String text, String outcome) {
	}

	private final ObjectionStore store;

	private final Register register;

	private final AccessLedger ledger;

	private final Clock clock;

	private final AtomicLong generation = new AtomicLong();

	private final KeptAnswerTimes answerTimes;

	Objections(ObjectionStore store, Register register, AccessLedger ledger, Clock clock, KeptAnswerTimes answerTimes) {
		this.store = store;
		this.register = register;
		this.ledger = ledger;
		this.clock = clock;
		this.answerTimes = answerTimes;
	}

	/**
	 * A number that changes whenever an objection is filed, answered or hidden on this node, once
	 * the change is committed: what is derived from the objections (a page kept for the public)
	 * knows when to derive again. Read it before reading the objections.
	 */
	public long generation() {
		return generation.get();
	}

	private void changed() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					generation.incrementAndGet();
				}

			});
		}
		else {
			generation.incrementAndGet();
		}
	}

	/** Files an objection on a declared Datastream; the answer never shows the contact. */
	@Transactional
	public ObjectionView file(long datastream, Filing filing) {
		Declaration declaration = declared(datastream);
		if (filing == null) {
			throw ApiException.badRequest("the body is an objection: category, text and optionally contact");
		}
		Category category = Category.of(filing.category())
			.orElseThrow(() -> invalid("/category", "category is one of purpose, necessity, retention, location,"
					+ " access, other"));
		String text = Texts.required(filing.text(), "/text", 4000);
		String contact = Texts.optional(filing.contact(), "/contact", 320);
		long id = store.insert(datastream, declaration.organisationId(), category, text, contact, clock.instant());
		changed();
		return objection(id).view(false);
	}

	/** Every objection on a Datastream, the contacts only for the owner's stewards. */
	public List<ObjectionView> of(long datastream) {
		Declaration declaration = declared(datastream);
		boolean steward = Caller.current().map(c -> c.has(Role.STEWARD, declaration.organisationId())).orElse(false);
		return store.ofDatastream(datastream).stream().map(o -> o.view(steward)).toList();
	}

	/** The newest objections on a Datastream, and how many there are in all. */
	public record Newest(List<ObjectionView> objections, long total) {
	}

	/**
	 * The newest {@code limit} objections on a Datastream, newest first, as {@link #of} shows them
	 * (the contacts only for the owner's stewards), and how many it has in all: a bounded read for
	 * pages.
	 */
	public Newest newest(long datastream, int limit) {
		Declaration declaration = declared(datastream);
		boolean steward = Caller.current().map(c -> c.has(Role.STEWARD, declaration.organisationId())).orElse(false);
		return new Newest(store.newest(datastream, limit).stream().map(o -> o.view(steward)).toList(),
				store.count(datastream));
	}

	/**
	 * The objections waiting for an answer or an outcome on the streams these organisations own,
	 * oldest first, a page of at most {@code top}, with contacts: for stewards of every one of them.
	 */
	public List<ObjectionView> awaiting(Collection<Long> organisations, int skip, int top) {
		organisations.forEach(Register::requireSteward);
		return organisations.isEmpty() ? List.of()
				: store.awaiting(organisations, skip, top).stream().map(o -> o.view(true)).toList();
	}

	/** How many objections wait for an answer or an outcome on these organisations' streams (their stewards ask). */
	public long countAwaiting(Collection<Long> organisations) {
		organisations.forEach(Register::requireSteward);
		return organisations.isEmpty() ? 0 : store.countAwaiting(organisations);
	}

	/** How many open objections each stream of these organisations has; public, as each stream's list is. */
	public Map<Long, Integer> openByDatastream(Collection<Long> organisations) {
		return organisations.isEmpty() ? Map.of() : store.openByDatastream(organisations);
	}

	/** A steward of the owner answers; the status moves open → answered → upheld or dismissed. */
	@Transactional
	public ObjectionView answer(long datastream, long id, Answer answer) {
		Objection objection = objection(id);
		if (objection.datastreamId() != datastream) {
			throw ApiException.notFound("there is no objection " + id + " on Datastream " + datastream);
		}
		long owner = register.owner(datastream);
		Register.requireSteward(owner);
		if (answer == null) {
			throw ApiException.badRequest("the body is an answer: text and outcome");
		}
		Status outcome = Status.of(answer.outcome())
			.filter(s -> s != Status.OPEN)
			.orElseThrow(() -> invalid("/outcome", "outcome is one of answered, upheld, dismissed"));
		String text = Texts.required(answer.text(), "/text", 4000);
		if (!objection.status().next().contains(outcome)) {
			throw new ApiException(HttpStatus.CONFLICT, "objection " + id + " is " + objection.status().id()
					+ "; it can become " + (objection.status().next().isEmpty() ? "nothing else"
							: String.join(" or ", objection.status().next().stream().map(Status::id).sorted().toList())))
				.with("rule", "objection-status");
		}
		if (outcome == Status.UPHELD && !changedSince(datastream, objection)) {
			throw new ApiException(HttpStatus.CONFLICT, "an objection is upheld when the declaration changed"
					+ " (or the stream retired) after it was filed; change the declaration first")
				.with("rule", "upheld-needs-change");
		}
		String actor = actor();
		if (!store.answer(id, objection.status(), outcome, text, actor, clock.instant())) {
			throw new ApiException(HttpStatus.CONFLICT, "objection " + id + " was answered meanwhile; read it again")
				.with("rule", "objection-status");
		}
		ledger.append(LedgerEvent.change("objection-answer", actor, owner, Set.of(datastream),
				"objection " + id + " " + objection.status().id() + " -> " + outcome.id()));
		changed();
		return objection(id).view(true);
	}

	/** An administrator hides abusive text; the objection, its status and answer stay public. */
	@Transactional
	public ObjectionView hide(long id, String reason) {
		Caller caller = Caller.current()
			.orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "hiding an objection needs credentials"));
		if (!caller.hasAnywhere(Role.ADMIN)) {
			throw new ApiException(HttpStatus.FORBIDDEN, "objections are hidden by administrators").with("rule",
					"admin");
		}
		Objection objection = objection(id);
		String why = Texts.required(reason, "/reason", 1000);
		store.hide(id, why, caller.toString());
		changed();
		ledger.append(LedgerEvent.change("objection-hidden", caller.toString(), caller.organisation(),
				Set.of(objection.datastreamId()), "objection " + id + " hidden: " + Texts.shortened(why, 500)));
		return objection(id).view(false);
	}

	/**
	 * Each organisation's median time from filing to first answer, and how many wait for one: the
	 * same list for every reader until an objection is filed or answered here, or for at most
	 * {@link KeptAnswerTimes#MAX_AGE} ({@link KeptAnswerTimes}).
	 */
	public List<AnswerTime> answerTimes() {
		return answerTimes.get(generation.get(), this::computeAnswerTimes);
	}

	private List<AnswerTime> computeAnswerTimes() {
		Map<Long, List<Duration>> waits = new LinkedHashMap<>();
		Map<Long, Integer> open = new LinkedHashMap<>();
		for (Objection objection : store.all()) {
			List<Duration> organisation = waits.computeIfAbsent(objection.organisationId(), o -> new ArrayList<>());
			open.merge(objection.organisationId(), 0, Integer::sum);
			if (objection.firstAnsweredAt() != null) {
				organisation.add(Duration.between(objection.filedAt(), objection.firstAnsweredAt()));
			}
			else {
				open.merge(objection.organisationId(), 1, Integer::sum);
			}
		}
		return waits.entrySet()
			.stream()
			.map(e -> AnswerTime.of(e.getKey(), register.organisationName(e.getKey()), e.getValue(),
					open.get(e.getKey())))
			.toList();
	}

	/** Open objections on a Datastream filed at or after a time (the stage rules count them). */
	int openSince(long datastream, java.time.Instant since) {
		return store.openSince(datastream, since);
	}

	private boolean changedSince(long datastream, Objection objection) {
		return register.history(datastream).stream().anyMatch(d -> d.declaredAt().isAfter(objection.filedAt()));
	}

	private Declaration declared(long datastream) {
		return register.current(datastream)
			.orElseThrow(() -> ApiException.notFound("Datastream " + datastream + " has no declaration"));
	}

	private Objection objection(long id) {
		return store.byId(id).orElseThrow(() -> ApiException.notFound("there is no objection " + id));
	}

	private static ApiException invalid(String pointer, String message) {
		return ApiException.badRequest(message).with("pointer", pointer);
	}

	static String actor() {
		return Caller.current().map(Caller::toString).orElse("platform");
	}

}
