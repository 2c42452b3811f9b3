package org.cabildo.sensing;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one reader may read. Observations of a hidden Datastream are left out wherever they
 * would be reached through something else, and refused (403) where they are asked for
 * directly.
 */
public interface ReadScope {

	/**
	 * The platform's own reads of what it keeps (lookups other modules make, retention, the
	 * demo loader): nothing is hidden and nothing is recorded, so it is never used to answer a
	 * caller.
	 */
	ReadScope PLATFORM = new ReadScope() {
		@Override
		public Set<Long> hiddenDatastreams() {
			return Set.of();
		}

		@Override
		public Optional<String> refusal(long datastream) {
			return Optional.empty();
		}

		@Override
		public Receipt returning(ObservationsRead read) {
			return Receipt.NOTHING;
		}
	};

	/** The Datastreams whose Observations this reader may not read. */
	Set<Long> hiddenDatastreams();

	/** Why this reader may not read the Observations of a Datastream; empty if it may. */
	Optional<String> refusal(long datastream);

	/**
	 * Told what an answer is about to return, before any of it is sent, so that it can be
	 * recorded; throws when the read may not happen (e.g. it cannot be recorded).
	 */
	Receipt returning(ObservationsRead read);

	/** The Observations one answer returns, per Datastream. */
	record ObservationsRead(Map<Long, Span> byDatastream) {

		public static final ObservationsRead NONE = new ObservationsRead(Map.of());

		public ObservationsRead {
			byDatastream = Map.copyOf(byDatastream);
		}

		public boolean isEmpty() {
			return byDatastream.isEmpty();
		}

		/** How many Observations of one Datastream, and their earliest and latest phenomenon time (null if not read). */
		public record Span(long count, Instant first, Instant last) {
		}

	}

	/** What the answer must say about what it returns: the Datastreams whose Observations are test data. */
	record Receipt(Set<Long> testData) {

		public static final Receipt NOTHING = new Receipt(Set.of());

		public Receipt {
			testData = Set.copyOf(testData);
		}

	}

}
