package org.cabildo.sensing;

import java.util.Optional;

/**
 * Whether a Datastream may collect Observations at all, asked for every Observation on every
 * ingest path (HTTP, DataArray, {@code $batch}, MQTT) in the transaction that would store it, and
 * answered by the module that keeps the public declarations (governance): no secret collection.
 * Without an implementation, every Datastream collects.
 */
public interface CollectionGate {

	CollectionGate OPEN = datastream -> Optional.empty();

	/** Why the Datastream may not collect now (no active declaration, retired, ...); empty if it may. */
	Optional<String> refusal(long datastream);

}
