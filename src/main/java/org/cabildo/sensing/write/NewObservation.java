package org.cabildo.sensing.write;

import java.time.Instant;

import org.cabildo.sensing.store.RawJson;
import org.cabildo.sensing.time.TimeValue;

/**
 * An observation ready to be stored: its datastream and feature of interest are resolved.
 *
 * @param result a {@code Double}, a {@link RawJson} for any other JSON value, or null
 */
public record NewObservation(long datastreamId, long featureOfInterestId, TimeValue phenomenonTime,
		Instant resultTime, Object result, RawJson resultQuality, TimeValue validTime, RawJson parameters) {
}
