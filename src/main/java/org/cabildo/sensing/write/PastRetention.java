package org.cabildo.sensing.write;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cabildo.sensing.CollectionGate;
import org.cabildo.sensing.ingest.IngestOutcome;
import org.cabildo.sensing.time.TimeValue;

/**
 * Rows of one {@link ObservationStore#append} whose phenomenonTime is already past their stream's
 * retention: never stored to be removed by the next retention run. Where the declaration keeps
 * aggregates they are folded into them (once the rows are all seen, per stream); otherwise refused
 * with the reason.
 */
final class PastRetention {

	private final CollectionGate gate;

	private final Map<Long, Optional<CollectionGate.Retention>> retentions = new HashMap<>();

	private final Map<Long, List<CollectionGate.PastRow>> folded = new LinkedHashMap<>();

	PastRetention(CollectionGate gate) {
		this.gate = gate;
	}

	/** What becomes of a row past retention; empty for a row within it, to be stored. */
	Optional<IngestOutcome> outcome(NewObservation row) {
		Optional<CollectionGate.Retention> retention = retentions.computeIfAbsent(row.datastreamId(), gate::retention);
		if (retention.isEmpty() || !row.phenomenonTime().start().isBefore(retention.get().cutoff())) {
			return Optional.empty();
		}
		CollectionGate.Retention kept = retention.get();
		String past = "phenomenonTime " + TimeValue.format(row.phenomenonTime().start()) + " is past the retention of "
				+ row.stream().entityName() + " " + row.datastreamId() + " (" + kept.declared() + ": rows from before "
				+ TimeValue.format(kept.cutoff()) + " are no longer kept)";
		if (!kept.keepsAggregates()) {
			return Optional.of(new IngestOutcome.Refused(past + ", and its declaration keeps nothing of them"));
		}
		Double number = row.result() instanceof Double value ? value : null;
		folded.computeIfAbsent(row.datastreamId(), id -> new ArrayList<>())
			.add(new CollectionGate.PastRow(row.phenomenonTime().start(), number));
		return Optional.of(new IngestOutcome.Folded(past + "; it was not stored as an Observation but added to the"
				+ " aggregates its declaration keeps (per " + kept.granularity() + ", /api/register/"
				+ row.datastreamId() + "/aggregates)"));
	}

	/** Adds the folded rows to their streams' aggregates. */
	void fold() {
		folded.forEach(gate::fold);
	}

}
