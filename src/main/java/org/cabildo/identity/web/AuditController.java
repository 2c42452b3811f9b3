package org.cabildo.identity.web;

import java.util.List;

import org.cabildo.identity.AuditLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The audit of failed sign-ins and privilege changes, for auditors and admins (see the access rules). */
@RestController
@Tag(name = "Identity: audit")
class AuditController {

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/api/identity/audit")
	@Operation(summary = "The latest entries, newest first")
	List<AuditLog.Entry> latest(@RequestParam(defaultValue = "100") int limit) {
		return audit.latest(Math.max(1, Math.min(limit, 1000)));
	}

}
