package org.cabildo.sensing.ingest;

import java.time.Duration;

/**
 * The database does not keep up: the ingest queue has no room for more observations. Nothing
 * of the refused submission was stored; the sender retries after {@link #retryAfter()}.
 */
public class IngestBusyException extends RuntimeException {

	private final Duration retryAfter;

	public IngestBusyException(Duration retryAfter) {
		// Thrown often under a flood, and always for the same reason: no stack trace to fill in.
		super("the database does not keep up with the incoming observations; retry after " + retryAfter.toSeconds()
				+ " s", null, false, false);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

}
