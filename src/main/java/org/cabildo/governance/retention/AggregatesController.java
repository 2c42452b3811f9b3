package org.cabildo.governance.retention;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.register.CurrentDeclarations;
import org.cabildo.platform.ApiException;
import org.cabildo.sensing.ReadAccess;
import org.cabildo.sensing.ReadContext;
import org.cabildo.sensing.ReadScope;
import org.cabildo.sensing.ReadScope.ObservationsRead;
import org.springframework.http.HttpStatus;
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

	private final CurrentDeclarations declarations;

	private final ObservationAggregates aggregates;

	private final ReadAccess access;

	AggregatesController(CurrentDeclarations declarations, ObservationAggregates aggregates, ReadAccess access) {
		this.declarations = declarations;
		this.aggregates = aggregates;
		this.access = access;
	}

	/** One interval, as served. */
	record Served(Instant intervalStart, Instant intervalEnd, long count, Double min, Double max, Double mean) {
	}

	/** The most intervals one answer holds; the next ones are asked for from the last one's end. */
	static final int MAX_INTERVALS = 10_000;

	@GetMapping("/api/register/{datastreamId}/aggregates")
	@Operation(summary = "The aggregates kept of expired Observations, per interval, oldest first",
			description = "At most 10,000 intervals (or `limit`) an answer; ask for the next ones with `from` set to "
					+ "the last one's intervalEnd.")
	List<Served> aggregates(@PathVariable long datastreamId, @RequestParam Optional<Instant> from,
			@RequestParam Optional<Instant> to, @RequestParam Optional<Integer> limit, HttpServletRequest request) {
		Declaration declaration = declarations.of(datastreamId)
			.orElseThrow(() -> ApiException.notFound("Datastream " + datastreamId + " has no declaration"));
		int most = limit.orElse(MAX_INTERVALS);
		if (most < 1 || most > MAX_INTERVALS) {
			throw ApiException.badRequest("limit is from 1 to " + MAX_INTERVALS).with("parameter", "limit");
		}
		ReadScope scope = access.scope(ReadContext.of(request));
		scope.refusal(declaration.datastreamId()).ifPresent(reason -> {
			throw new ApiException(HttpStatus.FORBIDDEN, reason).with("rule", "purpose-binding");
		});
		List<Served> served = aggregates
			.between(datastreamId, from.orElse(Instant.EPOCH), to.orElse(Instant.parse("9999-12-31T00:00:00Z")), most)
			.stream()
			.map(a -> new Served(a.interval().start(), a.interval().end(), a.count(), a.min(), a.max(), a.mean()))
			.toList();
		if (!served.isEmpty()) {
			scope.returning(new ObservationsRead(Map.of(datastreamId, new ObservationsRead.Span(
					served.stream().mapToLong(Served::count).sum(), served.get(0).intervalStart(),
					served.get(served.size() - 1).intervalEnd()))));
		}
		return served;
	}

}
