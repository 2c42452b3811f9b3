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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * A reading re-sent for the same stream and phenomenonTime with another result corrects the
 * stored Observation in place (same id), keeping the earlier result as a revision, unless the
 * stream keeps both ({@code cabildo:corrections: "keep-both"}); the same result stays a duplicate.
 */
@IntegrationTest
class CorrectionsTest {

	private static final String HOUR = "2026-03-01T10:00:00Z";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	private long datastream(Map<String, Object> properties) {
		Map<String, Object> body = new HashMap<>(Fixtures.datastreamWithThing("corrections-" + UUID.randomUUID()));
		if (properties != null) {
			body.put("properties", properties);
		}
		Api.Response created = api.post("/v1.1/Datastreams", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.id();
	}

	private Api.Response post(long datastream, String time, Object result) {
		return api.post("/v1.1/Datastreams(" + datastream + ")/Observations",
				Map.of("phenomenonTime", time, "result", result));
	}

	private JsonNode observations(long datastream) {
		return api.get("/v1.1/Datastreams(" + datastream + ")/Observations", "$count", "true", "$orderby", "id")
			.json();
	}

	private List<Double> revisions(long observation) {
		return jdbc.sql("SELECT result_number FROM observation_revisions WHERE observation_id = ? ORDER BY id")
			.param(observation)
			.query(Double.class)
			.list();
	}

	@Test
	void aCorrectedValueForAnHourAlreadyStoredCorrectsThatObservationInPlace() {
		long stream = datastream(null);
		Api.Response first = post(stream, HOUR, 41.5);

		Api.Response corrected = post(stream, HOUR, 43.0);

		assertThat(first.status()).isEqualTo(201);
		assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
		assertThat(corrected.id()).isEqualTo(first.id());
		assertThat(corrected.header("Location")).contains("Observations(" + first.id() + ")");
		assertThat(corrected.json().get("result").asDouble()).isEqualTo(43.0);
		JsonNode stored = observations(stream);
		assertThat(stored.get("@iot.count").asInt()).isEqualTo(1);
		assertThat(stored.get("value").get(0).get("result").asDouble()).isEqualTo(43.0);
		assertThat(revisions(first.id())).containsExactly(41.5);
	}

	@Test
	void theSameResultStaysADuplicateAndDuplicatesAllowStoresItAgain() {
		long stream = datastream(null);
		long id = post(stream, HOUR, 41.5).id();

		Api.Response again = post(stream, HOUR, 41.5);

		assertThat(again.status()).isEqualTo(201);
		assertThat(again.id()).isEqualTo(id);
		assertThat(revisions(id)).isEmpty();
		Api.Response allowed = api.post("/v1.1/Datastreams(" + stream + ")/Observations?duplicates=allow",
				Map.of("phenomenonTime", HOUR, "result", 50.0));
		assertThat(allowed.status()).isEqualTo(201);
		assertThat(allowed.id()).isNotEqualTo(id);
		assertThat(observations(stream).get("@iot.count").asInt()).isEqualTo(2);
	}

	@Test
	void aStreamThatKeepsBothStoresASecondObservation() {
		long stream = datastream(Map.of("cabildo:corrections", "keep-both"));
		long id = post(stream, HOUR, 41.5).id();

		Api.Response second = post(stream, HOUR, 43.0);

		assertThat(second.status()).isEqualTo(201);
		assertThat(second.id()).isNotEqualTo(id);
		assertThat(observations(stream).get("@iot.count").asInt()).isEqualTo(2);
		assertThat(revisions(id)).isEmpty();
	}

	private long revisionsOfStream(long datastream) {
		return jdbc.sql("SELECT COUNT(*) FROM observation_revisions WHERE datastream_id = ?").param(datastream)
			.query(Long.class).single();
	}

	@Test
	void deletingAnObservationDeletesItsRevisionsOnly() {
		long stream = datastream(null);
		long corrected = post(stream, HOUR, 41.5).id();
		post(stream, HOUR, 43.0);
		long other = post(stream, "2026-03-01T11:00:00Z", 1.0).id();
		post(stream, "2026-03-01T11:00:00Z", 2.0);

		assertThat(api.delete("/v1.1/Observations(" + corrected + ")").status()).isEqualTo(200);

		assertThat(revisions(corrected)).as("the earlier values do not outlive their Observation").isEmpty();
		assertThat(revisions(other)).containsExactly(1.0);
	}

	@Test
	void deletingADatastreamOrItsThingDeletesItsRevisions() {
		long stream = datastream(null);
		post(stream, HOUR, 41.5);
		post(stream, HOUR, 43.0);
		long viaThing = datastream(null);
		post(viaThing, HOUR, 1.0);
		post(viaThing, HOUR, 2.0);
		long thing = api.get("/v1.1/Datastreams(" + viaThing + ")/Thing").json().get("@iot.id").asLong();
		assertThat(revisionsOfStream(stream)).isEqualTo(1);
		assertThat(revisionsOfStream(viaThing)).isEqualTo(1);

		assertThat(api.delete("/v1.1/Datastreams(" + stream + ")").status()).isEqualTo(200);
		assertThat(api.delete("/v1.1/Things(" + thing + ")").status()).isEqualTo(200);

		assertThat(revisionsOfStream(stream)).isZero();
		assertThat(revisionsOfStream(viaThing)).isZero();
	}

	@Test
	void aDataArrayCorrectsInPlaceAndSaysSo() {
		long stream = datastream(null);
		long ten = post(stream, HOUR, 41.5).id();
		long eleven = post(stream, "2026-03-01T11:00:00Z", 12.0).id();
		Map<String, Object> group = Map.of("Datastream", Map.of("@iot.id", stream), "components",
				List.of("phenomenonTime", "result"), "dataArray", List.of(List.of(HOUR, 42.0),
						List.of("2026-03-01T11:00:00Z", 12.0), List.of("2026-03-01T12:00:00Z", 14.0)));

		Api.Response plain = api.post("/v1.1/CreateObservations", List.of(group));

		assertThat(plain.status()).as(plain.toString()).isEqualTo(201);
		assertThat(plain.json().get(0).asString()).endsWith("Observations(" + ten + ")");
		assertThat(plain.json().get(1).asString()).endsWith("Observations(" + eleven + ")");
		JsonNode stored = observations(stream);
		assertThat(stored.get("@iot.count").asInt()).isEqualTo(3);
		assertThat(stored.get("value").get(0).get("result").asDouble()).isEqualTo(42.0);
		assertThat(revisions(ten)).containsExactly(41.5);
		Map<String, Object> again = Map.of("Datastream", Map.of("@iot.id", stream), "components",
				List.of("phenomenonTime", "result"), "dataArray", List.of(List.of(HOUR, 44.0), List.of(HOUR, 44.0)));
		JsonNode reasons = api.post("/v1.1/CreateObservations?reasons=true", List.of(again)).json();
		assertThat(reasons.get(0).get("corrected").asBoolean()).isTrue();
		assertThat(reasons.get(0).get("selfLink").asString()).endsWith("Observations(" + ten + ")");
		assertThat(reasons.get(1).get("duplicate").asBoolean()).isTrue();
		assertThat(revisions(ten)).containsExactly(41.5, 42.0);
		assertThat(observations(stream).get("@iot.count").asInt()).isEqualTo(3);
	}

}
