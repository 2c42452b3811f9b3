package org.cabildo.sensing.write;

import java.time.Instant;

/**
 * A datastream as the writer sees it while holding its lock.
 *
 * @param latest the end of the latest phenomenonTime it holds, null when it holds none
 */
record DatastreamState(long id, Instant latest) {
}
