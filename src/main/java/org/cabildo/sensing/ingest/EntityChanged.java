package org.cabildo.sensing.ingest;

import java.util.Set;

import org.cabildo.sensing.model.EntityType;

/**
 * An entity other than an Observation was created, or any entity was updated, by whichever
 * path. Published after the commit, so listeners (MQTT subscriptions, ...) never see what could
 * still roll back. Observations that are created are announced by {@link ObservationsCreated}.
 *
 * @param properties the names of the properties and navigation properties the request set
 */
public record EntityChanged(EntityType type, long id, Change change, Set<String> properties) {

	public enum Change {

		CREATED, UPDATED

	}

	public EntityChanged {
		properties = Set.copyOf(properties);
	}

}
