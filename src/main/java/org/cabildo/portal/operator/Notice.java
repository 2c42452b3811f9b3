package org.cabildo.portal.operator;

import java.util.Set;

/**
 * What a page says after the redirect that followed a change (Post/Redirect/Get): named by a
 * key in the address ({@code ?done=thing-created}), never by text or data from the request.
 */
final class Notice {

	private static final Set<String> KNOWN = Set.of("thing-created", "thing-updated", "thing-deleted",
			"datastream-created", "datastream-undeclared", "device-bound", "device-unbound", "device-revoked",
			"token-revoked");

	private Notice() {
	}

	/** The notice's text; null for no notice, or for a key the console does not know. */
	static String of(String done, Texts texts) {
		return done != null && KNOWN.contains(done) ? texts.text("operator.done." + done) : null;
	}

}
