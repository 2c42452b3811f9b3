package org.cabildo.sensing.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.cabildo.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A Datastream whose properties say {@code "cabildo:localTime": true} has its times without offset
 * read in the city's zone: São Paulo here, UTC-3 in July 2018, UTC-2 in summer; its clocks skipped
 * 00:00-01:00 on 4 November 2018 and showed 23:00-24:00 twice on 17 February 2018.
 */
@IntegrationTest
@TestPropertySource(properties = { "cabildo.governance.retention.interval=100000h",
		"cabildo.city.time-zone=America/Sao_Paulo" })
class LocalTimeStreamsTest {

	@LocalServerPort
	int port;

	private Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@Test
	@DisplayName("a local stream's times without offset are São Paulo's, on a POST, in a DataArray and in a deep insert")
	void localTimesAreTheCitys() {
		long datastream = datastream(true, List.of());

		Api.Response post = api.post("/v1.1/Datastreams(" + datastream + ")/Observations", Map.of("phenomenonTime",
				"2018-07-01T10:00:00", "resultTime", "2018-07-01T10:05:00", "validTime",
				"2018-07-01T10:00:00/2018-07-01T24:00", "result", 1));
		Api.Response array = api.post("/v1.1/CreateObservations?reasons=true", List.of(Map.of("Datastream",
				Map.of("@iot.id", datastream), "components", List.of("phenomenonTime", "result"), "dataArray",
				List.of(List.of("2018-12-01T10:00:00", 2), List.of("2018-12-01T10:00:00Z", 3)))));

		assertThat(post.status()).as("%s", post).isEqualTo(201);
		assertThat(array.status()).as("%s", array).isEqualTo(201);
		array.json().forEach(row -> assertThat(row.has("selfLink")).as("%s", row).isTrue());
		Api.Response stored = api.get("/v1.1/Datastreams(" + datastream + ")/Observations", "$orderby",
				"phenomenonTime", "$select", "phenomenonTime,resultTime,validTime");
		var value = stored.json().get("value");
		assertThat(value.findValuesAsString("phenomenonTime")).containsExactly("2018-07-01T13:00:00Z",
				"2018-12-01T10:00:00Z", "2018-12-01T12:00:00Z");
		assertThat(value.get(0).get("resultTime").asString()).isEqualTo("2018-07-01T13:05:00Z");
		assertThat(value.get(0).get("validTime").asString()).isEqualTo("2018-07-01T13:00:00Z/2018-07-02T03:00:00Z");

		long deep = datastream(true, List.of(Map.of("phenomenonTime", "2018-07-02T08:00:00", "result", 4)));
		assertThat(api.get("/v1.1/Datastreams(" + deep + ")/Observations").json().get("value").get(0)
			.get("phenomenonTime").asString()).isEqualTo("2018-07-02T11:00:00Z");
	}

	@Test
	@DisplayName("a local time the clocks skipped or showed twice is refused with the reason")
	void changesOfClocks() {
		long datastream = datastream(true, List.of());

		Api.Response skipped = api.post("/v1.1/Datastreams(" + datastream + ")/Observations",
				Map.of("phenomenonTime", "2018-11-04T00:30:00", "result", 1));
		Api.Response twice = api.post("/v1.1/Datastreams(" + datastream + ")/Observations",
				Map.of("phenomenonTime", "2018-02-17T23:30:00", "result", 1));

		assertThat(skipped.status()).as("%s", skipped).isEqualTo(400);
		assertThat(skipped.body()).contains("/phenomenonTime", "2018-11-04T00:30:00", "skipped");
		assertThat(twice.status()).as("%s", twice).isEqualTo(400);
		assertThat(twice.body()).contains("/phenomenonTime", "ambiguous", "twice");
	}

	@Test
	@DisplayName("a stream that does not say its times are local refuses them, saying how to write them or mark it")
	void otherStreamsRefuse() {
		long datastream = datastream(false, List.of());

		Api.Response refused = api.post("/v1.1/Datastreams(" + datastream + ")/Observations",
				Map.of("phenomenonTime", "2018-07-01T10:00:00", "result", 1));

		assertThat(refused.status()).as("%s", refused).isEqualTo(400);
		assertThat(refused.body()).contains("/phenomenonTime", "'2018-07-01T10:00:00'", "no UTC offset",
				"cabildo:localTime", "America/Sao_Paulo");
	}

	private long datastream(boolean local, List<Map<String, Object>> observations) {
		Map<String, Object> body = new HashMap<>(Fixtures.datastreamWithThing("local-" + java.util.UUID.randomUUID()));
		if (local) {
			body.put("properties", Map.of("cabildo:localTime", true));
		}
		if (!observations.isEmpty()) {
			body.put("Observations", observations);
		}
		Api.Response created = api.post("/v1.1/Datastreams", body);
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		return created.id();
	}

}
