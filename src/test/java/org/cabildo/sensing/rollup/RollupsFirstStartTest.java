package org.cabildo.sensing.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.sensing.Rollups;
import org.cabildo.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The first start with rollups (a database of its own, so that nothing was ever rolled up):
 * rows written before the first round are heard of and also read by the catch-up, and counted
 * once; rows written after are added as they come.
 */
@IntegrationTest
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:rollups-first-start;DB_CLOSE_DELAY=-1",
		"cabildo.sensing.rollups.initial-delay=100000h", "cabildo.sensing.rollups.interval=100000h" })
class RollupsFirstStartTest {

	@LocalServerPort
	int port;

	@Autowired
	Rollups rollups;

	@Test
	void rowsHeardOfBeforeTheFirstRoundAreCountedOnce() {
		Api api = new Api(port);
		long datastream = RollupsTest.datastream(api, "first start");
		String stream = "/v1.1/Datastreams(" + datastream + ")/Observations";
		for (String[] row : new String[][] { { "2021-03-01T10:05:00Z", "1" }, { "2021-03-01T10:25:00Z", "2" },
				{ "2021-03-01T10:45:00Z", "6" } }) {
			assertThat(api.post(stream, Map.of("phenomenonTime", row[0], "result", Double.parseDouble(row[1]))).status())
				.isEqualTo(201);
		}

		rollups.refresh();
		assertThat(hour(api, datastream).get("count").asLong()).as("read by the catch-up and heard of: once")
			.isEqualTo(3);
		assertThat(hour(api, datastream).get("mean").asDouble()).isEqualTo(3.0);

		assertThat(api.post(stream, Map.of("phenomenonTime", "2021-03-01T10:55:00Z", "result", 3.0)).status())
			.isEqualTo(201);
		rollups.refresh();
		assertThat(hour(api, datastream).get("count").asLong()).isEqualTo(4);
		assertThat(hour(api, datastream).get("max").asDouble()).isEqualTo(6.0);
	}

	private static JsonNode hour(Api api, long datastream) {
		return api.get("/api/series/" + datastream, "interval", "hour", "from", "2021-03-01", "to", "2021-03-02")
			.json()
			.get("values")
			.get(0);
	}

}
