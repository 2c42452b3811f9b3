package org.cabildo.sensing;

import java.time.Instant;

/** A numeric reading of a sensor at an instant. */
public record Reading(Instant time, double value) {
}
