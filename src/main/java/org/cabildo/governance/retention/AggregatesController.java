package org.cabildo.governance.retention;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.register.CurrentDeclarations;
import org.cabildo.platform.ApiException;
import org.cabildo.sensing.ReadAccess;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The aggregates that remain of a Datastream's expired Observations, readable as the declaration
 * allows its Observations to be read: open data by anyone; other data by people of the
 * accountable organisation or of one it shares with, for a declared purpose (purpose binding).
 * Counts and means per interval are not records about people, so their reads are not ledgered.
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

	@GetMapping("/api/register/{datastreamId}/aggregates")
	@Operation(summary = "The aggregates kept of expired Observations, per interval, oldest first")
	List<Served> aggregates(@PathVariable long datastreamId, @RequestParam Optional<Instant> from,
			@RequestParam Optional<Instant> to) {
		Declaration declaration = declarations.of(datastreamId)
			.orElseThrow(() -> ApiException.notFound("Datastream " + datastreamId + " has no declaration"));
		requireReader(declaration);
		return aggregates.between(datastreamId, from.orElse(Instant.EPOCH), to.orElse(Instant.parse("9999-12-31T00:00:00Z")))
			.stream()
			.map(a -> new Served(a.interval().start(), a.interval().end(), a.count(), a.min(), a.max(), a.mean()))
			.toList();
	}

	private void requireReader(Declaration declaration) {
		access.refusal(declaration.datastreamId()).ifPresent(reason -> {
			throw new ApiException(HttpStatus.FORBIDDEN, reason).with("rule", "purpose-binding");
		});
	}

}
