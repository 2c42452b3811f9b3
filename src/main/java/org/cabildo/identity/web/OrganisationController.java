package org.cabildo.identity.web;

import java.util.List;
import java.util.Set;

import org.cabildo.identity.AuditLog;
import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.Role;
import org.cabildo.platform.ApiException;
import org.cabildo.sensing.SensorThings;
import org.cabildo.sensing.WriteAccess;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Organisations, and which one is accountable for a Thing or Datastream (public: accountability is). */
@RestController
@RequestMapping("/api/identity")
@Tag(name = "Identity: organisations")
class OrganisationController {

	record NewOrganisation(String name) {
	}

	record Owners(String entitySet, long id, List<Organisation> organisations) {
	}

	record Assignment(long organisation) {
	}

	private final Organisations organisations;

	private final SensorThings things;

	private final AuditLog audit;

	OrganisationController(Organisations organisations, SensorThings things, AuditLog audit) {
		this.organisations = organisations;
		this.things = things;
		this.audit = audit;
	}

	@GetMapping("/organisations")
	@Operation(summary = "All organisations (public)")
	List<Organisation> all() {
		return organisations.all();
	}

	@PostMapping("/organisations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Creates an organisation (admins)")
	Organisation create(@RequestBody NewOrganisation body) {
		SignedIn.anyAdmin();
		Organisation created = organisations.create(Names.checked(body.name(), "/name"));
		audit.record("organisation-created", SignedIn.actor(), created.name(), null, null);
		return created;
	}

	@GetMapping("/ownership/{entitySet}/{id}")
	@Operation(summary = "The organisations accountable for an entity (public)")
	Owners owners(@PathVariable String entitySet, @PathVariable long id) {
		Set<Long> ids = things.organisationsOf(entitySet, id);
		return new Owners(entitySet, id, ids.stream().flatMap(o -> organisations.byId(o).stream()).toList());
	}

	@PutMapping("/ownership/Things/{id}")
	@Operation(summary = "Hands a Thing and its Datastreams to another organisation (admin of both)")
	Owners assign(@PathVariable long id, @RequestBody Assignment body) {
		var caller = SignedIn.admin(body.organisation());
		Set<Long> current = things.organisationsOf("Things", id);
		if (current.isEmpty()) {
			throw ApiException.notFound("Thing " + id + " does not exist");
		}
		for (long owner : current) {
			if (owner != WriteAccess.UNASSIGNED && !caller.has(Role.ADMIN, owner)) {
				throw new ApiException(HttpStatus.FORBIDDEN, "handing over needs the admin role in organisation "
						+ owner + " too").with("rule", "admin-of-organisation");
			}
		}
		things.assignThing(id, body.organisation());
		audit.record("ownership-changed", SignedIn.actor(), "Thing " + id, "to organisation " + body.organisation(),
				null);
		return owners("Things", id);
	}

}
