package org.cabildo.sensing.write;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.cabildo.sensing.store.RawJson;
import org.cabildo.sensing.time.TimeValue;

/**
 * An observation ready to be stored.
 *
 * @param featureOfInterestId null for the feature made from the Location of the datastream's Thing
 * @param result a {@code Double}, a {@link RawJson} for any other JSON value, or null
 */
public record NewObservation(long datastreamId, Long featureOfInterestId, TimeValue phenomenonTime,
		Instant resultTime, Object result, RawJson resultQuality, TimeValue validTime, RawJson parameters) {

	/** The same with every time cut to the microsecond, as the databases keep them. */
	NewObservation toMicros() {
		return new NewObservation(datastreamId, featureOfInterestId, micros(phenomenonTime), micros(resultTime), result,
				resultQuality, micros(validTime), parameters);
	}

	private static TimeValue micros(TimeValue time) {
		return time == null ? null : new TimeValue(micros(time.start()), micros(time.end()));
	}

	private static Instant micros(Instant instant) {
		return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
	}

	NewObservation withFeature(long feature) {
		return new NewObservation(datastreamId, feature, phenomenonTime, resultTime, result, resultQuality, validTime,
				parameters);
	}

}
