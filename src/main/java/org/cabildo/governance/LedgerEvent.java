package org.cabildo.governance;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * Something the access ledger records: a read of personal data, a declaration or stage change,
 * a sharing grant, a retention run, an answer to an objection, a privilege change.
 *
 * @param kind what happened, e.g. {@code read}, {@code declaration}, {@code stage}, {@code retention}
 * @param actor who did it (a username, a device name, {@code platform} for scheduled jobs)
 * @param organisation the actor's organisation, if any
 * @param purpose the declared purpose of a read, if any
 * @param datastreams the datastreams concerned
 * @param rangeStart the earliest phenomenon time read or removed, if any
 * @param rangeEnd the latest phenomenon time read or removed, if any
 * @param observations how many observations were returned or removed
 * @param fingerprint a SHA-256 of the request (method, path and query), for reads
 * @param detail a short description in plain words
 */
public record LedgerEvent(String kind, String actor, Long organisation, String purpose, Set<Long> datastreams,
		Instant rangeStart, Instant rangeEnd, long observations, String fingerprint, String detail) {

	public LedgerEvent {
		datastreams = Set.copyOf(new TreeSet<>(datastreams));
	}

	/** An event that is not a read: a change made by someone. */
	public static LedgerEvent change(String kind, String actor, Long organisation, Set<Long> datastreams,
			String detail) {
		return new LedgerEvent(kind, actor, organisation, null, datastreams, null, null, 0, null, detail);
	}

}
