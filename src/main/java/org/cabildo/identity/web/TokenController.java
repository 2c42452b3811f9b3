package org.cabildo.identity.web;

import java.time.Instant;
import java.util.List;

import org.cabildo.identity.Issued;
import org.cabildo.identity.PersonalTokens;
import org.cabildo.identity.Token;
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
 * The secret is in the answer to the creation only. The checks are {@link PersonalTokens}'s, which
 * the portal's console uses too.
 */
@RestController
@RequestMapping("/api/identity/tokens")
@Tag(name = "Identity: personal API tokens")
class TokenController {

	/** @param person whose token; empty: the caller's own */
	record NewToken(String name, Instant expiresAt, Long person) {
	}

	private final PersonalTokens tokens;

	TokenController(PersonalTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	@Operation(summary = "The tokens of the caller, or of a person of an organisation the caller is admin of")
	List<Token> list(@RequestParam(required = false) Long person) {
		return tokens.of(person);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Creates a token; its secret is shown in this answer only")
	Issued create(@RequestBody NewToken body) {
		return tokens.create(body.person(), body.name(), body.expiresAt());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revokes a token; it stops working at once")
	Token revoke(@PathVariable long id) {
		return tokens.revoke(id);
	}

}
