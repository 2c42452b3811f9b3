package org.cabildo.sensing.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.cabildo.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Results are checked against their stream's observationType, valid range and sentinels on
 * every way in over HTTP (single POST, deep insert, DataArray, $batch, PATCH and PUT): what a
 * station sends for "no reading" (-99, "NA", null) is refused with its reason and never stored,
 * so that it can never reach the aggregates retention keeps.
 */
@IntegrationTest
class ResultChecksTest {

	private static final String TYPES = "http://www.opengis.net/def/observationType/OGC-OM/2.0/";

	@LocalServerPort
	int port;

	private Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	private long datastream(String observationType, Map<String, Object> properties) {
		Map<String, Object> body = new HashMap<>(Fixtures.datastreamWithThing("checks-" + UUID.randomUUID()));
		body.put("observationType", TYPES + observationType);
		if (properties != null) {
			body.put("properties", properties);
		}
		Api.Response created = api.post("/v1.1/Datastreams", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.id();
	}

	private long airQuality() {
		return datastream("OM_Measurement",
				Map.of("cabildo:validRange", Map.of("min", 0, "max", 1000), "cabildo:sentinels", List.of(-99, "NA")));
	}

	private Api.Response post(long datastream, Object result) {
		return post(datastream, "2026-03-01T10:00:00Z", result);
	}

	/** At another hour: a second result for the same hour would correct the first (issue 15). */
	private Api.Response post(long datastream, String phenomenonTime, Object result) {
		Map<String, Object> body = new HashMap<>();
		body.put("phenomenonTime", phenomenonTime);
		body.put("result", result);
		return api.post("/v1.1/Datastreams(" + datastream + ")/Observations", body);
	}

	private int stored(long datastream) {
		return api.get("/v1.1/Datastreams(" + datastream + ")/Observations", "$count", "true").json()
			.get("@iot.count").asInt();
	}

	@Test
	void aSentinelNullOrOutOfRangeMeasurementIsRefusedWithItsReasonOnASinglePost() {
		long stream = airQuality();

		Api.Response minus99 = post(stream, -99);
		Api.Response na = post(stream, "NA");
		Api.Response nul = post(stream, null);
		Api.Response tooHigh = post(stream, 1000.5);
		Api.Response text = post(stream, "12.5");

		assertThat(minus99.status()).isEqualTo(400);
		assertThat(minus99.body()).contains("sentinel").contains("Datastream " + stream);
		assertThat(na.status()).isEqualTo(400);
		assertThat(na.body()).contains("sentinel");
		assertThat(nul.status()).isEqualTo(400);
		assertThat(nul.body()).contains("null").contains("OM_Measurement");
		assertThat(tooHigh.status()).isEqualTo(400);
		assertThat(tooHigh.body()).contains("valid range");
		assertThat(text.status()).isEqualTo(400);
		assertThat(text.body()).contains("not a finite number");
		assertThat(stored(stream)).isZero();
		assertThat(post(stream, 41.5).status()).isEqualTo(201);
		assertThat(post(stream, "2026-03-01T11:00:00Z", 0).status()).isEqualTo(201);
		assertThat(stored(stream)).isEqualTo(2);
	}

	@Test
	void everyObservationTypeAsksItsKindOfValue() {
		long count = datastream("OM_CountObservation", null);
		long truth = datastream("OM_TruthObservation", null);
		long category = datastream("OM_CategoryObservation", Map.of("cabildo:categories", List.of("clear", "cloudy")));
		long anything = datastream("OM_Observation", null);

		assertThat(post(count, 2.5).status()).isEqualTo(400);
		assertThat(post(count, 3).status()).isEqualTo(201);
		assertThat(post(truth, "yes").status()).isEqualTo(400);
		assertThat(post(truth, true).status()).isEqualTo(201);
		Api.Response rain = post(category, "rain");
		assertThat(rain.status()).isEqualTo(400);
		assertThat(rain.body()).contains("categories");
		assertThat(post(category, "cloudy").status()).isEqualTo(201);
		assertThat(post(anything, null).status()).isEqualTo(201);
		assertThat(post(anything, "2026-03-01T11:00:00Z", Map.of("any", "thing")).status()).isEqualTo(201);
	}

	@Test
	void aDataArrayRefusesEachBadRowWithItsReasonAndStoresTheRest() {
		long stream = airQuality();
		Map<String, Object> group = Map.of("Datastream", Map.of("@iot.id", stream), "components",
				List.of("phenomenonTime", "result"), "dataArray",
				java.util.Arrays.asList(List.of("2026-03-01T10:00:00Z", 12.0), List.of("2026-03-01T11:00:00Z", -99),
						java.util.Arrays.asList("2026-03-01T12:00:00Z", null), List.of("2026-03-01T13:00:00Z", "NA"),
						List.of("2026-03-01T14:00:00Z", 2000), List.of("2026-03-01T15:00:00Z", 14.0)));

		Api.Response answer = api.post("/v1.1/CreateObservations?reasons=true", List.of(group));

		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		JsonNode rows = answer.json();
		assertThat(rows.size()).isEqualTo(6);
		assertThat(rows.get(0).toString()).contains("Observations(");
		assertThat(rows.get(1).toString()).contains("sentinel");
		assertThat(rows.get(2).toString()).contains("null");
		assertThat(rows.get(3).toString()).contains("sentinel");
		assertThat(rows.get(4).toString()).contains("valid range");
		assertThat(rows.get(5).toString()).contains("Observations(");
		assertThat(stored(stream)).isEqualTo(2);
	}

	@Test
	void aBatchAndADeepInsertRefuseASentinel() {
		long stream = airQuality();
		Map<String, Object> sentinel = Map.of("id", "bad", "method", "post", "url", "Datastreams(" + stream + ")/Observations",
				"body", Map.of("phenomenonTime", "2026-03-01T10:00:00Z", "result", -99));

		Api.Response batch = api.post("/v1.1/$batch", Map.of("requests", List.of(sentinel)));

		assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
		JsonNode response = batch.json().get("responses").get(0);
		assertThat(response.get("status").asInt()).isEqualTo(400);
		assertThat(response.toString()).contains("sentinel");
		Map<String, Object> deep = new HashMap<>(Fixtures.datastreamWithThing("deep-" + UUID.randomUUID()));
		deep.put("properties", Map.of("cabildo:sentinels", List.of(-99)));
		deep.put("Observations", List.of(Map.of("phenomenonTime", "2026-03-01T10:00:00Z", "result", -99)));
		Api.Response created = api.post("/v1.1/Datastreams", deep);
		assertThat(created.status()).as(created.toString()).isEqualTo(400);
		assertThat(created.body()).contains("sentinel");
		assertThat(stored(stream)).isZero();
	}

	@Test
	void aPatchOrPutOfAResultIsCheckedToo() {
		long stream = airQuality();
		long observation = post(stream, 10).id();

		Api.Response patched = api.patch("/v1.1/Observations(" + observation + ")", Map.of("result", -99));
		Api.Response put = api.put("/v1.1/Observations(" + observation + ")",
				Map.of("phenomenonTime", "2026-03-01T10:00:00Z", "result", "NA"));

		assertThat(patched.status()).isEqualTo(400);
		assertThat(patched.body()).contains("sentinel");
		assertThat(put.status()).isEqualTo(400);
		assertThat(api.get("/v1.1/Observations(" + observation + ")").json().get("result").asDouble()).isEqualTo(10);
		assertThat(api.patch("/v1.1/Observations(" + observation + ")", Map.of("result", 11)).status()).isEqualTo(200);
	}

	@Test
	void reservedPropertiesThatMakeNoSenseAreRefusedWhereTheyAre() {
		Map<String, Object> body = new HashMap<>(Fixtures.datastreamWithThing("rules-" + UUID.randomUUID()));
		body.put("properties", Map.of("cabildo:validRange", Map.of("min", 10, "max", 1)));
		Api.Response inverted = api.post("/v1.1/Datastreams", body);
		long stream = airQuality();
		Api.Response notAList = api.patch("/v1.1/Datastreams(" + stream + ")",
				Map.of("properties", Map.of("cabildo:sentinels", -99)));
		Api.Response corrections = api.patch("/v1.1/Datastreams(" + stream + ")",
				Map.of("properties", Map.of("cabildo:corrections", "sometimes")));

		assertThat(inverted.status()).isEqualTo(400);
		assertThat(inverted.json().get("pointer").asString()).isEqualTo("/properties/cabildo:validRange");
		assertThat(notAList.status()).isEqualTo(400);
		assertThat(notAList.json().get("pointer").asString()).isEqualTo("/properties/cabildo:sentinels");
		assertThat(corrections.status()).isEqualTo(400);
		// A change of the rules holds from the next observation on.
		assertThat(api.patch("/v1.1/Datastreams(" + stream + ")",
				Map.of("properties", Map.of("cabildo:validRange", Map.of("min", 0, "max", 50)))).status()).isEqualTo(200);
		assertThat(post(stream, 60).status()).isEqualTo(400);
		assertThat(post(stream, -99).status()).isEqualTo(400);
	}

	@Test
	void aMultiDatastreamChecksEachValueAgainstItsDataType() {
		Map<String, Object> multi = new HashMap<>(org.cabildo.support.StreamKind.MULTI_DATASTREAM
			.withThing("multi-checks-" + UUID.randomUUID()));
		multi.put("properties", Map.of("cabildo:sentinels", List.of(-99)));
		Api.Response created = api.post("/v1.1/MultiDatastreams", multi);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode types = api.get("/v1.1/MultiDatastreams(" + created.id() + ")").json().get("multiObservationDataTypes");
		int components = types.size();
		List<Object> good = new java.util.ArrayList<>();
		List<Object> bad = new java.util.ArrayList<>();
		for (int i = 0; i < components; i++) {
			good.add(1 + i);
			bad.add(i == components - 1 ? -99 : 1);
		}

		Api.Response refused = api.post("/v1.1/MultiDatastreams(" + created.id() + ")/Observations",
				Map.of("phenomenonTime", "2026-03-01T10:00:00Z", "result", bad));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.body()).contains("value " + (components - 1) + " of the result").contains("sentinel");
		assertThat(api.post("/v1.1/MultiDatastreams(" + created.id() + ")/Observations",
				Map.of("phenomenonTime", "2026-03-01T10:00:00Z", "result", good)).status()).isEqualTo(201);
	}

}
