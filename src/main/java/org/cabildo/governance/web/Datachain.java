package org.cabildo.governance.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.register.Vocabulary;

/**
 * A declaration as a DTPR v1 device datachain: the declared elements under their device
 * categories (accountable, purpose, tech, data, process, access, storage, retention), each with
 * its label; what DTPR has no category for (the personal-data class, legal basis, access level,
 * stage) under {@code cabildo}.
 */
final class Datachain {

	private Datachain() {
	}

	static Map<String, Object> of(Declaration declaration, Vocabulary vocabulary, String language) {
		String lang = Vocabulary.LANGUAGES.contains(language) ? language : "es";
		List<Map<String, Object>> categories = new ArrayList<>();
		categories.add(category("device__accountable", List.of(Map.of("id", "organization", "name",
				declaration.organisation(), "description", declaration.contact()))));
		categories.add(category("device__purpose", elements(vocabulary, "purpose", declaration.purposes(), lang)));
		categories.add(category("device__tech", elements(vocabulary, "tech", declaration.technology(), lang)));
		categories.add(category("device__data", elements(vocabulary, "data", declaration.dataTypes(), lang)));
		categories.add(category("device__process", elements(vocabulary, "process", declaration.processing(), lang)));
		categories.add(category("device__access", elements(vocabulary, "access", declaration.access(), lang)));
		categories.add(category("device__storage", elements(vocabulary, "storage", declaration.storage(), lang)));
		// Raw data kept without limit, or aggregates kept after it: something is retained.
		String retained = declaration.retention().duration() == null || declaration.retention().keepsAggregates()
				? "data_retained" : "no_data_retained";
		List<Map<String, Object>> retention = new ArrayList<>(elements(vocabulary, "retention", List.of(retained), lang));
		retention.add(Map.of("id", "cabildo_retention", "name", String.valueOf(declaration.retention().duration()),
				"description", declaration.retention().keepsAggregates()
						? "aggregates per " + declaration.retention().granularity() + " remain" : "nothing remains"));
		categories.add(category("device__retention", retention));
		Map<String, Object> cabildo = new LinkedHashMap<>();
		cabildo.put("personalDataClass", declaration.personalDataClass());
		cabildo.put("legalBasis", declaration.legalBasis());
		cabildo.put("privacyStatementUrl", declaration.privacyStatementUrl());
		cabildo.put("accessLevel", declaration.accessLevel());
		cabildo.put("stage", declaration.stage());
		cabildo.put("version", declaration.version());
		Map<String, Object> chain = new LinkedHashMap<>();
		chain.put("datachain_type", "device");
		chain.put("schema", "dtpr.v1");
		chain.put("language", lang);
		chain.put("id", "cabildo-datastream-" + declaration.datastreamId());
		chain.put("description", declaration.summary());
		chain.put("categories", categories);
		chain.put("cabildo", cabildo);
		chain.put("attribution", Vocabulary.ATTRIBUTION);
		return chain;
	}

	private static Map<String, Object> category(String id, List<Map<String, Object>> elements) {
		Map<String, Object> category = new LinkedHashMap<>();
		category.put("id", id);
		category.put("elements", elements);
		return category;
	}

	private static List<Map<String, Object>> elements(Vocabulary vocabulary, String category, List<String> ids,
			String language) {
		List<Map<String, Object>> elements = new ArrayList<>();
		for (String id : ids) {
			vocabulary.element(category, id).ifPresent(element -> {
				Vocabulary.Label label = element.label(language);
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("id", id);
				item.put("name", label.name());
				item.put("description", label.description());
				elements.add(item);
			});
		}
		return elements;
	}

}
