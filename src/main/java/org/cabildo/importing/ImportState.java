package org.cabildo.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far an import has come, kept after every batch the platform acknowledged so that an
 * interrupted import continues where it was: the records done, and the counts a summary gives.
 * Records are counted in the readings file, which must be the same file when resuming
 * ({@code fingerprint}).
 */
public final class ImportState {

	/** Examples kept of each reason a row was refused for: enough to find the rows, few enough to read. */
	static final int EXAMPLES = 3;

	public String fingerprint;

	public long recordsDone;

	public boolean complete;

	public long created;

	public long duplicates;

	/** Readings stored before with another result, which now hold the file's (the server answered "corrected"). */
	public long corrected;

	/** Readings past their stream's retention, added to the aggregates it keeps instead of stored. */
	public long folded;

	public long thingsCreated;

	public long streamsCreated;

	/** Refused rows by reason (the values quoted in a reason left out, so that alike reasons count together). */
	public Map<String, Long> refused = new TreeMap<>();

	/** A few of the rows refused for each reason of {@link #refused}: {@code line 12 (S1 O3)}. */
	public Map<String, List<String>> examples = new TreeMap<>();

	public double seconds;

	public long refusedTotal() {
		return refused.values().stream().mapToLong(Long::longValue).sum();
	}

	void refuse(String reason, String example) {
		String kind = kind(reason);
		refused.merge(kind, 1L, Long::sum);
		List<String> some = examples.computeIfAbsent(kind, k -> new ArrayList<>());
		if (some.size() < EXAMPLES) {
			some.add(example);
		}
	}

	/** Rows handled (whatever became of them) per second while it ran. */
	public double rowsPerSecond() {
		return seconds > 0 ? (created + duplicates + corrected + folded + refusedTotal()) / seconds : 0;
	}

	/**
	 * What a summary says of the import: the counts on one line, then one line a reason rows were
	 * refused for, with its count and a few examples, so that a whole network refused for one
	 * reason is one line, not one per stream.
	 *
	 * @param refusedRows where the refused rows are, for the reader (a file, a URL)
	 */
	public String summary(String refusedRows) {
		StringBuilder text = new StringBuilder(String.format(java.util.Locale.ROOT,
				"Import %s: %d records read, %d observations created, %d duplicates (stored before), %d refused%s,"
						+ " %d corrected (another result for a stored time)%s; %d Things and %d Datastreams created;"
						+ " %.1f s, %,.0f rows/s%n",
				complete ? "done" : "not finished", recordsDone, created, duplicates, refusedTotal(),
				refusedTotal() > 0 ? " (in " + refusedRows + ")" : "", corrected,
				folded > 0 ? ", " + folded + " folded into the aggregates kept (past their stream's retention)" : "",
				thingsCreated, streamsCreated, seconds, rowsPerSecond()));
		refused.forEach((reason, count) -> {
			List<String> some = examples.getOrDefault(reason, List.of());
			text.append(String.format(java.util.Locale.ROOT, "  refused %,d: %s%s%n", count, reason,
					some.isEmpty() ? "" : " (e.g. " + String.join(", ", some) + (count > some.size() ? ", …" : "") + ")"));
		});
		return text.toString();
	}

	/**
	 * {@code value 'x' is not a number} → {@code value '…' is not a number}; numbers are left out
	 * too ({@code Datastream 12} → {@code Datastream …}), so that one reason for many streams counts
	 * as one.
	 */
	static String kind(String reason) {
		return reason.replaceAll("'[^']*'", "'…'").replaceAll("\\b\\d+\\b", "…");
	}

}
