package org.cabildo.portal;

import java.util.List;

/**
 * What every portal page's layout needs to know: its language, the languages it offers, its own
 * path (for the language switch) and who is signed in, if anyone.
 *
 * @param lang the page's language code
 * @param languages the codes of every language the portal speaks
 * @param path the page's path, without its query
 * @param name the signed-in person's name; null when no one is signed in
 */
public record PortalView(String lang, List<String> languages, String path, String name) {

	public boolean signedIn() {
		return name != null;
	}

	public Language language() {
		return Language.of(lang).orElse(Language.DEFAULT);
	}

}
