package org.cabildo.sensing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.platform.JsonText;
import org.cabildo.support.Api;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Text stored before entries refused what is not Unicode (a lone surrogate, which H2 keeps as
 * it was given) is written out with U+FFFD in its place: every answer stays valid JSON, and a
 * {@code $batch} that reads it answers all its requests.
 */
@IntegrationTest
@DisplayName("Stored text that is not Unicode is written as U+FFFD; a $batch reading it answers every request")
class StoredInvalidTextTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLoneSurrogateStoredBeforeIsWrittenAsTheReplacementCharacter() {
		Api api = new Api(port);
		long broken = api.post("/v1.1/Things", Map.of("name", "to be broken", "description", "d")).id();
		long other = api.post("/v1.1/Things", Map.of("name", "whole", "description", "d")).id();
		jdbc.sql("UPDATE things SET name = ? WHERE id = ?").params("lone \ud800 surrogate", broken).update();
		String stored = jdbc.sql("SELECT name FROM things WHERE id = ?").param(broken).query(String.class).single();
		String expected = JsonText.repaired(stored);

		Api.Response alone = api.get("/v1.1/Things(" + broken + ")");
		assertThat(alone.status()).isEqualTo(200);
		assertThat(alone.json().get("name").asString()).isEqualTo(expected).doesNotContain("\ud800");

		Api.Response batch = api.post("/v1.1/$batch", Map.of("requests", List.of(
				Map.of("id", "broken", "method", "get", "url", "Things(" + broken + ")"),
				Map.of("id", "filtered", "method", "get", "url", "Things?$filter=id eq " + broken),
				Map.of("id", "other", "method", "get", "url", "Things(" + other + ")"))));
		assertThat(batch.status()).isEqualTo(200);
		JsonNode responses = batch.json().get("responses");
		assertThat(responses).hasSize(3);
		assertThat(responses.get(0).get("status").asInt()).isEqualTo(200);
		assertThat(responses.get(0).get("body").get("name").asString()).isEqualTo(expected);
		assertThat(responses.get(1).get("body").get("value").get(0).get("name").asString()).isEqualTo(expected);
		assertThat(responses.get(2).get("body").get("name").asString()).isEqualTo("whole");
	}

}
