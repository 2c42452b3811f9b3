package org.cabildo.governance.objections;

import java.time.Duration;

/**
 * How quickly an organisation answers objections.
 *
 * @param answered objections that have had a first answer
 * @param open objections still waiting for one
 * @param medianSeconds the median time from filing to first answer; null while nothing was answered
 * @param median the same as an ISO-8601 duration
 */
public record AnswerTime(long organisationId, String organisation, int answered, int open, Long medianSeconds,
		String median) {

	static AnswerTime of(long organisationId, String organisation, java.util.List<Duration> waits, int open) {
		if (waits.isEmpty()) {
			return new AnswerTime(organisationId, organisation, 0, open, null, null);
		}
		long[] seconds = waits.stream().mapToLong(Duration::toSeconds).sorted().toArray();
		int middle = seconds.length / 2;
		// an even count has two middles: their mean, rounded down to the second
		long median = seconds.length % 2 == 1 ? seconds[middle] : (seconds[middle - 1] + seconds[middle]) / 2;
		return new AnswerTime(organisationId, organisation, seconds.length, open, median,
				Duration.ofSeconds(median).toString());
	}

}
