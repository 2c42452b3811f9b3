package org.cabildo.sensing;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may read which Observations, asked by the sensing module on every read path (collections,
 * entities, navigation, {@code $expand}, {@code $filter} over related Observations, {@code $batch},
 * DataArray results) and answered by the module that knows the declarations (governance).
 * Observations of a hidden Datastream are left out wherever they would be reached through
 * something else, and refused (403) where they are asked for directly. Without an
 * implementation, everything is readable.
 */
public interface ReadAccess {

	ReadAccess UNRESTRICTED = new ReadAccess() {
		@Override
		public Set<Long> hiddenDatastreams() {
			return Set.of();
		}

		@Override
		public Optional<String> refusal(long datastream) {
			return Optional.empty();
		}

		@Override
		public void returning(ObservationsRead read) {
		}

		@Override
		public boolean isPublic(long datastream) {
			return true;
		}
	};

	/** The Datastreams whose Observations the current caller may not read, with the purpose the request declares. */
	Set<Long> hiddenDatastreams();

	/** Why the current caller may not read the Observations of a Datastream; empty if it may. */
	Optional<String> refusal(long datastream);

	/**
	 * Told what a response is about to return, before any of it is sent; throws when the read
	 * may not happen (e.g. it cannot be recorded).
	 */
	void returning(ObservationsRead read);

	/**
	 * Whether anyone may read the Datastream's Observations, whoever asks (what MQTT subscribers,
	 * who name no purpose, are sent).
	 */
	boolean isPublic(long datastream);

	/** The Observations one response returns, per Datastream. */
	record ObservationsRead(Map<Long, Span> byDatastream) {

		public ObservationsRead {
			byDatastream = Map.copyOf(byDatastream);
		}

		/** How many Observations of one Datastream, and their earliest and latest phenomenon time (null if not read). */
		public record Span(long count, Instant first, Instant last) {
		}

	}

}
