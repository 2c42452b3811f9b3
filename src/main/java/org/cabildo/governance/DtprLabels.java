package org.cabildo.governance;

import java.util.List;

import org.cabildo.governance.register.Vocabulary;

/**
 * What a street sign says of a declaration's DTPR elements, in one language of the shipped
 * vocabulary (es, pt, en): each element's name and meaning. The register's GeoJSON street signs
 * and the portal's stream card both say it this way; an id the vocabulary does not know is
 * written as it is.
 *
 * @param language the vocabulary's language the labels are in
 */
public record DtprLabels(String language, List<Element> purposes, List<Element> technology,
		List<Element> dataCollected, List<Element> processing, List<Element> access, List<Element> storage) {

	/** One element: its id, its name and what it means. */
	public record Element(String id, String name, String description) {
	}

	public DtprLabels {
		purposes = List.copyOf(purposes);
		technology = List.copyOf(technology);
		dataCollected = List.copyOf(dataCollected);
		processing = List.copyOf(processing);
		access = List.copyOf(access);
		storage = List.copyOf(storage);
	}

	/** The labels of a declaration's elements in a language (es, pt, en; Spanish for any other). */
	public static DtprLabels of(Declaration declaration, Vocabulary vocabulary, String language) {
		String lang = Vocabulary.LANGUAGES.contains(language) ? language : "es";
		return new DtprLabels(lang, elements(vocabulary, "purpose", declaration.purposes(), lang),
				elements(vocabulary, "tech", declaration.technology(), lang),
				elements(vocabulary, "data", declaration.dataTypes(), lang),
				elements(vocabulary, "process", declaration.processing(), lang),
				elements(vocabulary, "access", declaration.access(), lang),
				elements(vocabulary, "storage", declaration.storage(), lang));
	}

	/** The names of some elements, in their order. */
	public static List<String> names(List<Element> elements) {
		return elements.stream().map(Element::name).toList();
	}

	private static List<Element> elements(Vocabulary vocabulary, String category, List<String> ids, String language) {
		return ids.stream()
			.map(id -> vocabulary.element(category, id)
				.map(element -> new Element(id, element.label(language).name(), element.label(language).description()))
				.orElse(new Element(id, id, "")))
			.toList();
	}

}
