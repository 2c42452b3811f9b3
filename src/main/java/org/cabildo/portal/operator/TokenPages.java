package org.cabildo.portal.operator;

import java.util.List;

/** The records the page of the signed-in person's API tokens shows, already in the page's language. */
final class TokenPages {

	private TokenPages() {
	}

	/** The person's tokens and the form that creates one. */
	record Listing(List<Row> tokens, NewToken form, Problems problems, String notice) {
	}

	/** A token as its list shows it; never its secret. */
	record Row(long id, String name, String created, String expires, String status, boolean active) {
	}

	/** The form that creates a token, as it was filled in. */
	record NewToken(String name, String expires) {

		NewToken {
			name = ThingPages.blankIfNull(name);
			expires = ThingPages.blankIfNull(expires);
		}

	}

}
