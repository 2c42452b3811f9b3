package org.cabildo.sensing.write;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.store.RawJson;
import org.cabildo.sensing.time.TimeValue;

import tools.jackson.databind.JsonNode;

/**
 * Reads an Observation as ingest receives it (a POST body, an MQTT payload, a DataArray row
 * made into an object) into a row to store, with the same checks as any entity.
 */
public final class ObservationDrafts {

	private ObservationDrafts() {
	}

	/**
	 * @param datastream the datastream the path or topic names, or null
	 * @param now the phenomenonTime of an observation that gives none
	 * @param pointer where the observation stands in the body, for error messages
	 * @return the row, or empty when the observation creates other entities inline (its
	 * FeatureOfInterest), which only the entity writer does
	 * @throws InvalidEntityException when it breaks the model
	 */
	public static Optional<NewObservation> read(JsonNode body, Long datastream, Instant now, String pointer) {
		return read(body, EntityType.DATASTREAM, datastream, now, pointer);
	}

	/**
	 * @param streamType what the path or topic names: {@link EntityType#DATASTREAM} or
	 * {@link EntityType#MULTI_DATASTREAM}
	 * @param stream its id, or null when the body is to name it (either)
	 */
	public static Optional<NewObservation> read(JsonNode body, EntityType streamType, Long stream, Instant now,
			String pointer) {
		Draft draft = DraftReader.read(EntityType.OBSERVATION, body, DraftReader.Mode.CREATE, pointer);
		List<Draft> datastream = draft.related("Datastream");
		List<Draft> multi = draft.related("MultiDatastream");
		if (!datastream.isEmpty() && !multi.isEmpty()) {
			throw new InvalidEntityException("an Observation belongs to a Datastream or to a MultiDatastream, not both",
					pointer + "/MultiDatastream");
		}
		EntityType named = multi.isEmpty() ? EntityType.DATASTREAM : EntityType.MULTI_DATASTREAM;
		List<Draft> link = multi.isEmpty() ? datastream : multi;
		Long linked = linkId(link, pointer);
		if (stream != null && !link.isEmpty() && named != streamType) {
			throw new InvalidEntityException("the Observation names a " + named.entityName() + " but is sent to "
					+ streamType.entityName() + " " + stream, pointer + "/" + named.entityName());
		}
		if (linked != null && stream != null && !linked.equals(stream)) {
			throw new InvalidEntityException("the Observation names " + named.entityName() + " " + linked
					+ " but is sent to " + streamType.entityName() + " " + stream, pointer + "/" + named.entityName());
		}
		Long target = stream != null ? stream : linked;
		EntityType targetType = stream != null ? streamType : named;
		if (target == null) {
			if (!link.isEmpty()) {
				return Optional.empty();
			}
			throw new InvalidEntityException("an Observation needs a Datastream or a MultiDatastream",
					pointer.isEmpty() ? "/" : pointer);
		}
		List<Draft> feature = draft.related("FeatureOfInterest");
		Long featureId = linkId(feature, pointer);
		if (!feature.isEmpty() && featureId == null) {
			return Optional.empty();
		}
		TimeValue phenomenonTime = draft.value("phenomenonTime") instanceof TimeValue time ? time
				: TimeValue.instant(now);
		return Optional.of(new NewObservation(target, featureId, phenomenonTime, (Instant) draft.value("resultTime"),
				draft.value("result"), (RawJson) draft.value("resultQuality"), (TimeValue) draft.value("validTime"),
				(RawJson) draft.value("parameters"), targetType, draft.unzoned())
			.toMicros());
	}

	private static Long linkId(List<Draft> drafts, String pointer) {
		return drafts.isEmpty() || !drafts.get(0).isLink() ? null : drafts.get(0).linkId();
	}

}
