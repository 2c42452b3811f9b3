package org.cabildo.portal;

import java.util.Arrays;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;

/** The portal's languages; Spanish first, the city's language and the default. */
public enum Language {

	ES, PT, EN;

	static final Language DEFAULT = ES;

	public Locale locale() {
		return Locale.forLanguageTag(code());
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The language of a code or a locale's language ({@code pt-BR} is Portuguese); empty for any other. */
	static Optional<Language> of(String code) {
		if (code == null) {
			return Optional.empty();
		}
		String language = Locale.forLanguageTag(code.strip()).getLanguage();
		return Arrays.stream(values()).filter(value -> value.code().equals(language)).findFirst();
	}

	/** The first of the browser's languages (Accept-Language, in its order of preference) that the portal speaks. */
	static Language preferred(Enumeration<Locale> browser) {
		while (browser.hasMoreElements()) {
			Optional<Language> language = of(browser.nextElement().toLanguageTag());
			if (language.isPresent()) {
				return language.get();
			}
		}
		return DEFAULT;
	}

}
