package org.cabildo.governance.web;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.objections.StageChanges;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Stage changes and public consultations on the register, by the owning organisation's stewards. */
@RestController
@Tag(name = "Governance: stages")
class StageController {

	private final StageChanges stages;

	StageController(StageChanges stages) {
		this.stages = stages;
	}

	@PostMapping("/api/register/{datastreamId}/stage")
	@Operation(summary = "Moves a stream to another stage; a refusal names the rule not met")
	Declaration change(@PathVariable long datastreamId, @RequestBody(required = false) StageChanges.Request body) {
		return stages.change(datastreamId, body);
	}

	@PostMapping("/api/register/{datastreamId}/consultation")
	@Operation(summary = "Opens the public consultation before the city stage")
	Declaration consultation(@PathVariable long datastreamId) {
		return stages.openConsultation(datastreamId);
	}

}
