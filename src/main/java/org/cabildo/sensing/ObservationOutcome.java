package org.cabildo.sensing;

/**
 * What became of one Observation written through {@link SensorThings#createObservations}, as a
 * CreateObservations answer says it.
 *
 * @param reason why it was refused, or the note of a folded row; null otherwise
 */
public record ObservationOutcome(Kind kind, String reason) {

	public enum Kind {

		/** Stored now. */
		CREATED,
		/** Held already with the same result: acknowledged, not stored twice. */
		DUPLICATE,
		/** Held already at its time with another result, which it now replaces (the earlier kept as a revision). */
		CORRECTED,
		/** Past its stream's retention: added to the aggregates the declaration keeps instead. */
		FOLDED,
		/** Not stored, for {@code reason}. */
		REFUSED

	}

}
