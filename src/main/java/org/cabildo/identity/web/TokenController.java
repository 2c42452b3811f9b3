package org.cabildo.identity.web;

import java.time.Instant;
import java.util.List;

import org.cabildo.identity.Caller;
import org.cabildo.identity.Issued;
import org.cabildo.identity.People;
import org.cabildo.identity.Person;
import org.cabildo.identity.Token;
import org.cabildo.identity.Tokens;
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

/**
 * Personal API tokens: a person manages their own; an admin of each of a person's organisations theirs.
 * The secret is in the answer to the creation only.
 */
@RestController
@RequestMapping("/api/identity/tokens")
@Tag(name = "Identity: personal API tokens")
class TokenController {

	/** @param person whose token; empty: the caller's own */
	record NewToken(String name, Instant expiresAt, Long person) {
	}

	private final Tokens tokens;

	private final People people;

	TokenController(Tokens tokens, People people) {
		this.tokens = tokens;
		this.people = people;
	}

	@GetMapping
	@Operation(summary = "The tokens of the caller, or of a person of an organisation the caller is admin of")
	List<Token> list(@RequestParam(required = false) Long person) {
		return tokens.of(allowed(person));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Creates a token; its secret is shown in this answer only")
	Issued create(@RequestBody NewToken body) {
		return tokens.create(allowed(body.person()), Names.checked(body.name(), "/name"), body.expiresAt(), SignedIn.actor());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revokes a token; it stops working at once")
	Token revoke(@PathVariable long id) {
		Token token = tokens.byId(id).orElseThrow(() -> ApiException.notFound("there is no token " + id));
		allowed(token.person());
		tokens.revoke(id, SignedIn.actor());
		return tokens.byId(id).orElseThrow();
	}

	/**
	 * The person whose tokens the caller may manage: their own, or one of whose every
	 * organisation (their own and each they hold a role in) the caller is admin; a token acts as
	 * its person everywhere they hold a role.
	 */
	private long allowed(Long person) {
		Caller caller = SignedIn.caller();
		if (person == null || person == caller.id()) {
			if (caller.id() < 0) {
				throw ApiException.badRequest("people signed in through OIDC use the provider's tokens");
			}
			return caller.id();
		}
		Person other = people.byId(person).orElseThrow(() -> ApiException.notFound("there is no person " + person));
		SignedIn.adminOfEach(other.organisations(), "managing the tokens of person " + other.id());
		return other.id();
	}

}
