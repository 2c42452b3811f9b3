package org.cabildo.sensing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.cabildo.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * One answer reads at most {@code cabildo.sensing.max-entities-per-request} entities over all
 * its {@code $expand} levels (50 here, with pages of at most 20): a page whose expansions would
 * read more ends early with a next link, and following the links returns everything once.
 */
@IntegrationTest
@TestPropertySource(properties = { "cabildo.sensing.default-page-size=10", "cabildo.sensing.max-page-size=20",
		"cabildo.sensing.max-entities-per-request=50" })
class RowBudgetTest {

	private static final int DATASTREAMS = 5;

	private static final int OBSERVATIONS = 30;

	@LocalServerPort
	int port;

	private Api api;

	private long thing;

	@BeforeEach
	void fiveDatastreamsOfThirtyObservations() {
		api = new Api(port);
		String name = "budget-" + UUID.randomUUID();
		long first = api.post("/v1.1/Datastreams", Fixtures.datastreamWithThing(name)).id();
		thing = api.get("/v1.1/Datastreams(" + first + ")/Thing").json().get("@iot.id").asLong();
		List<Long> datastreams = new ArrayList<>(List.of(first));
		for (int i = 1; i < DATASTREAMS; i++) {
			Map<String, Object> body = new HashMap<>(Fixtures.datastreamWithThing(name + "-" + i));
			body.put("Thing", Map.of("@iot.id", thing));
			datastreams.add(api.post("/v1.1/Datastreams", body).id());
		}
		List<Object> arrays = new ArrayList<>();
		Instant start = Instant.parse("2024-01-01T00:00:00Z");
		for (long datastream : datastreams) {
			List<List<Object>> rows = new ArrayList<>();
			for (int i = 0; i < OBSERVATIONS; i++) {
				rows.add(List.of(start.plusSeconds(3600L * i).toString(), i));
			}
			arrays.add(Map.of("Datastream", Map.of("@iot.id", datastream), "components",
					List.of("phenomenonTime", "result"), "dataArray", rows));
		}
		assertThat(api.post("/v1.1/CreateObservations", arrays).status()).isEqualTo(201);
	}

	@Test
	void aPageWhoseExpansionsWouldReadTooMuchEndsEarlyAndPagesOn() {
		String next = api.base() + "/v1.1/Things(" + thing + ")/Datastreams?$top=20&$expand="
				+ Api.query("x", "Observations($top=20)").substring(3);
		Set<Long> seen = new HashSet<>();
		int answers = 0;
		while (next != null && answers++ < 10) {
			JsonNode page = api.get(next.substring(api.base().length())).json();
			int entities = page.get("value").size();
			for (JsonNode datastream : page.get("value")) {
				assertThat(seen.add(datastream.get("@iot.id").asLong())).as("each Datastream once").isTrue();
				entities += datastream.get("Observations").size();
				assertThat(datastream.get("Observations").size()).isLessThanOrEqualTo(20);
				if (datastream.get("Observations").size() < OBSERVATIONS) {
					assertThat(datastream.has("Observations@iot.nextLink")).isTrue();
				}
			}
			assertThat(entities).as("entities in one answer").isLessThanOrEqualTo(50);
			next = page.has("@iot.nextLink") ? page.get("@iot.nextLink").asString() : null;
		}
		assertThat(seen).hasSize(DATASTREAMS);
		assertThat(answers).as("the budget made the pages end early").isGreaterThan(1);
	}

	@Test
	void anEntityExpandedToOneIsCountedEachTimeItIsWritten() {
		// Every Observation expands the same Datastream with its Observations: read once, written 20 times.
		Api.Response shared = api.get("/v1.1/Things(" + thing + ")/Datastreams", "$top", "1", "$expand",
				"Observations($top=20;$expand=Datastream($expand=Observations($top=20)))");
		if (shared.status() == 200) {
			assertThat(entities(shared.json())).as("entities written").isLessThanOrEqualTo(50);
		}
		else {
			assertThat(shared.status()).as("%s", shared).isEqualTo(400);
			assertThat(shared.body()).contains("max-entities-per-request");
		}
	}

	/** The entities an answer writes, at every level. */
	private static int entities(JsonNode json) {
		int found = json.isObject() && json.has("@iot.id") ? 1 : 0;
		for (JsonNode member : json.isObject() ? json.values() : json.isArray() ? json.values() : List.<JsonNode>of()) {
			found += entities(member);
		}
		return found;
	}

	@Test
	void anAnswerWhoseFirstEntityAloneIsTooMuchIsRefusedNamingTheLimit() {
		Api.Response refused = api.get("/v1.1/Things(" + thing + ")/Datastreams", "$top", "1", "$expand",
				"Observations($top=20;$expand=Datastream($expand=Observations($top=20;$expand=Datastream("
						+ "$expand=Observations($top=20;$expand=Datastream)))))");
		assertThat(refused.status()).as("%s", refused).isEqualTo(400);
		assertThat(refused.body()).contains("max-entities-per-request").contains("50");
		assertThat(refused.json().get("option").asString()).isEqualTo("$expand");
	}

}
