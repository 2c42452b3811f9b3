package org.cabildo.identity.web;

import org.cabildo.platform.ApiException;

/** The names the identity API stores, checked against what its columns hold (V4__identity.sql). */
final class Names {

	static final int MAX_LENGTH = 200;

	private Names() {
	}

	/** The name, or a 400 naming its place in the body when it is longer than stored names may be. */
	static String checked(String name, String pointer) {
		if (name != null && name.codePointCount(0, name.length()) > MAX_LENGTH) {
			throw ApiException.badRequest(pointer + " is longer than " + MAX_LENGTH + " characters")
				.with("pointer", pointer);
		}
		return name;
	}

}
