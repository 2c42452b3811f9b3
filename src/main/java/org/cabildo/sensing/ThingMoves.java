package org.cabildo.sensing;

import java.util.LinkedHashSet;
import java.util.Set;

import org.cabildo.sensing.ingest.EntityChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Announces {@link ThingsMoved} for the committed entity changes that may move a Thing: the
 * internal {@link EntityChanged} says which entity changed, this says which Things that moves.
 */
@Component
class ThingMoves {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	ThingMoves(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@EventListener
	void entityChanged(EntityChanged changed) {
		Set<Long> things = switch (changed.type()) {
			case THING -> changed.change() == EntityChanged.Change.CREATED || changed.properties().contains("Locations")
					? Set.of(changed.id()) : Set.of();
			case LOCATION -> new LinkedHashSet<>(jdbc.sql("SELECT thing_id FROM thing_locations WHERE location_id = ?")
				.param(changed.id())
				.query(Long.class)
				.list());
			case HISTORICAL_LOCATION -> new LinkedHashSet<>(jdbc
				.sql("SELECT thing_id FROM historical_locations WHERE id = ?")
				.param(changed.id())
				.query(Long.class)
				.list());
			default -> Set.of();
		};
		if (!things.isEmpty()) {
			events.publishEvent(new ThingsMoved(things));
		}
	}

}
