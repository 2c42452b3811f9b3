package org.cabildo.sensing.write;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.cabildo.sensing.Writer;
import org.cabildo.sensing.time.TimeValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Appends many numeric readings of one datastream in one transaction. */
@Component
@Transactional
public class BulkObservations {

	private final ObservationStore observations;

	private final ObservationPartitions partitions;

	BulkObservations(ObservationStore observations, ObservationPartitions partitions) {
		this.observations = observations;
		this.partitions = partitions;
	}

	public void append(long datastream, List<Instant> times, List<Double> values, Writer writer) {
		if (times.isEmpty()) {
			return;
		}
		partitions.ensure(times);
		List<NewObservation> batch = new ArrayList<>(times.size());
		for (int i = 0; i < times.size(); i++) {
			batch.add(new NewObservation(datastream, null, TimeValue.instant(times.get(i)), null, values.get(i),
					null, null, null));
		}
		observations.append(batch, writer, false);
	}

}
