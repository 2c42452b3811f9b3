package org.cabildo.participation;

import java.time.Instant;
import java.util.Collection;

/**
 * Which reports to list, newest first: every part null or empty means any.
 *
 * @param statuses the statuses' labels ({@code open}, {@code closed})
 * @param districts the codes of the districts they are in
 * @param person the signed-in person who filed them: only ever the caller's own id (the portal's
 *        "my reports"), never one a request names, since who filed a report is never public
 * @param from requested at or after, inclusive
 * @param to requested at or before, inclusive
 * @param offset how many of the newest to pass over (a page of a list)
 * @param limit the most to list
 */
public record ReportQuery(Collection<Long> ids, Collection<String> serviceCodes, Collection<String> statuses,
		Collection<String> districts, Long person, Instant from, Instant to, int offset, int limit) {

	public ReportQuery {
		if (offset < 0 || limit < 0) {
			throw new IllegalArgumentException("offset and limit of a list of reports: not negative");
		}
	}

	/** The standard's filters (Open311 {@code GET requests}): ids, services, statuses and dates. */
	public static ReportQuery of(Collection<Long> ids, Collection<String> serviceCodes, Collection<String> statuses,
			Instant from, Instant to, int limit) {
		return new ReportQuery(ids, serviceCodes, statuses, null, null, from, to, 0, limit);
	}

}
