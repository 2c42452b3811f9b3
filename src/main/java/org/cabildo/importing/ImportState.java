package org.cabildo.importing;

import java.util.Map;
import java.util.TreeMap;

/**
 * How far an import has come, kept after every batch the platform acknowledged so that an
 * interrupted import continues where it was: the records done, and the counts a summary gives.
 * Records are counted in the readings file, which must be the same file when resuming
 * ({@code fingerprint}).
 */
public final class ImportState {

	public String fingerprint;

	public long recordsDone;

	public boolean complete;

	public long created;

	public long duplicates;

	public long thingsCreated;

	public long streamsCreated;

	/** Refused rows by reason (the values quoted in a reason left out, so that alike reasons count together). */
	public Map<String, Long> refused = new TreeMap<>();

	public double seconds;

	public long refusedTotal() {
		return refused.values().stream().mapToLong(Long::longValue).sum();
	}

	void refuse(String reason) {
		refused.merge(kind(reason), 1L, Long::sum);
	}

	/** {@code value 'x' is not a number} → {@code value '…' is not a number}. */
	static String kind(String reason) {
		return reason.replaceAll("'[^']*'", "'…'");
	}

}
