package org.cabildo.sensing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether a Datastream may collect Observations at all, asked for every Observation on every
 * ingest path (HTTP, DataArray, {@code $batch}, MQTT) in the transaction that would store it, and
 * answered by the module that keeps the public declarations (governance): no secret collection.
 * Without an implementation, every Datastream collects.
 */
public interface CollectionGate {

	CollectionGate OPEN = datastream -> Optional.empty();

	/** Why the Datastream may not collect now (no active declaration, retired, ...); empty if it may. */
	Optional<String> refusal(long datastream);

	/**
	 * The Datastream's retention as ingest applies it, now: a row from before its cutoff would be
	 * removed by the next retention run, so it is not stored; empty when the stream keeps rows
	 * without limit.
	 */
	default Optional<Retention> retention(long datastream) {
		return Optional.empty();
	}

	/**
	 * Adds rows past retention to the aggregates the stream's declaration keeps, merged with what
	 * they hold, in the transaction that would have stored them; only for a {@link Retention} that
	 * {@link Retention#keepsAggregates() keeps aggregates}. A reading folded before (by its key) is
	 * not added again, so that a retry counts once.
	 *
	 * @return what became of each row, in order
	 */
	default List<Folding> fold(long datastream, List<PastRow> rows) {
		throw new UnsupportedOperationException("Datastream " + datastream + " keeps no aggregates");
	}

	/**
	 * @param cutoff rows whose phenomenonTime starts before it are past retention
	 * @param declared the retention as declared (e.g. {@code P365D}), for messages
	 * @param granularity the interval of the aggregates kept, or null when nothing is kept
	 */
	record Retention(Instant cutoff, String declared, String granularity) {

		public boolean keepsAggregates() {
			return granularity != null;
		}

	}

	/**
	 * A row past retention, as aggregates count it (its time and its result when a number), with
	 * what is kept of it to know it again: its phenomenonTime and a digest of its result, never the
	 * result itself, which retention says must be gone.
	 *
	 * @param phenomenonTimeEnd null for an instant
	 * @param resultDigest the same for the same result of the same reading ({@code ResultDigest})
	 */
	record PastRow(Instant phenomenonTime, Instant phenomenonTimeEnd, Double number, String resultDigest) {
	}

	/** What became of a row past retention that its stream keeps aggregates of. */
	enum Folding {

		/** Added to the aggregates now. */
		ADDED,
		/** The same reading (time and result) was folded before: acknowledged, not counted again. */
		REPEATED,
		/** Another result at the same time was folded before: that value is past correcting. */
		CONFLICTING

	}

}
