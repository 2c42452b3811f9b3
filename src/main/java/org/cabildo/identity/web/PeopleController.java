package org.cabildo.identity.web;

import java.util.List;

import org.cabildo.identity.Caller;
import org.cabildo.identity.People;
import org.cabildo.identity.Person;
import org.cabildo.identity.Role;
import org.cabildo.platform.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** People and their roles, managed by the admins of their organisations. */
@RestController
@RequestMapping("/api/identity/people")
@Tag(name = "Identity: people and roles")
class PeopleController {

	record NewPerson(String username, String password, long organisation) {

		@Override
		public String toString() {
			return "NewPerson[username=" + username + ", organisation=" + organisation + "]";
		}

	}

	record NewGrant(long organisation, String role) {
	}

	private final People people;

	PeopleController(People people) {
		this.people = people;
	}

	@GetMapping("/me")
	@Operation(summary = "Who the caller is, with their roles per organisation")
	Caller me() {
		return SignedIn.caller();
	}

	@GetMapping
	@Operation(summary = "The people of an organisation (its admins)")
	List<Person> list(@RequestParam long organisation) {
		SignedIn.admin(organisation);
		return people.all(organisation);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Creates a person in an organisation (its admins); without a password they sign in through OIDC only")
	Person create(@RequestBody NewPerson body) {
		SignedIn.admin(body.organisation());
		return people.create(Names.checked(body.username(), "/username"), body.password(), body.organisation(), SignedIn.actor());
	}

	@PostMapping("/{id}/roles")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Grants a role in an organisation (admins of it and of every organisation the person belongs to)")
	Person grant(@PathVariable long id, @RequestBody NewGrant body) {
		SignedIn.admin(body.organisation());
		SignedIn.adminOfEach(person(id).organisations(), "granting person " + id + " a role");
		people.grant(id, body.organisation(), role(body.role()), SignedIn.actor());
		return people.byId(id).orElseThrow();
	}

	@DeleteMapping("/{id}/roles/{organisation}/{role}")
	@Operation(summary = "Takes a role back (admins of the organisation)")
	Person revoke(@PathVariable long id, @PathVariable long organisation, @PathVariable String role) {
		// Only the admins of the organisation whose role it is: taking it back gives no one power elsewhere,
		// and an organisation can always shut out someone who also belongs to others.
		SignedIn.admin(organisation);
		person(id);
		people.revoke(id, organisation, role(role), SignedIn.actor());
		return person(id);
	}

	private Person person(long id) {
		return people.byId(id).orElseThrow(() -> ApiException.notFound("there is no person " + id));
	}

	private static Role role(String label) {
		return Role.of(label).orElseThrow(() -> ApiException
			.badRequest("there is no role '" + label + "'; the roles are operator, steward, analyst, auditor, admin"));
	}

}
