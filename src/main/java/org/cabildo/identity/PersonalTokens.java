package org.cabildo.identity;

import java.time.Instant;
import java.util.List;

import org.cabildo.platform.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Personal API tokens as people manage them, for the signed-in caller of the request: their
 * own, or those of a person of whose every organisation the caller is admin. The identity API
 * and the portal's console both go through here. A secret is in the answer to its creation only.
 */
@Service
public class PersonalTokens {

	private final Tokens tokens;

	private final People people;

	PersonalTokens(Tokens tokens, People people) {
		this.tokens = tokens;
		this.people = people;
	}

	/** The tokens of a person; null: the caller's own. */
	public List<Token> of(Long person) {
		return tokens.of(allowed(person));
	}

	/** A new token for a person (null: the caller); its secret is in this answer only. */
	public Issued create(Long person, String name, Instant expiresAt) {
		return tokens.create(allowed(person), name, expiresAt, Caller.signedIn().toString());
	}

	/** Revokes a token; it stops working at once. */
	public Token revoke(long id) {
		Token token = tokens.byId(id).orElseThrow(() -> ApiException.notFound("there is no token " + id));
		allowed(token.person());
		tokens.revoke(id, Caller.signedIn().toString());
		return tokens.byId(id).orElseThrow();
	}

	/**
	 * The person whose tokens the caller may manage: their own, or one of whose every
	 * organisation (their own and each they hold a role in) the caller is admin; a token acts as
	 * its person everywhere they hold a role.
	 */
	private long allowed(Long person) {
		Caller caller = Caller.signedIn();
		if (caller.isDevice()) {
			throw new ApiException(HttpStatus.FORBIDDEN, "devices have no personal tokens")
				.with("rule", "people-only");
		}
		if (person == null || person == caller.id()) {
			if (caller.id() < 0) {
				throw ApiException.badRequest("people signed in through OIDC use the provider's tokens");
			}
			return caller.id();
		}
		Person other = people.byId(person).orElseThrow(() -> ApiException.notFound("there is no person " + person));
		caller.requireAdminOfEach(other.organisations(), "managing the tokens of person " + other.id());
		return other.id();
	}

}
