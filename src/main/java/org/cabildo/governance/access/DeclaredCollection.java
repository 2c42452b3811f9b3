package org.cabildo.governance.access;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.Stage;
import org.cabildo.governance.register.CurrentDeclarations;
import org.cabildo.sensing.CollectionGate;
import org.springframework.stereotype.Component;

/** No secret collection: a Datastream collects only while its declaration is active. */
@Component
class DeclaredCollection implements CollectionGate {

	private final CurrentDeclarations declarations;

	private final Clock clock;

	DeclaredCollection(CurrentDeclarations declarations, Clock clock) {
		this.declarations = declarations;
		this.clock = clock;
	}

	@Override
	public Optional<String> refusal(long datastream) {
		Optional<Declaration> declared = declarations.of(datastream);
		if (declared.isEmpty()) {
			// Declared in this very transaction (not yet in memory), or on another node a moment ago?
			declared = declarations.fromTable(datastream);
		}
		if (declared.isEmpty()) {
			return Optional.of("Datastream " + datastream + " has no public declaration, so it collects nothing:"
					+ " its steward declares purpose, retention and accountable organisation first (/api/register), or"
					+ " publishes a declaration template for its organisation or Thing (/api/register/templates), or the"
					+ " request that creates it carries one in properties[\"cabildo:declaration\"]");
		}
		Declaration declaration = declared.get();
		if (declaration.stage() == Stage.RETIRED) {
			return Optional.of("Datastream " + datastream + " is retired and collects nothing more");
		}
		if (declaration.stage() == Stage.PILOT && declaration.pilot() != null && declaration.pilot().endsOn() != null
				&& LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).isAfter(declaration.pilot().endsOn())) {
			return Optional.of("Datastream " + datastream + " is a pilot that ended on " + declaration.pilot().endsOn()
					+ " and collects nothing more");
		}
		return Optional.empty();
	}

}
