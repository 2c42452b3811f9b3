package org.cabildo.identity.web;

import java.util.Collection;

import org.cabildo.identity.Caller;
import org.cabildo.identity.Role;
import org.cabildo.identity.security.CallerAuthentication;
import org.cabildo.platform.ApiException;
import org.springframework.http.HttpStatus;

/** The caller of an identity API request, and the checks its controllers make. */
final class SignedIn {

	private SignedIn() {
	}

	static Caller caller() {
		return CallerAuthentication.current()
			.orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "this needs credentials"));
	}

	/** Refuses unless the caller is an admin of the organisation. */
	static Caller admin(long organisation) {
		Caller caller = caller();
		if (!caller.has(Role.ADMIN, organisation)) {
			throw new ApiException(HttpStatus.FORBIDDEN, "this needs the admin role in organisation " + organisation)
				.with("rule", "admin-of-organisation");
		}
		return caller;
	}

	/**
	 * Refuses unless the caller is an admin of every one of these organisations: managing a person
	 * or device that belongs to several needs the admin role in each, or an admin of one could act
	 * in the others through it.
	 */
	static Caller adminOfEach(Collection<Long> organisations, String what) {
		Caller caller = caller();
		for (long organisation : organisations) {
			if (!caller.has(Role.ADMIN, organisation)) {
				throw new ApiException(HttpStatus.FORBIDDEN, what + " needs the admin role in organisation "
						+ organisation + ", which it belongs to").with("rule", "admin-of-every-organisation")
					.with("organisation", organisation);
			}
		}
		return caller;
	}

	static Caller anyAdmin() {
		Caller caller = caller();
		if (!caller.hasAnywhere(Role.ADMIN)) {
			throw new ApiException(HttpStatus.FORBIDDEN, "this needs the admin role").with("rule", "admin");
		}
		return caller;
	}

	static String actor() {
		return CallerAuthentication.current().map(Caller::toString).orElse("platform");
	}

}
