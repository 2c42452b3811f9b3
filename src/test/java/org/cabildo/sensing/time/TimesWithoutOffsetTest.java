package org.cabildo.sensing.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.cabildo.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 15: a time without offset was silently UTC, and the end of day 24:00 was refused. */
@IntegrationTest
class TimesWithoutOffsetTest {

	@LocalServerPort
	int port;

	private Api api;

	private long datastream;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		Api.Response created = api.post("/v1.1/Datastreams",
				Fixtures.datastreamWithThing("offsets-" + java.util.UUID.randomUUID()));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		datastream = created.id();
	}

	@Test
	@DisplayName("a POST whose phenomenonTime or resultTime has no offset is a 400 naming the field and the value")
	void postWithoutOffset() {
		Api.Response phenomenon = api.post("/v1.1/Datastreams(" + datastream + ")/Observations",
				Map.of("phenomenonTime", "2024-01-01T10:00:00", "result", 1));
		Api.Response result = api.post("/v1.1/Datastreams(" + datastream + ")/Observations",
				Map.of("phenomenonTime", "2024-01-01T10:00:00Z", "resultTime", "2024-01-01T10:05", "result", 1));

		assertThat(phenomenon.status()).as("%s", phenomenon).isEqualTo(400);
		assertThat(phenomenon.body()).contains("/phenomenonTime", "2024-01-01T10:00:00", "no UTC offset");
		assertThat(result.status()).as("%s", result).isEqualTo(400);
		assertThat(result.body()).contains("/resultTime", "no UTC offset");
		assertThat(api.get("/v1.1/Datastreams(" + datastream + ")/Observations", "$count", "true").json()
			.get("@iot.count").asLong()).isZero();
	}

	@Test
	@DisplayName("24:00 (hour-ending) is taken as 00:00 of the next day on a POST and in a DataArray; a DataArray row"
			+ " without offset is refused with the reason")
	void endOfDayAndDataArray() {
		Api.Response single = api.post("/v1.1/Datastreams(" + datastream + ")/Observations",
				Map.of("phenomenonTime", "2024-03-31T24:00:00-06:00", "result", 1));
		Api.Response array = api.post("/v1.1/CreateObservations?reasons=true", List.of(Map.of("Datastream",
				Map.of("@iot.id", datastream), "components", List.of("phenomenonTime", "result"), "dataArray",
				List.of(List.of("2024-04-01T24:00Z", 2), List.of("2024-04-02T10:00:00", 3)))));

		assertThat(single.status()).as("%s", single).isEqualTo(201);
		assertThat(array.status()).as("%s", array).isEqualTo(201);
		assertThat(array.json().get(0).has("selfLink")).as("%s", array).isTrue();
		assertThat(array.json().get(1).get("error").asString()).contains("no UTC offset");
		assertThat(api.get("/v1.1/Datastreams(" + datastream + ")/Observations", "$orderby", "phenomenonTime")
			.json()
			.get("value")
			.findValuesAsString("phenomenonTime")).containsExactly("2024-04-01T06:00:00Z", "2024-04-02T00:00:00Z");
	}

}
