package org.cabildo.governance;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.cabildo.governance.DeclarationTemplate.Scope;
import org.cabildo.governance.register.DeclarationRules;
import org.cabildo.governance.register.TemplateStore;
import org.cabildo.platform.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Declaration templates: published by stewards of an organisation for all its streams, or for
 * the streams of one of its Things, in public and versioned, every version an entry of the
 * access ledger. A new Datastream is declared with its Thing's template, else its
 * organisation's ({@link #applicableTo}).
 */
@Service
public class Templates {

	private final TemplateStore store;

	private final DeclarationRules rules;

	private final Register register;

	private final AccessLedger ledger;

	private final Clock clock;

	Templates(TemplateStore store, DeclarationRules rules, Register register, AccessLedger ledger, Clock clock) {
		this.store = store;
		this.rules = rules;
		this.register = register;
		this.ledger = ledger;
		this.clock = clock;
	}

	/** Publishes the next version of the template of a scope (the first makes the template). */
	@Transactional
	public DeclarationTemplate publish(Scope scope, long scopeId, DeclarationDraft declaration, String actor) {
		long organisation = organisationOf(scope, scopeId);
		Register.requireSteward(organisation);
		rules.check(declaration);
		register.requireKnownOrganisations(declaration);
		long id = store.idOf(scope, scopeId, organisation);
		return save(id, false, declaration, actor);
	}

	/** Withdraws a template: streams created from now on in its scope are not declared by it. */
	@Transactional
	public DeclarationTemplate withdraw(long template, String actor) {
		DeclarationTemplate current = store.current(template)
			.orElseThrow(() -> ApiException.notFound("there is no declaration template " + template));
		Register.requireSteward(current.organisationId());
		if (current.withdrawn()) {
			return current;
		}
		return save(template, true, current.declaration(), actor);
	}

	private DeclarationTemplate save(long template, boolean withdrawn, DeclarationDraft declaration, String actor) {
		store.lock(template);
		store.insert(template, store.latestVersion(template) + 1, withdrawn, declaration, clock.instant(), actor);
		DeclarationTemplate saved = store.current(template).orElseThrow();
		ledger.append(LedgerEvent.change("template", actor, saved.organisationId(), Set.of(),
				"declaration template " + saved.id() + " version " + saved.version() + " for " + saved.scope().id()
						+ " " + saved.scopeId() + (withdrawn ? ": withdrawn"
								: ": " + declaration.personalDataClass() + ", " + declaration.accessLevel()
										+ ", purposes " + String.join(" ", declaration.purposes()))));
		return saved;
	}

	/** The template a new Datastream is declared with: its Thing's, else its organisation's, if not withdrawn. */
	public Optional<DeclarationTemplate> applicableTo(long datastream) {
		Optional<TemplateStore.Owner> owner = store.ownerOfDatastream(datastream);
		if (owner.isEmpty()) {
			return Optional.empty();
		}
		Optional<DeclarationTemplate> ofThing = store.current(Scope.THING, owner.get().thing())
			.filter(template -> template.organisationId() == owner.get().organisation());
		if (ofThing.isPresent()) {
			return ofThing.filter(template -> !template.withdrawn());
		}
		return store.current(Scope.ORGANISATION, owner.get().organisation()).filter(template -> !template.withdrawn());
	}

	public Optional<DeclarationTemplate> current(long template) {
		return store.current(template);
	}

	public List<DeclarationTemplate> history(long template) {
		return store.history(template);
	}

	public List<DeclarationTemplate> all() {
		return store.allCurrent();
	}

	/** Whether the organisation has a template in force (published and not withdrawn). */
	public boolean organisationHasOne(long organisation) {
		return all().stream().anyMatch(template -> template.scope() == Scope.ORGANISATION
				&& template.scopeId() == organisation && !template.withdrawn());
	}

	private long organisationOf(Scope scope, long scopeId) {
		return switch (scope) {
			case ORGANISATION -> register.organisation(Long.toString(scopeId))
				.orElseThrow(() -> ApiException.notFound("there is no organisation " + scopeId));
			case THING -> store.ownerOfThing(scopeId)
				.orElseThrow(() -> ApiException.notFound("Thing " + scopeId + " does not exist"));
		};
	}

}
