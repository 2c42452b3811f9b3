package org.cabildo.governance.register;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * The DTPR v1 taxonomy shipped with Cabildo (src/main/resources/dtpr-v1, CC BY 4.0, Helpful
 * Places): its device elements by category ({@code purpose}, {@code tech}, {@code data},
 * {@code process}, {@code access}, {@code storage}, {@code retention}, {@code accountable}),
 * each with its name and description in English, Spanish and Portuguese.
 */
@Component
public class Vocabulary {

	public static final List<String> LANGUAGES = List.of("es", "pt", "en");

	public static final String ATTRIBUTION = "DTPR v1 taxonomy, Digital Transparency in the Public Realm contributors,"
			+ " stewarded by Helpful Places (github.com/Helpful-Places/dtpr), CC BY 4.0";

	/** A label in one language. */
	public record Label(String name, String description) {
	}

	/** One element: its category, id and labels by language. */
	public record Element(String category, String id, Map<String, Label> labels) {

		public Label label(String language) {
			return labels.getOrDefault(language, labels.get("en"));
		}

	}

	private final Map<String, Map<String, Element>> byCategory;

	public Vocabulary() throws IOException {
		Map<String, Map<String, Map<String, Label>>> labels = new TreeMap<>();
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:dtpr-v1/elements/*/*.md");
		for (Resource file : files) {
			String language = languageOf(file);
			String name = file.getFilename();
			int separator = name.indexOf("__");
			if (separator < 0 || language == null) {
				continue;
			}
			String category = name.substring(0, separator);
			Map<String, Object> front = frontMatter(file);
			String id = String.valueOf(front.getOrDefault("id", name.substring(separator + 2, name.length() - 3)));
			labels.computeIfAbsent(category, c -> new TreeMap<>())
				.computeIfAbsent(id, i -> new LinkedHashMap<>())
				.put(language, new Label(String.valueOf(front.get("name")), String.valueOf(front.get("description"))));
		}
		Map<String, Map<String, Element>> elements = new TreeMap<>();
		labels.forEach((category, ids) -> ids.forEach((id, byLanguage) -> elements
			.computeIfAbsent(category, c -> new TreeMap<>())
			.put(id, new Element(category, id, Map.copyOf(byLanguage)))));
		if (elements.isEmpty()) {
			throw new IllegalStateException("the DTPR vocabulary is missing from the classpath (dtpr-v1/elements)");
		}
		this.byCategory = Collections.unmodifiableMap(elements);
	}

	public boolean has(String category, String id) {
		return byCategory.getOrDefault(category, Map.of()).containsKey(id);
	}

	public Optional<Element> element(String category, String id) {
		return Optional.ofNullable(byCategory.getOrDefault(category, Map.of()).get(id));
	}

	public Set<String> ids(String category) {
		return byCategory.getOrDefault(category, Map.of()).keySet();
	}

	public Map<String, Map<String, Element>> all() {
		return byCategory;
	}

	private static String languageOf(Resource file) throws IOException {
		String path = file.getURL().toString();
		for (String language : LANGUAGES) {
			if (path.contains("/elements/" + language + "/")) {
				return language;
			}
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> frontMatter(Resource file) throws IOException {
		try (InputStream in = file.getInputStream()) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			String[] parts = text.split("(?m)^---\\s*$", 3);
			if (parts.length < 3) {
				return Map.of();
			}
			Object loaded = new Yaml().load(parts[1]);
			return loaded instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
		}
	}

}
