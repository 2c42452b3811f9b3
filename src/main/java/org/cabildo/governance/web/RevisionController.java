package org.cabildo.governance.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.cabildo.governance.Register;
import org.cabildo.platform.ApiException;
import org.cabildo.sensing.ObservationRevisions;
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
import jakarta.servlet.http.HttpServletRequest;

/**
 * The revision history of a stream's corrected Observations: the earlier results a re-sent
 * reading replaced. Earlier values may be as personal as the current ones and show how the data
 * was changed, so only the stewards of the organisation that owns the stream read them; and as a
 * read of the stream's Observations it is purpose-bound (a declared purpose the declaration
 * allows) and, for personal data, ledgered like any other such read.
 */
@RestController
class RevisionController {

	private final Register register;

	private final ObservationRevisions revisions;

	private final ReadAccess access;

	RevisionController(Register register, ObservationRevisions revisions, ReadAccess access) {
		this.register = register;
		this.revisions = revisions;
		this.access = access;
	}

	/** A page of revisions and, when there are more, the address of the next page. */
	record RevisionPage(List<ObservationRevisions.Revision> value, String nextLink) {
	}

	/** How many earlier results a page returns, and their earliest and latest phenomenonTime. */
	private static ObservationsRead.Span span(List<ObservationRevisions.Revision> revisions) {
		Instant first = revisions.stream().map(ObservationRevisions.Revision::phenomenonTime).min(Instant::compareTo)
			.orElseThrow();
		Instant last = revisions.stream().map(ObservationRevisions.Revision::phenomenonTime).max(Instant::compareTo)
			.orElseThrow();
		return new ObservationsRead.Span(revisions.size(), first, last);
	}

	@GetMapping("/api/register/{datastreamId}/revisions")
	@Operation(summary = "The earlier results of the stream's corrected Observations, newest first (paged: skip, top"
			+ " up to 1000); stewards of the owner")
	RevisionPage revisions(@PathVariable long datastreamId, @RequestParam(defaultValue = "0") int skip,
			@RequestParam(defaultValue = "100") int top, HttpServletRequest request) {
		if (skip < 0 || top < 1 || top > ObservationRevisions.MAX_PAGE) {
			throw ApiException.badRequest("skip is 0 or more and top between 1 and " + ObservationRevisions.MAX_PAGE);
		}
		Register.requireSteward(register.owner(datastreamId));
		ReadScope scope = access.scope(ReadContext.of(request));
		scope.refusal(datastreamId).ifPresent(reason -> {
			throw new ApiException(HttpStatus.FORBIDDEN, reason).with("rule", "purpose-binding");
		});
		ObservationRevisions.Page page = revisions.of(datastreamId, skip, top);
		if (!page.revisions().isEmpty()) {
			// Recorded before the answer is sent; a read that cannot be recorded is refused.
			scope.returning(new ObservationsRead(Map.of(datastreamId, span(page.revisions()))));
		}
		return new RevisionPage(page.revisions(), page.hasMore()
				? "/api/register/" + datastreamId + "/revisions?skip=" + (skip + top) + "&top=" + top : null);
	}

}
