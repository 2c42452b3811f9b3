package org.cabildo.importing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.node.ObjectNode;

/**
 * Where an import goes: the platform's SensorThings API over HTTP ({@code ./cabildo import}),
 * or the server's own process (the demo city). Entities are SensorThings JSON, as a POST takes
 * them; a sink applies every check the platform makes of them.
 */
public interface ImportSink {

	/** The id of the first entity a {@code $filter} selects. */
	Optional<Long> findFirst(String entitySet, String filter);

	/** Creates an entity (with what it holds inline); its id. */
	long create(String entitySet, ObjectNode entity);

	/** Stores Observations; one outcome each, in their order. */
	List<Outcome> store(List<Observation> observations);

	/**
	 * Makes sure the mapping's declaration template exists (publishing the mapping's when the
	 * organisation has none), before any Datastream is created; by default nothing to do.
	 */
	default void ensureTemplate(ImportMapping.Declaration declaration) {
	}

	/** How many {@link #store} calls may run at once (from as many threads); by default one. */
	default int parallelism() {
		return 1;
	}

	/** Stores what it still holds; called once at the end. */
	default void finish() {
	}

	/** A numeric Observation of a Datastream at a time with its offset. */
	record Observation(long datastream, OffsetDateTime time, double value) {
	}

	/** What became of one Observation. */
	sealed interface Outcome {

		/** Stored now. */
		record Created() implements Outcome {
		}

		/** Stored before (a re-sent reading): acknowledged, not stored twice. */
		record Duplicate() implements Outcome {
		}

		/** A reading stored before with another result, which now holds this one (the earlier kept as a revision). */
		record Corrected() implements Outcome {
		}

		/**
		 * Past its stream's retention, so not stored: added to the aggregates its declaration keeps
		 * after retention (once: the same reading sent again is a duplicate).
		 */
		record Folded() implements Outcome {
		}

		/** Refused by the platform, with its reason. */
		record Refused(String reason) implements Outcome {
		}

		Outcome CREATED = new Created();

		Outcome DUPLICATE = new Duplicate();

		Outcome CORRECTED = new Corrected();

		Outcome FOLDED = new Folded();

	}

}
