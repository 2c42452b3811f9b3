package org.cabildo.sensing.write;

import java.time.Instant;

/**
 * A datastream (or MultiDatastream) as the writer sees it while holding its lock.
 *
 * @param latest the end of the latest phenomenonTime it holds, null when it holds none
 * @param components how many ObservedProperties a MultiDatastream has; null for a Datastream
 */
record DatastreamState(long id, Instant latest, Integer components) {

	boolean isMulti() {
		return components != null;
	}

}
