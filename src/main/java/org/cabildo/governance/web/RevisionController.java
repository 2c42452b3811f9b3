package org.cabildo.governance.web;

import org.cabildo.governance.Register;
import org.cabildo.platform.ApiException;
import org.cabildo.sensing.ObservationRevisions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/**
 * The revision history of a stream's corrected Observations: the earlier results a re-sent
 * reading replaced. Earlier values may be as personal as the current ones and show how the data
 * was changed, so only the stewards of the organisation that owns the stream read them.
 */
@RestController
class RevisionController {

	private final Register register;

	private final ObservationRevisions revisions;

	RevisionController(Register register, ObservationRevisions revisions) {
		this.register = register;
		this.revisions = revisions;
	}

	/** A page of revisions and, when there are more, the address of the next page. */
	record RevisionPage(java.util.List<ObservationRevisions.Revision> value, String nextLink) {
	}

	@GetMapping("/api/register/{datastreamId}/revisions")
	@Operation(summary = "The earlier results of the stream's corrected Observations, newest first (paged: skip, top"
			+ " up to 1000); stewards of the owner")
	RevisionPage revisions(@PathVariable long datastreamId, @RequestParam(defaultValue = "0") int skip,
			@RequestParam(defaultValue = "100") int top) {
		if (skip < 0 || top < 1 || top > ObservationRevisions.MAX_PAGE) {
			throw ApiException.badRequest("skip is 0 or more and top between 1 and " + ObservationRevisions.MAX_PAGE);
		}
		Register.requireSteward(register.owner(datastreamId));
		ObservationRevisions.Page page = revisions.of(datastreamId, skip, top);
		return new RevisionPage(page.revisions(), page.hasMore()
				? "/api/register/" + datastreamId + "/revisions?skip=" + (skip + top) + "&top=" + top : null);
	}

}
