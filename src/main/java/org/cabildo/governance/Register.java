package org.cabildo.governance;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.cabildo.governance.Declaration.SharingGrant;
import org.cabildo.governance.register.CurrentDeclarations;
import org.cabildo.governance.register.DeclarationRules;
import org.cabildo.governance.register.DeclarationStore;
import org.cabildo.governance.register.Vocabulary;
import org.cabildo.governance.retention.RetentionEffect;
import org.cabildo.identity.Caller;
import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.Role;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.Platform;
import org.cabildo.sensing.SensorThings;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The public register: the declarations of every Datastream, versioned. Stewards of the owning
 * organisation write them (the platform itself too, when its work says so: the demo loader);
 * everyone reads them. Every new version is an entry of the access ledger.
 */
@Service
public class Register {

	private final DeclarationStore store;

	private final CurrentDeclarations current;

	private final DeclarationRules rules;

	private final SensorThings things;

	private final Organisations organisations;

	private final AccessLedger ledger;

	private final RetentionEffect retention;

	private final Clock clock;

	private final Vocabulary vocabulary;

	Register(DeclarationStore store, CurrentDeclarations current, DeclarationRules rules, SensorThings things,
			Organisations organisations, AccessLedger ledger, RetentionEffect retention, Clock clock,
			Vocabulary vocabulary) {
		this.vocabulary = vocabulary;
		this.retention = retention;
		this.store = store;
		this.current = current;
		this.rules = rules;
		this.things = things;
		this.organisations = organisations;
		this.ledger = ledger;
		this.clock = clock;
	}

	/** Writes a new version of a Datastream's declaration; the first one starts its life in the lab or as a pilot. */
	@Transactional
	public Declaration declare(long datastream, DeclarationDraft draft, String actor) {
		return declare(datastream, draft, actor, OptionalLong.empty());
	}

	/**
	 * Writes a new version of a Datastream's declaration. When its retention would remove stored
	 * Observations that the current one keeps, it is refused (409, rule {@code retention-removes},
	 * with the number) unless {@code confirm} is that very number.
	 */
	@Transactional
	public Declaration declare(long datastream, DeclarationDraft draft, String actor, OptionalLong confirm) {
		long owner = owner(datastream);
		requireSteward(owner);
		return declare(datastream, owner, draft, actor, DeclarationOrigin.WRITTEN, confirm);
	}

	/**
	 * The change a draft would make to a Datastream's declaration, checked by the same rules as
	 * {@link #declare}, and what its retention would remove; nothing is saved.
	 */
	@Transactional(readOnly = true)
	public DeclarationChange preview(long datastream, DeclarationDraft draft, String actor) {
		long owner = owner(datastream);
		requireSteward(owner);
		return change(datastream, owner, draft, actor, store.current(datastream));
	}

	/**
	 * Declares a Datastream with the declaration its creating request carried; the same rules as
	 * in the register: a steward of the owner declares, and the draft must say all it must.
	 */
	@Transactional
	public Declaration declareInline(long datastream, DeclarationDraft draft, String actor) {
		long owner = owner(datastream);
		requireSteward(owner);
		return declare(datastream, owner, draft, actor, DeclarationOrigin.INLINE, OptionalLong.empty());
	}

	/**
	 * Declares a new Datastream with its organisation's or Thing's template. The steward who
	 * published the template decided for every stream in its scope, so whoever creates the
	 * stream needs no steward role of their own; a template of another organisation never applies.
	 */
	@Transactional
	public Declaration declareFromTemplate(long datastream, DeclarationTemplate template, String actor) {
		return declareFromTemplate(datastream, template, actor, OptionalLong.empty());
	}

	/** As {@link #declareFromTemplate(long, DeclarationTemplate, String)}, confirming what its retention removes. */
	@Transactional
	public Declaration declareFromTemplate(long datastream, DeclarationTemplate template, String actor,
			OptionalLong confirm) {
		long owner = owner(datastream);
		if (owner != template.organisationId() || template.withdrawn()) {
			throw new IllegalStateException("template " + template.id() + " does not apply to Datastream " + datastream);
		}
		return declare(datastream, owner, template.declaration(), templateActor(actor, template),
				new DeclarationOrigin.FromTemplate(template.id(), template.version()), confirm);
	}

	/** Who declares with a template: the caller, naming the template version. */
	public static String templateActor(String actor, DeclarationTemplate template) {
		return actor + " (template " + template.id() + " version " + template.version() + ")";
	}

	private Declaration declare(long datastream, long owner, DeclarationDraft draft, String actor,
			DeclarationOrigin origin, OptionalLong confirm) {
		store.lock(datastream);
		DeclarationChange change = change(datastream, owner, draft, actor, store.current(datastream));
		RetentionRemoval removes = change.removes();
		if (removes.removesAny() && (confirm.isEmpty() || confirm.getAsLong() != removes.observations())) {
			throw new ApiException(HttpStatus.CONFLICT, "this change " + removes.sentence() + "; repeat it with"
					+ " ?confirm=" + removes.observations() + " to apply it" + (confirm.isPresent()
							? " (" + confirm.getAsLong() + " was confirmed)" : ""))
				.with("rule", "retention-removes")
				.with("removes", removes.observations())
				.with("olderThan", removes.olderThan().toString())
				.with("pointer", "/retention/duration");
		}
		Declaration declaration = change.declaration();
		String from = switch (origin) {
			case DeclarationOrigin.Written written -> "";
			case DeclarationOrigin.Inline inline -> ", sent with the request that created the stream";
			case DeclarationOrigin.FromTemplate template -> ", from template " + template.template() + " version "
					+ template.templateVersion();
		};
		List<SharingGrant> sharing = declaration.sharing();
		return save(declaration, origin, "declaration", "declaration version " + declaration.version() + ": "
				+ declaration.personalDataClass().id() + ", " + declaration.accessLevel().id() + ", purposes "
				+ String.join(" ", declaration.purposes()) + (sharing.isEmpty() ? ""
						: ", shared with " + String.join(", ", sharing.stream().map(SharingGrant::organisation).toList()))
				+ from + (removes.removesAny() ? "; confirmed: " + removes.sentence() : ""));
	}

	/** The next version a draft makes of a Datastream's declaration, by the rules; the stage and its pilot stay. */
	private DeclarationChange change(long datastream, long owner, DeclarationDraft draft, String actor,
			Optional<Declaration> previous) {
		rules.check(draft, previous);
		Stage stage = previous.map(Declaration::stage)
			.orElse(Stage.of(draft.stage() == null ? "lab" : draft.stage()).orElseThrow());
		List<SharingGrant> sharing = draft.sharing() == null ? List.of()
				: draft.sharing().stream().map(this::grant).toList();
		// A later version names its pilot only to change a running one; without it the pilot stays.
		Declaration.Pilot pilot = stage != Stage.PILOT ? previous.map(Declaration::pilot).orElse(null)
				: draft.pilot() != null ? draft.pilot() : previous.map(Declaration::pilot).orElse(null);
		Declaration declaration = new Declaration(datastream, previous.map(Declaration::version).orElse(0) + 1, owner,
				organisationName(owner), draft.contact().strip(), draft.purposes(), draft.technology(),
				draft.dataTypes(), draft.processing(), draft.access(), draft.storage(), draft.retention(),
				PersonalDataClass.of(draft.personalDataClass()).orElseThrow(),
				draft.legalBasis(), draft.privacyStatementUrl(), AccessLevel.of(draft.accessLevel()).orElseThrow(),
				sharing, stage, pilot, draft.impactAssessment(), draft.summary().strip(),
				previous.map(Declaration::consultation).orElse(null), clock.instant(), actor);
		return new DeclarationChange(declaration,
				retention.of(datastream, previous.map(Declaration::retention), draft.retention()));
	}

	/**
	 * Stores a new version that only the register's own rules produce (a stage change, a
	 * consultation opened), with a ledger entry of {@code kind}.
	 */
	@Transactional
	public Declaration saveVersion(Declaration next, String kind, String detail) {
		store.lock(next.datastreamId());
		int latest = store.current(next.datastreamId()).map(Declaration::version).orElse(0);
		return save(next.numbered(latest + 1, clock.instant()), DeclarationOrigin.WRITTEN, kind, detail);
	}

	private Declaration save(Declaration declaration, DeclarationOrigin origin, String kind, String detail) {
		store.insert(declaration, origin);
		ledger.append(LedgerEvent.change(kind, declaration.declaredBy(), declaration.organisationId(),
				Set.of(declaration.datastreamId()), detail));
		afterCommit(declaration);
		return declaration;
	}

	private void afterCommit(Declaration declaration) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					current.changed(declaration);
				}
			});
		}
		else {
			current.changed(declaration);
		}
	}

	/** The current declaration of a Datastream (from memory). */
	public Optional<Declaration> current(long datastream) {
		return current.of(datastream);
	}

	/** Datastreams that have no declaration (and so collect nothing), by id. */
	public List<UndeclaredStream> undeclared(int skip, int top) {
		return store.undeclared(skip, top);
	}

	public long countUndeclared() {
		return store.countUndeclared();
	}

	/** The undeclared streams of these organisations, by id, a page at a time. */
	public List<UndeclaredStream> undeclared(java.util.Collection<Long> organisations, int skip, int top) {
		return store.undeclared(organisations, skip, top);
	}

	public long countUndeclared(java.util.Collection<Long> organisations) {
		return store.countUndeclared(organisations);
	}

	/** The ids of a DTPR category's elements ({@code purpose}, {@code tech}, ...), in id order. */
	public Set<String> terms(String category) {
		return vocabulary.ids(category);
	}

	/** How each declared Datastream's first declaration came about, by Datastream id. */
	public java.util.Map<Long, DeclarationOrigin> origins() {
		return store.origins();
	}

	/** How a Datastream's first declaration came about, if it has one. */
	public Optional<DeclarationOrigin> origin(long datastream) {
		return store.origin(datastream);
	}

	/** Every version of a Datastream's declaration, oldest first. */
	public List<Declaration> history(long datastream) {
		return store.history(datastream);
	}

	/**
	 * The name of a DTPR element ({@code purpose}, {@code technology}, ...) in one of the
	 * vocabulary's languages (es, pt, en), as the street sign shows it; its id when it has none.
	 */
	public String label(String category, String id, String language) {
		return vocabulary.element(category, id).map(element -> element.label(language).name()).orElse(id);
	}

	/**
	 * The filter a reader's parameters ask for (null or blank: any), checked against the DTPR
	 * vocabulary and the register's classes, stages and access levels; a bad value is a 400
	 * naming the parameter ({@code purpose}, {@code technology}, {@code class}, {@code stage},
	 * {@code access}, {@code bbox}).
	 */
	public RegisterFilter filter(String purpose, String technology, String personalDataClass, String organisation,
			String stage, String access, String bbox) {
		return RegisterFilter.of(purpose, technology, personalDataClass, organisation, stage, access, bbox, vocabulary);
	}

	/**
	 * Every DTPR element of a declaration with its name and meaning in one of the vocabulary's
	 * languages (es, pt, en), as the street sign says them.
	 */
	public DtprLabels labels(Declaration declaration, String language) {
		return DtprLabels.of(declaration, vocabulary, language);
	}

	/**
	 * A number that changes whenever a declaration does (on this node at once, from another within
	 * the refresh interval): what is derived from the register (the portal's tallies) knows when to
	 * derive again.
	 */
	public long generation() {
		return current.generation();
	}

	/** The current declaration of every declared Datastream. */
	public List<Declaration> all() {
		return current.all().stream().sorted(java.util.Comparator.comparingLong(Declaration::datastreamId)).toList();
	}

	/**
	 * Refuses (401, 403) unless the caller is a steward of the organisation, or the platform's
	 * own work ({@link Platform#runAs}); outside a request, without either, it is a bug.
	 */
	public static void requireSteward(long organisation) {
		if (Platform.job().isPresent()) {
			return;
		}
		Optional<Caller> caller = Caller.current();
		if (caller.isEmpty()) {
			if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes() == null) {
				throw new IllegalStateException("a declaration written outside a request has no caller; the"
						+ " platform's own work runs through Platform.runAs");
			}
			throw new ApiException(HttpStatus.UNAUTHORIZED, "declarations are written by stewards: sign in");
		}
		if (!caller.get().has(Role.STEWARD, organisation)) {
			throw new ApiException(HttpStatus.FORBIDDEN,
					"declarations are written by stewards of the organisation that owns the Datastream")
				.with("rule", "steward-of-owner");
		}
	}

	/** The organisation accountable for a Datastream; 404 when there is no such Datastream. */
	public long owner(long datastream) {
		Set<Long> owners = things.organisationsOf("Datastreams", datastream);
		if (owners.isEmpty()) {
			throw ApiException.notFound("Datastream " + datastream + " does not exist");
		}
		return owners.iterator().next();
	}

	public String organisationName(long organisation) {
		return organisations.byId(organisation).map(Organisation::name).orElse(Long.toString(organisation));
	}

	/** Refuses (400) a draft that shares with an organisation that does not exist. */
	public void requireKnownOrganisations(DeclarationDraft draft) {
		if (draft.sharing() != null) {
			draft.sharing().forEach(this::grant);
		}
	}

	/** The id of the organisation with this name or id, if there is one. */
	public Optional<Long> organisation(String nameOrId) {
		return named(nameOrId).map(Organisation::id);
	}

	private Optional<Organisation> named(String nameOrId) {
		String named = nameOrId.strip();
		return named.matches("\\d{1,18}") ? organisations.byId(Long.parseLong(named)) : organisations.named(named);
	}

	private SharingGrant grant(DeclarationDraft.Grant grant) {
		String named = grant.organisation().strip();
		Organisation organisation = named(named)
			.orElseThrow(() -> ApiException.badRequest("there is no organisation '" + named + "' to share with")
				.with("pointer", "/sharing"));
		return new SharingGrant(organisation.id(), organisation.name(), grant.purposes());
	}

}
