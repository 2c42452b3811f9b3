package org.cabildo.sensing.write;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.store.RawJson;
import org.cabildo.sensing.time.TimeValue;

/**
 * An observation ready to be stored.
 *
 * @param datastreamId the id of its Datastream, or of its MultiDatastream (they share one id space)
 * @param featureOfInterestId null for the feature made from the Location of the datastream's Thing
 * @param result a {@code Double}, a {@link RawJson} for any other JSON value, or null
 * @param stream which the id names: {@link EntityType#DATASTREAM} or {@link EntityType#MULTI_DATASTREAM}
 */
public record NewObservation(long datastreamId, Long featureOfInterestId, TimeValue phenomenonTime,
		Instant resultTime, Object result, RawJson resultQuality, TimeValue validTime, RawJson parameters,
		EntityType stream) {

	public NewObservation {
		if (stream != EntityType.DATASTREAM && stream != EntityType.MULTI_DATASTREAM) {
			throw new IllegalArgumentException("an Observation belongs to a Datastream or a MultiDatastream, not " + stream);
		}
	}

	/** An Observation of a Datastream. */
	public NewObservation(long datastreamId, Long featureOfInterestId, TimeValue phenomenonTime, Instant resultTime,
			Object result, RawJson resultQuality, TimeValue validTime, RawJson parameters) {
		this(datastreamId, featureOfInterestId, phenomenonTime, resultTime, result, resultQuality, validTime,
				parameters, EntityType.DATASTREAM);
	}

	/** The same with every time cut to the microsecond, as the databases keep them. */
	NewObservation toMicros() {
		return new NewObservation(datastreamId, featureOfInterestId, micros(phenomenonTime), micros(resultTime), result,
				resultQuality, micros(validTime), parameters, stream);
	}

	private static TimeValue micros(TimeValue time) {
		return time == null ? null : new TimeValue(micros(time.start()), micros(time.end()));
	}

	private static Instant micros(Instant instant) {
		return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
	}

	NewObservation withFeature(long feature) {
		return new NewObservation(datastreamId, feature, phenomenonTime, resultTime, result, resultQuality, validTime,
				parameters, stream);
	}

}
