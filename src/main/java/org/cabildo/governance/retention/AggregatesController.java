package org.cabildo.governance.retention;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.cabildo.governance.KeptAggregates;
import org.cabildo.platform.ApiException;
import org.cabildo.sensing.ReadContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The aggregates that remain of a Datastream's expired Observations, readable as the declaration
 * allows its Observations to be read: open data by anyone; other data by people of the
 * accountable organisation or of one it shares with, for a declared purpose (purpose binding).
 * A read of the aggregates of personal data is ledgered as any read of it, with the number of
 * Observations they summarise: small counts over short intervals can still tell about people.
 */
@RestController
@Tag(name = "Governance: retention")
class AggregatesController {

	private final KeptAggregates aggregates;

	AggregatesController(KeptAggregates aggregates) {
		this.aggregates = aggregates;
	}

	/**
	 * One interval, as served: its ends as instants (UTC) and as the city's clocks showed them, in
	 * the time zone whose local hours, days or months the intervals are ({@code cabildo.city.time-zone}).
	 */
	record Served(Instant intervalStart, Instant intervalEnd, long count, Double min, Double max, Double mean,
			String timeZone, OffsetDateTime localStart, OffsetDateTime localEnd) {

		static Served of(Aggregate aggregate) {
			ZoneId zone = ZoneId.of(aggregate.timeZone());
			Interval interval = aggregate.interval();
			return new Served(interval.start(), interval.end(), aggregate.count(), aggregate.min(), aggregate.max(),
					aggregate.mean(), zone.getId(), interval.start().atZone(zone).toOffsetDateTime(),
					interval.end().atZone(zone).toOffsetDateTime());
		}

	}

	/** The most intervals one answer holds; the next ones are asked for from the last one's end. */
	static final int MAX_INTERVALS = 10_000;

	@GetMapping("/api/register/{datastreamId}/aggregates")
	@Operation(summary = "The aggregates kept of expired Observations, per interval, oldest first",
			description = "At most 10,000 intervals (or `limit`) an answer; ask for the next ones with `from` set to "
					+ "the last one's intervalEnd. Intervals are local hours, days or months of the city's calendar: "
					+ "each says its timeZone (an IANA name) and its ends as the city's clocks showed them.")
	List<Served> aggregates(@PathVariable long datastreamId, @RequestParam Optional<Instant> from,
			@RequestParam Optional<Instant> to, @RequestParam Optional<Integer> limit, HttpServletRequest request) {
		int most = limit.orElse(MAX_INTERVALS);
		if (most < 1 || most > MAX_INTERVALS) {
			throw ApiException.badRequest("limit is from 1 to " + MAX_INTERVALS).with("parameter", "limit");
		}
		return aggregates
			.read(ReadContext.of(request), datastreamId, from.orElse(Instant.EPOCH),
					to.orElse(Instant.parse("9999-12-31T00:00:00Z")), most)
			.stream()
			.map(Served::of)
			.toList();
	}

}
