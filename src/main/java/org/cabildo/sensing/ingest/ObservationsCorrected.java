package org.cabildo.sensing.ingest;

import java.util.List;

/**
 * Stored observations were corrected in place by re-sent readings with another result, by
 * whichever path. Published after the commit, like {@link ObservationsCreated}, so that the
 * ledger records only what holds.
 */
public record ObservationsCorrected(List<Correction> corrections) {

	/** One observation corrected: its earlier result is revision {@code revision}. */
	public record Correction(long observation, long datastream, long revision) {
	}

}
