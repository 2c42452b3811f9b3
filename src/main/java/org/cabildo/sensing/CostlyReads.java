package org.cabildo.sensing;

import java.time.Duration;
import java.util.Optional;

/**
 * The allowance of costly reads: a {@code $filter} through to-many relations, over all
 * Observations rather than one Datastream's, or on results in an asked unit across Datastreams
 * (which reads every stream the reader may read). Asked by the sensing module before it runs one, and
 * answered by the module that knows the caller (identity), which limits callers without
 * credentials per client address. Without an implementation there is no limit.
 */
public interface CostlyReads {

	CostlyReads UNLIMITED = () -> Optional.empty();

	/** Takes one costly read from the current caller's allowance; how long to wait if none is left. */
	Optional<Duration> take();

}
