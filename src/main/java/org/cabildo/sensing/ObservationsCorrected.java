package org.cabildo.sensing;

import java.util.List;

import org.cabildo.sensing.ingest.ObservationsCreated;

/**
 * Stored observations were corrected in place by re-sent readings with another result, by
 * whichever path. Published after the commit, like {@link ObservationsCreated}, so that the
 * ledger records only what holds.
 *
 * @param by who corrected: the writer if known, else {@code platform}
 */
public record ObservationsCorrected(List<Correction> corrections, String by) {

	/** One observation corrected: its earlier result is revision {@code revision}. */
	public record Correction(long observation, long datastream, long revision) {
	}

}
