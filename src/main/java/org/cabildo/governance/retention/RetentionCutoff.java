package org.cabildo.governance.retention;

import java.time.Instant;
import java.time.ZoneId;
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

	/**
	 * The cutoff of a retention at {@code now}, counted on the city's calendar; empty when raw data
	 * is kept without limit.
	 */
	public static Optional<Instant> of(Declaration.Retention retention, Instant now, ZoneId city) {
		return retention == null ? Optional.empty() : Optional.ofNullable(retention.cutoff(now, city));
	}

}
