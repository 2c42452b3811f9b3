package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The portal's labels exist in every language, and every label a page asks for exists. */
class MessagesTest {

	@Test
	void everyLanguageHasTheSameLabels() throws IOException {
		Set<String> spanish = keys("messages_es.properties");
		assertThat(spanish).isNotEmpty();
		for (Language language : Language.values()) {
			assertThat(keys("messages_" + language.code() + ".properties")).as(language.code()).isEqualTo(spanish);
		}
		assertThat(keys("messages.properties")).as("the default bundle").isEqualTo(spanish);
	}

	@Test
	void everyLabelThePageAsksForExists() throws IOException {
		Set<String> labels = keys("messages_es.properties");
		String page;
		try (InputStream in = resource("templates/portal/home.html")) {
			page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Matcher asked = Pattern.compile("#\\{([a-z.-]+)[}(]").matcher(page);
		Set<String> missing = new TreeSet<>();
		while (asked.find()) {
			if (!labels.contains(asked.group(1))) {
				missing.add(asked.group(1));
			}
		}
		for (Language language : Language.values()) {
			if (!labels.contains("language." + language.code())) {
				missing.add("language." + language.code());
			}
		}
		assertThat(missing).isEmpty();
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
