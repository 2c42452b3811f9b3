package org.cabildo.sensing.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.cabildo.support.StreamKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * A correction made by each way of writing (POST, DataArray, {@code $batch} with and without a
 * changeset) to a Datastream and a MultiDatastream, and by two rows of one request: the stored
 * value, the revision (with who wrote the correcting row) and the ledger entry.
 */
@IntegrationTest
class CorrectionPathsTest {

	private static final String HOUR = "2026-03-01T10:00:00Z";

	/** Who the test client signs in as (with a personal API token), as revisions and the ledger name it. */
	private static final String OPERATOR = "person " + Api.TEST_USER;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	private long stream(StreamKind kind, Map<String, Object> properties) {
		Map<String, Object> body = new HashMap<>(kind.withThing("correction-paths-" + UUID.randomUUID()));
		if (properties != null) {
			body.put("properties", properties);
		}
		Api.Response created = api.post("/v1.1/" + kind.set(), body);
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		return created.id();
	}

	private long post(StreamKind kind, long stream, double value) {
		Api.Response created = api.post(kind.path(stream) + "/Observations",
				Map.of("phenomenonTime", HOUR, "result", kind.result(value)));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		return created.id();
	}

	private Map<String, Object> dataArray(StreamKind kind, long stream, double... values) {
		List<List<Object>> rows = new ArrayList<>();
		for (double value : values) {
			rows.add(List.of(HOUR, kind.result(value)));
		}
		return Map.of(kind.entity(), Map.of("@iot.id", stream), "components", List.of("phenomenonTime", "result"),
				"dataArray", rows);
	}

	private Map<String, Object> batchPost(StreamKind kind, long stream, String id, String group, double value) {
		Map<String, Object> request = new HashMap<>(Map.of("id", id, "method", "post", "url",
				kind.set() + "(" + stream + ")/Observations", "body",
				Map.of("phenomenonTime", HOUR, "result", kind.result(value))));
		if (group != null) {
			request.put("atomicityGroup", group);
		}
		return request;
	}

	/** The stream's Observations, their results' value under test in id order. */
	private List<Double> stored(StreamKind kind, long stream) {
		JsonNode value = api.get(kind.path(stream) + "/Observations", "$orderby", "id").json().get("value");
		List<Double> results = new ArrayList<>();
		value.forEach(observation -> results.add(kind.value(observation.get("result")).asDouble()));
		return results;
	}

	private long onlyObservation(StreamKind kind, long stream) {
		JsonNode value = api.get(kind.path(stream) + "/Observations").json().get("value");
		assertThat(value).hasSize(1);
		return value.get(0).get("@iot.id").asLong();
	}

	/** The earlier results of an Observation (their value under test) and who replaced each. */
	private List<String> revisions(StreamKind kind, long observation) {
		return jdbc.sql("SELECT result_number, result_json, revised_by FROM observation_revisions"
				+ " WHERE observation_id = ? ORDER BY id")
			.param(observation)
			.query((rs, n) -> {
				double number = rs.getDouble(1);
				String value = rs.wasNull() ? Double.toString(Api.json(rs.getString(2)).get(0).asDouble())
						: Double.toString(number);
				return value + " by " + rs.getString(3);
			})
			.list();
	}

	private List<String> ledgered(long observation) {
		return jdbc.sql("SELECT actor FROM ledger_entries WHERE kind = 'correction' AND (detail LIKE ? OR detail LIKE ?)")
			.params("%: " + observation, "%: " + observation + ", %")
			.query(String.class)
			.list();
	}

	@ParameterizedTest
	@EnumSource(StreamKind.class)
	void aPostCorrectsInPlaceRecordingItsWriter(StreamKind kind) {
		long stream = stream(kind, null);
		long id = post(kind, stream, 41.5);

		Api.Response corrected = api.post(kind.path(stream) + "/Observations",
				Map.of("phenomenonTime", HOUR, "result", kind.result(43.0)));

		assertThat(corrected.status()).as("%s", corrected).isEqualTo(200);
		assertThat(corrected.id()).isEqualTo(id);
		assertThat(stored(kind, stream)).containsExactly(43.0);
		assertThat(revisions(kind, id)).containsExactly("41.5 by " + OPERATOR);
		assertThat(ledgered(id)).containsExactly(OPERATOR);
	}

	@ParameterizedTest
	@EnumSource(StreamKind.class)
	void aDataArrayCorrectsAStoredObservationRecordingItsWriter(StreamKind kind) {
		long stream = stream(kind, null);
		long id = post(kind, stream, 41.5);

		JsonNode outcomes = api.post("/v1.1/CreateObservations?reasons=true", List.of(dataArray(kind, stream, 43.0)))
			.json();

		assertThat(outcomes.get(0).get("corrected").asBoolean()).as("%s", outcomes).isTrue();
		assertThat(outcomes.get(0).get("selfLink").asString()).endsWith("Observations(" + id + ")");
		assertThat(stored(kind, stream)).containsExactly(43.0);
		assertThat(revisions(kind, id)).containsExactly("41.5 by " + OPERATOR);
		assertThat(ledgered(id)).containsExactly(OPERATOR);
	}

	@ParameterizedTest
	@EnumSource(StreamKind.class)
	void twoResultsForOneTimeInOneDataArrayKeepTheLaterAndSaySo(StreamKind kind) {
		long stream = stream(kind, null);

		JsonNode outcomes = api
			.post("/v1.1/CreateObservations?reasons=true", List.of(dataArray(kind, stream, 41.5, 43.0, 43.0)))
			.json();

		long id = onlyObservation(kind, stream);
		assertThat(outcomes.get(0).get("selfLink").asString()).as("%s", outcomes).endsWith("Observations(" + id + ")");
		assertThat(outcomes.get(0).has("corrected")).isFalse();
		assertThat(outcomes.get(1).get("corrected").asBoolean()).isTrue();
		assertThat(outcomes.get(1).get("selfLink").asString()).endsWith("Observations(" + id + ")");
		assertThat(outcomes.get(2).get("duplicate").asBoolean()).as("the same as the result it now holds").isTrue();
		assertThat(stored(kind, stream)).containsExactly(43.0);
		assertThat(revisions(kind, id)).containsExactly("41.5 by " + OPERATOR);
		assertThat(ledgered(id)).containsExactly(OPERATOR);
	}

	@Test
	void aResultSentAgainAfterAnotherInOneDataArrayCorrectsBack() {
		long stream = stream(StreamKind.DATASTREAM, null);
		long id = post(StreamKind.DATASTREAM, stream, 41.5);

		JsonNode outcomes = api.post("/v1.1/CreateObservations?reasons=true",
				List.of(dataArray(StreamKind.DATASTREAM, stream, 43.0, 41.5))).json();

		assertThat(outcomes.get(1).get("corrected").asBoolean()).as("%s", outcomes).isTrue();
		assertThat(stored(StreamKind.DATASTREAM, stream)).containsExactly(41.5);
		assertThat(revisions(StreamKind.DATASTREAM, id)).containsExactly("41.5 by " + OPERATOR, "43.0 by " + OPERATOR);
	}

	@Test
	void aStreamThatKeepsBothStoresBothResultsOfOneDataArray() {
		long stream = stream(StreamKind.DATASTREAM, Map.of("cabildo:corrections", "keep-both"));

		JsonNode outcomes = api.post("/v1.1/CreateObservations?reasons=true",
				List.of(dataArray(StreamKind.DATASTREAM, stream, 41.5, 43.0, 41.5))).json();

		assertThat(outcomes.get(1).has("corrected")).as("%s", outcomes).isFalse();
		assertThat(outcomes.get(2).get("duplicate").asBoolean()).isTrue();
		assertThat(stored(StreamKind.DATASTREAM, stream)).containsExactly(41.5, 43.0);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM observation_revisions WHERE datastream_id = ?").param(stream)
			.query(Long.class).single()).isZero();
	}

	@ParameterizedTest
	@EnumSource(StreamKind.class)
	void twoResultsForOneTimeInOneChangesetKeepTheLater(StreamKind kind) {
		long stream = stream(kind, null);

		Api.Response batch = api.post("/v1.1/$batch", Map.of("requests",
				List.of(batchPost(kind, stream, "1", "g", 41.5), batchPost(kind, stream, "2", "g", 43.0))));

		assertThat(batch.status()).as("%s", batch).isEqualTo(200);
		JsonNode responses = batch.json().get("responses");
		assertThat(responses.get(0).get("status").asInt()).as("%s", responses).isEqualTo(201);
		assertThat(responses.get(1).get("status").asInt() / 100).as("%s", responses).isEqualTo(2);
		long id = onlyObservation(kind, stream);
		assertThat(stored(kind, stream)).containsExactly(43.0);
		assertThat(revisions(kind, id)).containsExactly("41.5 by " + OPERATOR);
		assertThat(ledgered(id)).containsExactly(OPERATOR);
	}

	@ParameterizedTest
	@EnumSource(StreamKind.class)
	void aBatchWithoutChangesetCorrectsAStoredObservation(StreamKind kind) {
		long stream = stream(kind, null);
		long id = post(kind, stream, 41.5);

		Api.Response batch = api.post("/v1.1/$batch",
				Map.of("requests", List.of(batchPost(kind, stream, "1", null, 43.0))));

		JsonNode response = batch.json().get("responses").get(0);
		assertThat(response.get("status").asInt()).as("%s", batch).isEqualTo(200);
		assertThat(stored(kind, stream)).containsExactly(43.0);
		assertThat(revisions(kind, id)).containsExactly("41.5 by " + OPERATOR);
		assertThat(ledgered(id)).containsExactly(OPERATOR);
	}

	@ParameterizedTest
	@EnumSource(StreamKind.class)
	void aChangesetCorrectsAStoredObservation(StreamKind kind) {
		long stream = stream(kind, null);
		long id = post(kind, stream, 41.5);

		Api.Response batch = api.post("/v1.1/$batch",
				Map.of("requests", List.of(batchPost(kind, stream, "1", "g", 43.0))));

		assertThat(batch.json().get("responses").get(0).get("status").asInt() / 100).as("%s", batch).isEqualTo(2);
		assertThat(stored(kind, stream)).containsExactly(43.0);
		assertThat(revisions(kind, id)).containsExactly("41.5 by " + OPERATOR);
		assertThat(ledgered(id)).containsExactly(OPERATOR);
	}

}
