package org.cabildo.governance.retention;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.register.CurrentDeclarations;
import org.cabildo.identity.Caller;
import org.cabildo.platform.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The aggregates that remain of a Datastream's expired Observations. Open data: anyone; other
 * data: signed-in people of the accountable organisation. (Simplified: reads of aggregates are
 * not bound to a declared purpose, nor open to organisations the data is shared with.)
 */
@RestController
@Tag(name = "Governance: retention")
class AggregatesController {

	private final CurrentDeclarations declarations;

	private final ObservationAggregates aggregates;

	AggregatesController(CurrentDeclarations declarations, ObservationAggregates aggregates) {
		this.declarations = declarations;
		this.aggregates = aggregates;
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

	private static void requireReader(Declaration declaration) {
		if (declaration.isOpen()) {
			return;
		}
		Caller caller = Caller.current()
			.orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED,
					"the aggregates of data that is not open are read by its organisation: sign in"));
		if (caller.isDevice() || !caller.grants().containsKey(declaration.organisationId())) {
			throw new ApiException(HttpStatus.FORBIDDEN,
					"the aggregates of data that is not open are read by people of the accountable organisation")
				.with("rule", "organisation-of-owner");
		}
	}

}
