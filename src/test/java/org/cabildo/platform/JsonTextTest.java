package org.cabildo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class JsonTextTest {

	@Test
	void findsLoneSurrogatesAndNulButNotPairs() {
		assertThat(JsonText.invalidAt("plain é 日本 😀")).isEqualTo(-1);
		assertThat(JsonText.invalidAt("a\ud800b")).isEqualTo(1);
		assertThat(JsonText.invalidAt("ab\udc00")).isEqualTo(2);
		assertThat(JsonText.invalidAt("😀\ud83d")).isEqualTo(2);
		assertThat(JsonText.invalidAt("\udc00\ud800")).isZero();
		assertThat(JsonText.invalidAt("x\u0000")).isEqualTo(1);
	}

	@Test
	void repairsOnlyLoneSurrogates() {
		assertThat(JsonText.repaired("a\ud800b😀\udc00")).isEqualTo("a\uFFFDb😀\uFFFD");
		String valid = "valid 😀";
		assertThat(JsonText.repaired(valid)).isSameAs(valid);
	}

	@Test
	void refusesWithThePointerOfTheValueOrName() {
		JsonMapper json = JsonMapper.shared();
		assertThatThrownBy(() -> JsonText.requireValid(json.readTree("{\"a\": [1, {\"b/c\": \"x\\ud800\"}]}")))
			.isInstanceOfSatisfying(ApiException.class, e -> {
				assertThat(e.details()).containsEntry("pointer", "/a/1/b~1c");
				assertThat(e.getMessage()).contains("/a/1/b~1c").contains("U+D800").doesNotContain("\ud800");
			});
		assertThatThrownBy(() -> JsonText.requireValid(json.readTree("{\"ok\": 1, \"k\\ud800\": 2}")))
			.isInstanceOfSatisfying(ApiException.class,
					e -> assertThat(e.details()).containsEntry("pointer", "/k\uFFFD"));
		JsonText.requireValid(json.readTree("{\"😀\": [\"\\ud83d\\ude00\", 1, null, true]}"));
	}

	@Test
	void theWriterWritesTheReplacementCharacterForLoneSurrogates() {
		String written = JsonText.writer().writeValueAsString(Map.of("k\ud800", List.of("v\udc00", "😀")));
		assertThat(written).isEqualTo("{\"k\uFFFD\":[\"v\uFFFD\",\"😀\"]}");
		byte[] bytes = JsonText.writer().writeValueAsBytes(Map.of("k", "\ud800"));
		assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"k\":\"\uFFFD\"}");
	}

}
