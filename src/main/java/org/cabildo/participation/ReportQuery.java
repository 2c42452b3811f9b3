package org.cabildo.participation;

import java.time.Instant;
import java.util.Collection;

/**
 * Which reports to list, newest first: every part null or empty means any.
 *
 * @param statuses the statuses' labels ({@code open}, {@code closed})
 * @param from requested at or after, inclusive
 * @param to requested at or before, inclusive
 * @param limit the most to list
 */
public record ReportQuery(Collection<Long> ids, Collection<String> serviceCodes, Collection<String> statuses,
		Instant from, Instant to, int limit) {
}
