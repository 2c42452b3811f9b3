package org.cabildo.participation.web;

import java.security.Principal;

import org.cabildo.identity.Caller;
import org.cabildo.participation.ModerationQueue;
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
 * The city's moderators' queue: what the public flagged, and keeping what does not deserve
 * hiding. Hiding itself is at {@code …/requests/{id}/hide} and {@code …/proposals/{id}/hide}.
 */
@RestController
@Tag(name = "Participation")
class ModerationController {

	/** Why a flagged report or proposal is kept; the access ledger keeps it. */
	record Keeping(String reason) {
	}

	private final ModerationQueue queue;

	ModerationController(ModerationQueue queue) {
		this.queue = queue;
	}

	@GetMapping("/api/participation/moderation")
	@Operation(summary = "Reports and proposals flagged as abusive and not hidden, the most flagged first (admins of the city)")
	ModerationQueue.Queue flagged(Principal principal) {
		return queue.flagged(caller(principal));
	}

	@PostMapping("/api/participation/requests/{id}/keep")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Keeps a flagged report: its flags are cleared, with a reason the access ledger keeps (admins of the city)")
	void keepReport(@PathVariable long id, @RequestBody Keeping keeping, Principal principal) {
		queue.keepReport(id, keeping.reason(), caller(principal));
	}

	@PostMapping("/api/participation/proposals/{id}/keep")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Keeps a flagged proposal: its flags are cleared, with a reason the access ledger keeps (admins of the city)")
	void keepProposal(@PathVariable long id, @RequestBody Keeping keeping, Principal principal) {
		queue.keepProposal(id, keeping.reason(), caller(principal));
	}

	private static Caller caller(Principal principal) {
		return Caller.required(principal);
	}

}
