package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The portal's labels exist in every language, in every bundle the application reads
 * ({@code spring.messages.basename}), and every label a page asks for exists.
 */
class MessagesTest {

	@Test
	void everyLanguageHasTheSameLabels() throws IOException {
		for (String bundle : bundles()) {
			Set<String> spanish = keys(bundle + "_es.properties");
			assertThat(spanish).as(bundle).isNotEmpty();
			for (Language language : Language.values()) {
				assertThat(keys(bundle + "_" + language.code() + ".properties")).as(bundle + " " + language.code())
					.isEqualTo(spanish);
			}
			assertThat(keys(bundle + ".properties")).as("the default bundle of " + bundle).isEqualTo(spanish);
		}
	}

	@Test
	void noTwoBundlesDefineTheSameLabel() throws IOException {
		Set<String> seen = new TreeSet<>();
		for (String bundle : bundles()) {
			for (String key : keys(bundle + "_es.properties")) {
				assertThat(seen.add(key)).as(key + " in " + bundle + " and another bundle").isTrue();
			}
		}
	}

	@Test
	void everyLabelAPageAsksForExists() throws IOException {
		Set<String> labels = new TreeSet<>();
		for (String bundle : bundles()) {
			labels.addAll(keys(bundle + "_es.properties"));
		}
		Set<String> missing = new TreeSet<>();
		List<Path> templates;
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates/portal"))) {
			templates = files.filter(file -> file.toString().endsWith(".html")).toList();
		}
		assertThat(templates).isNotEmpty();
		for (Path template : templates) {
			Matcher asked = Pattern.compile("#\\{([a-z0-9.-]+)[}(]").matcher(Files.readString(template));
			while (asked.find()) {
				if (!labels.contains(asked.group(1))) {
					missing.add(asked.group(1) + " (" + template.getFileName() + ")");
				}
			}
		}
		for (Language language : Language.values()) {
			if (!labels.contains("language." + language.code())) {
				missing.add("language." + language.code());
			}
		}
		assertThat(missing).isEmpty();
	}

	/** The bundles named in application.yaml's spring.messages.basename. */
	private static List<String> bundles() throws IOException {
		Matcher basename = Pattern.compile("(?m)^\\s+basename:\\s*(.+)$")
			.matcher(Files.readString(Path.of("src/main/resources/application.yaml")));
		assertThat(basename.find()).as("spring.messages.basename in application.yaml").isTrue();
		return Arrays.stream(basename.group(1).split(",")).map(String::strip).toList();
	}

	private static Set<String> keys(String bundle) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = resource(bundle)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return new TreeSet<>(properties.stringPropertyNames());
	}

	private static InputStream resource(String name) {
		InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(name);
		assertThat(in).as(name).isNotNull();
		return in;
	}

}
