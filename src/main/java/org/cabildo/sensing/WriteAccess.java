package org.cabildo.sensing;

import java.util.Collection;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.cabildo.platform.ApiException;

/**
 * Who may change sensing data, asked by the sensing module at the point each change is made
 * (whether it came over HTTP, in a {@code $batch}, or as DataArray rows) and answered by the
 * module that knows the caller (identity). A refusal is an {@link ApiException} (403) naming
 * the rule that refused. There is no default: without an implementation, no write is made.
 * <p>
 * Ownership: every Thing and Datastream belongs to one organisation (by id); a Datastream to
 * its Thing's. Other entities (Locations, Sensors, ObservedProperties, FeaturesOfInterest) are
 * shared; their owners are those of the Things and Datastreams that use them.
 */
public interface WriteAccess {

	/** The organisation of Things and Datastreams made before there were organisations. */
	long UNASSIGNED = 1;

	/** The organisation a Thing about to be created will belong to; refuses when the caller may create none. */
	long organisationForNewThing();

	/**
	 * Refuses unless the caller may change what belongs to all these organisations; none (a
	 * shared entity nobody's data uses yet) asks whether the caller may change anything.
	 * @param what the change, for the refusal: "update Thing 5"
	 */
	void requireChange(Collection<Long> organisations, String what);

	/**
	 * Why the caller may not add Observations to a Datastream; empty if it may.
	 * @param organisation the Datastream's organisation, asked only when needed; negative when
	 * the Datastream does not exist (the write then fails on its own)
	 */
	Optional<String> observationsRefused(long datastream, LongSupplier organisation);

	/** Refuses (403) unless the caller may add Observations to the Datastream. */
	default void requireObservations(long datastream, LongSupplier organisation) {
		observationsRefused(datastream, organisation).ifPresent(reason -> {
			throw new ApiException(org.springframework.http.HttpStatus.FORBIDDEN, reason).with("rule",
					"device-binding-or-operator");
		});
	}

}
