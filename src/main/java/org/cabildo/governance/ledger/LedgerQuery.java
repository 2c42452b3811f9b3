package org.cabildo.governance.ledger;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import org.cabildo.platform.ApiException;

/**
 * Which entries an auditor lists: each filter null when not given. {@code from} is inclusive,
 * {@code to} exclusive (times of recording); {@code afterSeq} continues a listing after the entry
 * with that number, which newest first means the entries before it.
 */
record LedgerQuery(String kind, Long organisation, String purpose, Long datastream, String actor, Instant from,
		Instant to, int limit, long offset, Long afterSeq) {

	static final int MAX_LIMIT = 1000;

	/** Parses the query parameters as given, naming the first that is not valid. */
	static LedgerQuery parse(String kind, String organisation, String purpose, String datastream, String actor,
			String from, String to, String limit, String offset, String afterSeq) {
		LedgerQuery query = new LedgerQuery(blankToNull(kind), parse("organisation", organisation, Long::valueOf),
				blankToNull(purpose), parse("datastream", datastream, Long::valueOf), blankToNull(actor),
				parse("from", from, Instant::parse), parse("to", to, Instant::parse),
				parse("limit", limit, Integer::valueOf) == null ? 100 : Integer.parseInt(limit.strip()),
				parse("offset", offset, Long::valueOf) == null ? 0 : Long.parseLong(offset.strip()),
				parse("afterSeq", afterSeq, Long::valueOf));
		if (query.limit < 1 || query.limit > MAX_LIMIT) {
			throw invalid("limit", "limit is between 1 and " + MAX_LIMIT);
		}
		if (query.offset < 0) {
			throw invalid("offset", "offset is 0 or more");
		}
		if (query.afterSeq != null && query.offset > 0) {
			throw invalid("afterSeq", "give offset or afterSeq, not both");
		}
		if (query.from != null && query.to != null && !query.from.isBefore(query.to)) {
			throw invalid("to", "to is after from");
		}
		return query;
	}

	private static <T> T parse(String name, String value, Function<String, T> parser) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return parser.apply(value.strip());
		}
		catch (NumberFormatException | DateTimeParseException e) {
			throw invalid(name, "'" + value + "' is not a valid " + name
					+ (name.equals("from") || name.equals("to") ? " (an ISO-8601 instant, e.g. 2024-05-01T00:00:00Z)"
							: " (a whole number)"));
		}
	}

	private static ApiException invalid(String parameter, String message) {
		return ApiException.badRequest(message).with("parameter", parameter);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
