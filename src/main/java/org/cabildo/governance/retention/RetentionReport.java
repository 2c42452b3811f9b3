package org.cabildo.governance.retention;

import java.time.Instant;
import java.util.List;

/**
 * What one run of the retention job removed: an entry per Datastream it removed anything from.
 *
 * @param ranAt the time of the run (the clock's), from which every cutoff was taken
 */
public record RetentionReport(Instant ranAt, List<Removal> removals) {

	public RetentionReport {
		removals = List.copyOf(removals);
	}

	/**
	 * @param cutoff raw Observations before it were due (aggregates: those of whole intervals before it)
	 * @param observations how many raw Observations were removed
	 * @param earliest the earliest phenomenon time removed
	 * @param latest the latest phenomenon time removed
	 * @param aggregates how many intervals' aggregates were stored or added to
	 */
	public record Removal(long datastream, Instant cutoff, long observations, Instant earliest, Instant latest,
			int aggregates) {
	}

	public long observations() {
		return removals.stream().mapToLong(Removal::observations).sum();
	}

}
