package org.cabildo.governance.objections;

import org.cabildo.platform.ApiException;

/**
 * Checks of free text in request bodies: a 400 naming the field (as a JSON pointer) when one is
 * wrong, and the most characters it takes ({@code limit}) when it is too long.
 */
final class Texts {

	private Texts() {
	}

	static String required(String text, String pointer, int max) {
		String stripped = text == null ? "" : text.strip();
		if (stripped.isEmpty()) {
			throw ApiException.badRequest(pointer.substring(1) + " is required").with("pointer", pointer);
		}
		return checked(stripped, pointer, max);
	}

	static String optional(String text, String pointer, int max) {
		String stripped = text == null ? "" : text.strip();
		return stripped.isEmpty() ? null : checked(stripped, pointer, max);
	}

	/** For the ledger, whose detail holds at most 2,000 characters. */
	static String shortened(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	private static String checked(String text, String pointer, int max) {
		// UTF-16 units, as H2 counts a VARCHAR's length (PostgreSQL counts code points: never more)
		if (text.length() > max) {
			throw ApiException.badRequest(pointer.substring(1) + " is at most " + max + " characters")
				.with("pointer", pointer)
				.with("limit", max);
		}
		return text;
	}

}
