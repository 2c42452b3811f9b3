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
		return Caller.signedIn();
	}

	/** Refuses unless the caller is an admin of the organisation. */
	static Caller admin(long organisation) {
		return caller().requireAdmin(organisation);
	}

	/** Refuses unless the caller is an admin of every one of these organisations ({@link Caller#requireAdminOfEach}). */
	static Caller adminOfEach(Collection<Long> organisations, String what) {
		return caller().requireAdminOfEach(organisations, what);
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
