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
 * aggregates they are folded into them (once the rows are all seen, per stream), each reading
 * once however often it is sent; otherwise refused with the reason.
 */
final class PastRetention {

	private final CollectionGate gate;

	private final Map<Long, Optional<CollectionGate.Retention>> retentions = new HashMap<>();

	private final Map<Long, List<Pending>> folded = new LinkedHashMap<>();

	/** A row to fold: where it is in the request, what the gate counts, what the sender is told of it. */
	private record Pending(int position, CollectionGate.PastRow row, String past, String aggregates) {
	}

	PastRetention(CollectionGate gate) {
		this.gate = gate;
	}

	/**
	 * What becomes of a row past retention; empty for a row within it, to be stored. A row to be
	 * folded is {@link IngestOutcome.Folded} until {@link #fold()} tells otherwise.
	 */
	Optional<IngestOutcome> outcome(NewObservation row, int position) {
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
		String aggregates = "the aggregates its declaration keeps (per " + kept.granularity() + ", /api/register/"
				+ row.datastreamId() + "/aggregates)";
		folded.computeIfAbsent(row.datastreamId(), id -> new ArrayList<>())
			.add(new Pending(position, new CollectionGate.PastRow(row.phenomenonTime().start(),
					row.phenomenonTime().end(), number, ResultDigest.of(row)), past, aggregates));
		return Optional.of(new IngestOutcome.Folded(past + "; it was not stored as an Observation but added to "
				+ aggregates));
	}

	/**
	 * Adds the folded rows to their streams' aggregates.
	 *
	 * @return by position, the outcomes of rows that were not added after all: the same reading
	 *         folded before, or another result at a time folded before
	 */
	Map<Integer, IngestOutcome> fold() {
		Map<Integer, IngestOutcome> revised = new HashMap<>();
		folded.forEach((datastream, pending) -> {
			List<CollectionGate.Folding> foldings = gate.fold(datastream,
					pending.stream().map(Pending::row).toList());
			for (int i = 0; i < pending.size(); i++) {
				Pending row = pending.get(i);
				switch (foldings.get(i)) {
					case ADDED -> {
					}
					case REPEATED -> revised.put(row.position(), IngestOutcome.Folded.again(row.past()
							+ "; the same reading (phenomenonTime and result) was already added to " + row.aggregates()
							+ ", so it is acknowledged as a duplicate and not counted again"));
					case CONFLICTING -> revised.put(row.position(), new IngestOutcome.Refused(row.past()
							+ "; a reading at this phenomenonTime with another result was already added to " + row.aggregates()
							+ ": the stored value is past the retention and can no longer be corrected"));
				}
			}
		});
		return revised;
	}

}
