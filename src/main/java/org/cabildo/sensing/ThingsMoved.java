package org.cabildo.sensing;

import java.util.Set;

/**
 * Things whose current place may have changed: created, given other Locations, one of their
 * Locations given another geometry, or a newer HistoricalLocation recorded. Published after the
 * commit, on the node that wrote, so that what other modules derive from places (the district a
 * Thing is in) is derived again. A Location or Thing deleted is not announced: a Thing's rows
 * go with it, and what is derived from a Location deleted is derived again by its module's
 * periodic refresh.
 */
public record ThingsMoved(Set<Long> things) {

	public ThingsMoved {
		things = Set.copyOf(things);
	}

}
