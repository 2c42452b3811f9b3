package org.cabildo.sensing.ingest;

/** What became of one submitted observation. */
public sealed interface IngestOutcome {

	/** Stored now, with this id. */
	record Created(long id) implements IngestOutcome {
	}

	/**
	 * Not stored because the datastream already holds an observation with the same
	 * phenomenonTime and result: the one with this id. A re-sent reading is acknowledged as if
	 * it had been stored, so that retrying is always safe.
	 */
	record Duplicate(long id) implements IngestOutcome {
	}

	/**
	 * Stored as a correction: the datastream already held an observation with the same
	 * phenomenonTime but another result, the one with this id, and its stream corrects
	 * ({@code properties["cabildo:corrections"]} is {@code "correct"}, the default): that
	 * observation now holds the new result, and the earlier one is kept as a revision.
	 */
	record Corrected(long id) implements IngestOutcome {
	}

	/**
	 * Not stored as an Observation because its phenomenonTime is already past its stream's
	 * retention, but added to the aggregates the declaration keeps, as the retention job would
	 * have done with it: what the sender is told instead of a 201 for a row soon gone. A reading
	 * folded before (the same phenomenonTime and result) is {@code repeated}: acknowledged as a
	 * duplicate, as a re-sent stored reading is, and not counted again.
	 */
	record Folded(String note, boolean repeated) implements IngestOutcome {

		/** Folded now. */
		public Folded(String note) {
			this(note, false);
		}

		/** The same reading was folded before: not counted again. */
		public static Folded again(String note) {
			return new Folded(note, true);
		}

	}

	/** Not stored, for this reason (an unknown datastream, ...). */
	record Refused(String reason) implements IngestOutcome {
	}

	/** The id of the stored observation, or -1 when refused. */
	default long id() {
		return switch (this) {
			case Created created -> created.id();
			case Duplicate duplicate -> duplicate.id();
			case Corrected corrected -> corrected.id();
			case Folded folded -> -1;
			case Refused refused -> -1;
		};
	}

}
