package org.cabildo.sensing.ingest;

import java.util.List;

import org.cabildo.sensing.write.NewObservation;

/**
 * Observations were committed, by whichever path (HTTP, DataArray, batch, MQTT). Published
 * after the commit, so listeners (MQTT subscriptions, ...) never see what could still roll back.
 *
 * @param ids the ids of the observations, in the order of {@code observations}
 */
public record ObservationsCreated(long[] ids, List<NewObservation> observations) {
}
