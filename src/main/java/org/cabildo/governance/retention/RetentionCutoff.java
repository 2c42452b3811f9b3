package org.cabildo.governance.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.cabildo.governance.Declaration;

/**
 * The one place a retention becomes a cutoff: raw Observations with a phenomenon time before it
 * are due for removal. The retention job and the count a declaration change shows before it is
 * applied both ask here, so they always agree.
 */
public final class RetentionCutoff {

	private RetentionCutoff() {
	}

	/** The cutoff of a retention at {@code now}; empty when raw data is kept without limit. */
	public static Optional<Instant> of(Declaration.Retention retention, Instant now) {
		Duration duration = retention == null ? null : retention.rawDuration();
		return duration == null ? Optional.empty() : Optional.of(now.minus(duration));
	}

}
