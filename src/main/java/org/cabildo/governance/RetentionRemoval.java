package org.cabildo.governance;

import java.time.Instant;

/**
 * What a declaration change's retention would remove of what is stored: the Observations older
 * than its cutoff that the current declaration keeps. Said before the change is applied, so that
 * a steward confirms it knowing the number.
 *
 * @param observations how many stored Observations the change removes (0: none)
 * @param olderThan the cutoff of the new retention, now; null when it keeps everything
 * @param retention the new retention period, e.g. {@code P365D}
 * @param keptAsAggregates whether the new declaration keeps aggregates of what it removes
 */
public record RetentionRemoval(long observations, Instant olderThan, String retention, boolean keptAsAggregates) {

	public static RetentionRemoval none() {
		return new RetentionRemoval(0, null, null, false);
	}

	public boolean removesAny() {
		return observations > 0;
	}

	/** In plain words, e.g. "removes 2,102 Observations older than 2025-01-01T00:00:00Z (retention P365D)". */
	public String sentence() {
		return "removes " + String.format(java.util.Locale.ROOT, "%,d", observations) + " Observation"
				+ (observations == 1 ? "" : "s") + " older than " + olderThan + " (retention " + retention + "; "
				+ (keptAsAggregates ? "only their aggregates remain" : "nothing of them remains") + ")";
	}

}
