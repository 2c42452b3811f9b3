package org.cabildo.governance.web;

import org.cabildo.governance.bulk.BulkAnswer;
import org.cabildo.governance.bulk.BulkChanges;
import org.cabildo.governance.bulk.BulkRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Many streams declared or moved in one request, all or nothing, by the owners' stewards. */
@RestController
@Tag(name = "Register")
class BulkController {

	private final BulkChanges changes;

	BulkController(BulkChanges changes) {
		this.changes = changes;
	}

	@PostMapping("/api/register/bulk")
	@Operation(summary = "Declares (a declaration or a published template) or moves (a stage change) many streams,"
			+ " selected by ids, Thing or organisation, at most " + BulkChanges.MAX_STREAMS + " (413 beyond); all or"
			+ " nothing, every problem listed with its stream and pointer; dryRun answers without applying; a change"
			+ " whose retention removes stored Observations needs confirm set to their number")
	BulkAnswer bulk(@RequestBody BulkRequest request) {
		return changes.apply(request);
	}

}
