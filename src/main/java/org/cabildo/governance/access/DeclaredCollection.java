package org.cabildo.governance.access;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.Stage;
import org.cabildo.governance.register.CurrentDeclarations;
import org.cabildo.governance.register.PilotArea;
import org.cabildo.governance.retention.LateRows;
import org.cabildo.platform.CityTime;
import org.cabildo.sensing.CollectionGate;
import org.springframework.stereotype.Component;

/** No secret collection: a Datastream collects only while its declaration is active. */
@Component
class DeclaredCollection implements CollectionGate {

	private final CurrentDeclarations declarations;

	private final Clock clock;

	private final CityTime city;

	private final LateRows lateRows;

	DeclaredCollection(CurrentDeclarations declarations, Clock clock, CityTime city, LateRows lateRows) {
		this.lateRows = lateRows;
		this.city = city;
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
		if (declaration.stage() == Stage.PILOT && PilotArea.ended(declaration.pilot(), city.today(clock))) {
			return Optional.of("Datastream " + datastream + " is a pilot that ended on " + declaration.pilot().endsOn()
					+ " and collects nothing more");
		}
		return Optional.empty();
	}

	@Override
	public Optional<Retention> retention(long datastream) {
		Optional<Declaration> declared = declarations.of(datastream).or(() -> declarations.fromTable(datastream));
		if (declared.isEmpty() || declared.get().retention() == null || declared.get().retention().duration() == null) {
			return Optional.empty();
		}
		Declaration.Retention retention = declared.get().retention();
		return Optional.of(new Retention(retention.cutoff(clock.instant(), city.zone()), retention.duration(),
				retention.keepsAggregates() ? retention.granularity() : null));
	}

	@Override
	public List<Folding> fold(long datastream, List<PastRow> rows) {
		Declaration declaration = declarations.of(datastream).or(() -> declarations.fromTable(datastream)).orElseThrow();
		return lateRows.fold(declaration, rows);
	}

}
