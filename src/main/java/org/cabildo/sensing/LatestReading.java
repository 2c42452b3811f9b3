package org.cabildo.sensing;

import java.time.Instant;

/**
 * The latest Observation of a Datastream, as a reader may see it: where (the Thing's name), of
 * what (the ObservedProperty's name), its result and unit, and its phenomenon time (the end of
 * an interval).
 */
public record LatestReading(long datastream, String thing, String observedProperty, String result, String unit,
		Instant time) {
}
