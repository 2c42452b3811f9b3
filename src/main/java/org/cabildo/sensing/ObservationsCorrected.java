package org.cabildo.sensing;

import java.time.Instant;
import java.util.List;

import org.cabildo.sensing.ingest.ObservationsCreated;

/**
 * Stored observations were corrected in place by re-sent readings with another result, by
 * whichever path. Published after the commit, like {@link ObservationsCreated}, so that the
 * ledger records only what holds.
 */
public record ObservationsCorrected(List<Correction> corrections) {

	/**
	 * One observation corrected: its earlier result is revision {@code revision}.
	 *
	 * @param phenomenonTime when the corrected observation was made (the start of an interval)
	 * @param by who wrote the correcting row ({@link Writer#label()})
	 */
	public record Correction(long observation, long datastream, Instant phenomenonTime, long revision, String by) {
	}

}
