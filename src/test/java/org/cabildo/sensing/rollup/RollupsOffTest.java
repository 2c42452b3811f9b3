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
 * With rollups off, writes are not rolled up as they come; the first round after (here asked
 * for, as a server turned on again would run it) rolls up from the stored rows, and a correction
 * made while off is found where it was noted.
 */
@IntegrationTest
@TestPropertySource(properties = { "cabildo.sensing.rollups.enabled=false", "cabildo.sensing.rollups.interval=100000h" })
class RollupsOffTest {

	@LocalServerPort
	int port;

	@Autowired
	Rollups rollups;

	@Test
	void catchesUpFromTheStoredRows() {
		Api api = new Api(port);
		long datastream = RollupsTest.datastream(api, "rollups off");
		String stream = "/v1.1/Datastreams(" + datastream + ")/Observations";
		assertThat(api.post(stream, Map.of("phenomenonTime", "2019-05-01T10:10:00Z", "result", 2.0)).status())
			.isEqualTo(201);
		assertThat(api.post(stream, Map.of("phenomenonTime", "2019-05-01T10:40:00Z", "result", 4.0)).status())
			.isEqualTo(201);
		assertThat(hour(api, datastream)).as("nothing rolled up while off").isNull();

		rollups.refresh();
		assertThat(hour(api, datastream).get("mean").asDouble()).isEqualTo(3.0);

		// the same time again with another result corrects the stored one
		assertThat(api.post(stream, Map.of("phenomenonTime", "2019-05-01T10:40:00Z", "result", 8.0)).status())
			.isIn(200, 201);
		rollups.refresh();
		assertThat(hour(api, datastream).get("mean").asDouble()).isEqualTo(5.0);
	}

	private static JsonNode hour(Api api, long datastream) {
		JsonNode values = api.get("/api/series/" + datastream, "interval", "hour", "from", "2019-05-01", "to",
				"2019-05-02").json().get("values");
		return values.isEmpty() ? null : values.get(0);
	}

}
