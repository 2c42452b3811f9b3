package org.cabildo.sensing.write;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

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
 * @param unzoned its times written without UTC offset (by property name, as written), which its
 *        stream's local time zone reads or which are refused ({@link LocalTimes}); the times above
 *        hold them as if UTC until then
 */
public record NewObservation(long datastreamId, Long featureOfInterestId, TimeValue phenomenonTime,
		Instant resultTime, Object result, RawJson resultQuality, TimeValue validTime, RawJson parameters,
		EntityType stream, Map<String, String> unzoned) {

	/** An Observation whose times all carry their offset. */
	public NewObservation(long datastreamId, Long featureOfInterestId, TimeValue phenomenonTime, Instant resultTime,
			Object result, RawJson resultQuality, TimeValue validTime, RawJson parameters, EntityType stream) {
		this(datastreamId, featureOfInterestId, phenomenonTime, resultTime, result, resultQuality, validTime,
				parameters, stream, Map.of());
	}

	public NewObservation {
		unzoned = Map.copyOf(unzoned);
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
				resultQuality, micros(validTime), parameters, stream, unzoned);
	}

	private static TimeValue micros(TimeValue time) {
		return time == null ? null : new TimeValue(micros(time.start()), micros(time.end()));
	}

	private static Instant micros(Instant instant) {
		return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
	}

	NewObservation withFeature(long feature) {
		return new NewObservation(datastreamId, feature, phenomenonTime, resultTime, result, resultQuality, validTime,
				parameters, stream, unzoned);
	}

	/** The same with its times without offset read in a zone; the others as they are. */
	NewObservation inZone(java.time.ZoneId zone) {
		String phenomenon = unzoned.get("phenomenonTime");
		String result = unzoned.get("resultTime");
		String valid = unzoned.get("validTime");
		return new NewObservation(datastreamId, featureOfInterestId,
				phenomenon == null ? phenomenonTime : TimeValue.parse(phenomenon, zone),
				result == null ? resultTime : TimeValue.parseInstant(result.trim(), zone), this.result, resultQuality,
				valid == null ? validTime : TimeValue.parse(valid, zone), parameters, stream, Map.of()).toMicros();
	}

}
