package org.cabildo.governance.web;

import java.util.List;

import org.cabildo.governance.objections.AnswerTime;
import org.cabildo.governance.objections.ObjectionView;
import org.cabildo.governance.objections.Objections;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Objections and questions on the register: filed by anyone without an account (limited per
 * client address), answered by the owning organisation's stewards, read by everyone.
 */
@RestController
@Tag(name = "Governance: objections")
class ObjectionController {

	record Hiding(String reason) {
	}

	private final Objections objections;

	ObjectionController(Objections objections) {
		this.objections = objections;
	}

	@PostMapping("/api/register/{datastreamId}/objections")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Files an objection or question on a declaration; no account needed, the contact is"
			+ " shown only to the owner's stewards")
	ObjectionView file(@PathVariable long datastreamId, @RequestBody(required = false) Objections.Filing body) {
		return objections.file(datastreamId, body);
	}

	@GetMapping("/api/register/{datastreamId}/objections")
	@Operation(summary = "Every objection on a declaration, with its status and answer")
	List<ObjectionView> list(@PathVariable long datastreamId) {
		return objections.of(datastreamId);
	}

	@PostMapping("/api/register/{datastreamId}/objections/{objectionId}/answer")
	@Operation(summary = "A steward of the owner answers: answered, then upheld or dismissed")
	ObjectionView answer(@PathVariable long datastreamId, @PathVariable long objectionId,
			@RequestBody(required = false) Objections.Answer body) {
		return objections.answer(datastreamId, objectionId, body);
	}

	@GetMapping("/api/objections/answer-times")
	@Operation(summary = "Each organisation's median time from filing to first answer, and how many are open")
	List<AnswerTime> answerTimes() {
		return objections.answerTimes();
	}

	@PostMapping("/api/objections/{objectionId}/hide")
	@Operation(summary = "An administrator hides abusive text, with a reason shown in its place")
	ObjectionView hide(@PathVariable long objectionId, @RequestBody(required = false) Hiding body) {
		return objections.hide(objectionId, body == null ? null : body.reason());
	}

}
