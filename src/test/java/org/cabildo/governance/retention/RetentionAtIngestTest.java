package org.cabildo.governance.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import java.util.UUID;

import org.cabildo.IntegrationTest;
import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Person;
import org.cabildo.identity.Role;
import org.cabildo.identity.Tokens;
import org.cabildo.support.Api;
import org.cabildo.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Rows that arrive already past their stream's retention (issue 15): never a 201 for a row the next
 * retention run removes. The city is São Paulo, whose clocks moved forward at midnight on 4 November
 * 2018 (a local day of 23 hours), so that local days differ from UTC days.
 */
@IntegrationTest
@TestPropertySource(properties = { "cabildo.governance.retention.interval=100000h",
		"cabildo.city.time-zone=America/Sao_Paulo" })
class RetentionAtIngestTest {

	private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

	@LocalServerPort
	int port;

	@Autowired
	RetentionJob retention;

	@Autowired
	JdbcClient jdbc;

	private Api api;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	Tokens tokens;

	/** A steward (and operator) of a new organisation: it creates the streams and declares them. */
	@BeforeEach
	void setUp() {
		Organisation city = organisations.create("retention city " + UUID.randomUUID().toString().substring(0, 8));
		Person person = people.create("steward-" + UUID.randomUUID().toString().substring(0, 8), null, city.id(), "test");
		people.grant(person.id(), city.id(), Role.STEWARD, "test");
		people.grant(person.id(), city.id(), Role.OPERATOR, "test");
		api = Api.anonymous(port).as(Api.bearer(tokens.create(person.id(), "retention", null, "test").secret()));
	}

	@Test
	@DisplayName("the README's declaration (P365D, aggregates per P1D): a row from two years ago is folded into the"
			+ " aggregates and the sender told so, not answered 201 and removed later")
	void aRowPastRetentionIsFoldedNotCreated() {
		long datastream = datastream(retention("P365D", "aggregates", "P1D"));
		Instant twoYearsAgo = Instant.now().minus(Duration.ofDays(730));

		Api.Response old = api.post("/v1.1/Datastreams(" + datastream + ")/Observations",
				Map.of("phenomenonTime", twoYearsAgo.toString(), "result", 42.5));
		Api.Response recent = api.post("/v1.1/Datastreams(" + datastream + ")/Observations",
				Map.of("phenomenonTime", Instant.now().minusSeconds(60).toString(), "result", 1.5));

		assertThat(old.status()).as("%s", old).isEqualTo(202);
		assertThat(old.json().get("folded").asBoolean()).isTrue();
		assertThat(old.json().get("note").asString()).contains("past the retention", "P365D", "aggregates");
		assertThat(recent.status()).as("%s", recent).isEqualTo(201);
		assertThat(storedCount(datastream)).isEqualTo(1);
		JsonNode aggregates = aggregates(datastream);
		assertThat(aggregates).hasSize(1);
		assertThat(aggregates.get(0).get("count").asLong()).isEqualTo(1);
		assertThat(aggregates.get(0).get("mean").asDouble()).isEqualTo(42.5);
		assertThat(aggregates.get(0).get("timeZone").asString()).isEqualTo("America/Sao_Paulo");
		LocalDate day = LocalDate.ofInstant(twoYearsAgo, SAO_PAULO);
		assertThat(Instant.parse(aggregates.get(0).get("intervalStart").asString()))
			.isEqualTo(day.atStartOfDay(SAO_PAULO).toInstant());

		retention.run();

		assertThat(storedCount(datastream)).isEqualTo(1);
		assertThat(aggregates(datastream)).hasSize(1);
	}

	@Test
	@DisplayName("a folded reading sent again is acknowledged as a duplicate and not counted again; another result at"
			+ " its time is refused: the stored value is past the retention and can no longer be corrected")
	void aFoldedReadingCountsOnce() {
		long datastream = datastream(retention("P365D", "aggregates", "P1D"));
		String twoYearsAgo = Instant.now().minus(Duration.ofDays(730)).toString();
		String observations = "/v1.1/Datastreams(" + datastream + ")/Observations";

		Api.Response first = api.post(observations, Map.of("phenomenonTime", twoYearsAgo, "result", 42.5));
		Api.Response retry = api.post(observations, Map.of("phenomenonTime", twoYearsAgo, "result", 42.5));
		Api.Response other = api.post(observations, Map.of("phenomenonTime", twoYearsAgo, "result", 7));

		assertThat(first.status()).as("%s", first).isEqualTo(202);
		assertThat(first.json().has("duplicate")).isFalse();
		assertThat(retry.status()).as("%s", retry).isEqualTo(202);
		assertThat(retry.json().get("folded").asBoolean()).isTrue();
		assertThat(retry.json().get("duplicate").asBoolean()).isTrue();
		assertThat(retry.json().get("note").asString()).contains("already added", "not counted again");
		assertThat(other.status()).as("%s", other).isEqualTo(400);
		assertThat(other.body()).contains("another result", "can no longer be corrected", "/phenomenonTime");
		assertOneAggregate(datastream, 1, 42.5);
	}

	@Test
	@DisplayName("a DataArray folds each reading once: twice in one request, and the whole request retried")
	void aDataArrayFoldsEachReadingOnce() {
		long datastream = datastream(retention("P2Y", "aggregates", "P1D"));
		// 12:00 and 13:00 in São Paulo: one local day.
		List<List<Object>> rows = List.of(List.of("2018-06-10T15:00:00Z", 1.0), List.of("2018-06-10T15:00:00Z", 1.0),
				List.of("2018-06-10T16:00:00Z", 3.0));

		Api.Response sent = api.post("/v1.1/CreateObservations?reasons=true", dataArray(datastream, rows));
		Api.Response again = api.post("/v1.1/CreateObservations?reasons=true", dataArray(datastream, rows));

		assertThat(sent.status()).as("%s", sent).isEqualTo(201);
		sent.json().forEach(row -> assertThat(row.get("folded").asBoolean()).as("%s", row).isTrue());
		assertThat(sent.json().get(0).has("duplicate")).isFalse();
		assertThat(sent.json().get(1).get("duplicate").asBoolean()).isTrue();
		assertThat(sent.json().get(2).has("duplicate")).isFalse();
		again.json().forEach(row -> assertThat(row.get("duplicate").asBoolean()).as("%s", row).isTrue());
		assertThat(storedCount(datastream)).isZero();
		assertOneAggregate(datastream, 2, 2.0);
	}

	@Test
	@DisplayName("a $batch without changesets folds a reading once, however often its requests send it, and tells"
			+ " each request so")
	void aBatchFoldsEachReadingOnce() {
		long datastream = datastream(retention("P365D", "aggregates", "P1D"));
		Map<String, Object> reading = Map.of("phenomenonTime", Instant.now().minus(Duration.ofDays(800)).toString(),
				"result", 5.5);
		List<Map<String, Object>> requests = List.of(
				Map.of("id", "1", "method", "post", "url", "Datastreams(" + datastream + ")/Observations", "body",
						reading),
				Map.of("id", "2", "method", "post", "url", "Datastreams(" + datastream + ")/Observations", "body",
						reading));

		Api.Response batch = api.post("/v1.1/$batch", Map.of("requests", requests));

		assertThat(batch.status()).as("%s", batch).isEqualTo(200);
		JsonNode responses = batch.json().get("responses");
		assertThat(responses).hasSize(2);
		responses.forEach(response -> {
			assertThat(response.get("status").asInt()).as("%s", response).isEqualTo(202);
			assertThat(response.get("body").get("folded").asBoolean()).isTrue();
		});
		assertThat(responses.get(1).get("body").get("duplicate").asBoolean()).isTrue();
		assertOneAggregate(datastream, 1, 5.5);
	}

	@Test
	@DisplayName("what is kept to know a folded reading again is its time and a digest, never its result, and it"
			+ " goes with the aggregate it went into")
	void foldedKeysGoWithTheirAggregates() {
		long datastream = datastream(retention("P365D", "aggregates", "P1D"));
		Map<String, Object> reading = Map.of("phenomenonTime", Instant.now().minus(Duration.ofDays(500)).toString(),
				"result", 1234.5);
		String observations = "/v1.1/Datastreams(" + datastream + ")/Observations";
		assertThat(api.post(observations, reading).status()).isEqualTo(202);
		List<String> kept = jdbc.sql("SELECT result_digest FROM folded_readings WHERE datastream_id = ?")
			.param(datastream)
			.query(String.class)
			.list();
		assertThat(kept).hasSize(1);
		assertThat(kept.get(0)).matches("[0-9a-f]{64}").doesNotContain("1234");

		jdbc.sql("DELETE FROM observation_aggregates WHERE datastream_id = ?").param(datastream).update();

		assertThat(jdbc.sql("SELECT COUNT(*) FROM folded_readings WHERE datastream_id = ?").param(datastream)
			.query(Long.class)
			.single()).isZero();
		Api.Response sentAgain = api.post(observations, reading);
		assertThat(sentAgain.status()).as("%s", sentAgain).isEqualTo(202);
		assertThat(sentAgain.json().has("duplicate")).isFalse();
		assertThat(aggregates(datastream).get(0).get("count").asLong()).isEqualTo(1);
	}

	@Test
	@DisplayName("a row past a retention that keeps nothing is refused with the reason on every path")
	void aRowPastARetentionThatKeepsNothingIsRefused() {
		long datastream = datastream(retention("P30D", "nothing", null));
		String old = Instant.now().minus(Duration.ofDays(40)).toString();

		Api.Response single = api.post("/v1.1/Datastreams(" + datastream + ")/Observations",
				Map.of("phenomenonTime", old, "result", 1));
		Api.Response array = api.post("/v1.1/CreateObservations?reasons=true", dataArray(datastream,
				List.of(List.of(old, 1), List.of(Instant.now().minusSeconds(5).toString(), 2))));

		assertThat(single.status()).as("%s", single).isEqualTo(400);
		assertThat(single.body()).contains("past the retention", "P30D", "keeps nothing");
		assertThat(array.status()).as("%s", array).isEqualTo(201);
		assertThat(array.json().get(0).get("error").asString()).contains("past the retention");
		assertThat(array.json().get(1).has("selfLink")).isTrue();
		assertThat(storedCount(datastream)).isEqualTo(1);
	}

	@Test
	@DisplayName("a DataArray of history folds each row into the aggregate of its local day, 23 hours across the"
			+ " change of clocks, as computed here from the rows")
	void historyFoldsIntoLocalDays() {
		long datastream = datastream(retention("P2Y", "aggregates", "P1D"));
		List<Instant> times = new ArrayList<>();
		List<List<Object>> rows = new ArrayList<>();
		Instant first = Instant.parse("2018-11-02T12:00:00Z");
		for (int hour = 0; hour < 96; hour++) {
			Instant time = first.plus(Duration.ofHours(hour));
			times.add(time);
			rows.add(List.of(time.toString(), (double) (hour * 7 % 31)));
		}

		Api.Response answer = api.post("/v1.1/CreateObservations?reasons=true", dataArray(datastream, rows));

		assertThat(answer.status()).as("%s", answer).isEqualTo(201);
		answer.json().forEach(row -> assertThat(row.get("folded").asBoolean()).as("%s", row).isTrue());
		assertThat(storedCount(datastream)).isZero();
		// Expected: the rows grouped by their date on São Paulo's clocks, computed here.
		Map<LocalDate, List<Double>> byDay = new TreeMap<>();
		for (int i = 0; i < times.size(); i++) {
			byDay.computeIfAbsent(LocalDate.ofInstant(times.get(i), SAO_PAULO), d -> new ArrayList<>())
				.add((Double) rows.get(i).get(1));
		}
		assertThat(byDay.get(LocalDate.parse("2018-11-04"))).as("the day the clocks skipped an hour").hasSize(23);
		JsonNode served = aggregates(datastream);
		assertThat(served).hasSize(byDay.size());
		int i = 0;
		for (Map.Entry<LocalDate, List<Double>> day : byDay.entrySet()) {
			JsonNode aggregate = served.get(i++);
			List<Double> values = day.getValue();
			assertThat(aggregate.get("localStart").asString()).startsWith(day.getKey() + "T0");
			assertThat(Instant.parse(aggregate.get("intervalEnd").asString()))
				.isEqualTo(day.getKey().plusDays(1).atStartOfDay(SAO_PAULO).toInstant());
			assertThat(aggregate.get("count").asLong()).isEqualTo(values.size());
			assertThat(aggregate.get("min").asDouble()).isEqualTo(values.stream().mapToDouble(d -> d).min().orElseThrow());
			assertThat(aggregate.get("max").asDouble()).isEqualTo(values.stream().mapToDouble(d -> d).max().orElseThrow());
			assertThat(aggregate.get("mean").asDouble())
				.isCloseTo(values.stream().mapToDouble(d -> d).average().orElseThrow(), org.assertj.core.data.Offset.offset(1e-9));
		}
	}

	@Test
	@DisplayName("retention and granularity are ISO 8601 periods in full: P2Y, P1Y6M, P18M, PT12H and a P1M granularity"
			+ " are taken; a granularity that cannot cut the calendar is refused saying what can")
	void periodsInFull() {
		long datastream = datastream(null);
		for (Map<String, Object> taken : List.of(retention("P2Y", "aggregates", "P1M"),
				retention("P1Y6M", "aggregates", "PT1H"), retention("P18M", "nothing", null),
				retention("PT12H", "aggregates", "PT15M"), retention("P1DT12H", "aggregates", "P1D"))) {
			Api.Response declared = api.put("/api/register/" + datastream, declaration(taken));
			assertThat(declared.status()).as("%s: %s", taken, declared).isEqualTo(200);
		}

		Api.Response weekly = api.put("/api/register/" + datastream, declaration(retention("P2Y", "aggregates", "P7D")));
		Api.Response nonsense = api.put("/api/register/" + datastream, declaration(retention("2 years", "nothing", null)));

		assertThat(weekly.status()).isEqualTo(400);
		assertThat(weekly.body()).contains("/retention/granularity", "P1M", "P1D");
		assertThat(nonsense.status()).isEqualTo(400);
		assertThat(nonsense.body()).contains("/retention/duration", "P2Y", "P18M");
	}

	@Test
	@DisplayName("the ledger's summary says whose calendar its months are")
	void ledgerSummaryMonthsAreTheCitys() {
		Api.Response summary = Api.anonymous(port).get("/api/ledger/summary");

		assertThat(summary.status()).as("%s", summary).isEqualTo(200);
		assertThat(summary.json().get("timeZone").asString()).isEqualTo("America/Sao_Paulo");
	}

	private static Map<String, Object> retention(String duration, String keeps, String granularity) {
		Map<String, Object> retention = new HashMap<>();
		retention.put("duration", duration);
		retention.put("keeps", keeps);
		if (granularity != null) {
			retention.put("granularity", granularity);
		}
		return retention;
	}

	private static Map<String, Object> declaration(Map<String, Object> retention) {
		Map<String, Object> declaration = Fixtures.openLabDeclaration();
		declaration.put("retention", retention);
		return declaration;
	}

	private static List<Map<String, Object>> dataArray(long datastream, List<List<Object>> rows) {
		return List.of(Map.of("Datastream", Map.of("@iot.id", datastream), "components",
				List.of("phenomenonTime", "result"), "dataArray", rows));
	}

	/** A new Datastream, declared open with this retention (or as the test city's policy declares it). */
	private long datastream(Map<String, Object> retention) {
		Api.Response created = api.post("/v1.1/Datastreams",
				Fixtures.datastreamWithThing("ingest-retention-" + java.util.UUID.randomUUID()));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		if (retention != null) {
			Api.Response declared = api.put("/api/register/" + created.id(), declaration(retention));
			assertThat(declared.status()).as("%s", declared).isEqualTo(200);
		}
		return created.id();
	}

	private long storedCount(long datastream) {
		return jdbc.sql("SELECT COUNT(*) FROM observations WHERE datastream_id = ?").param(datastream)
			.query(Long.class)
			.single();
	}

	/** The stream's aggregates are of one interval, counting this many rows of this mean. */
	private void assertOneAggregate(long datastream, long count, double mean) {
		JsonNode aggregates = aggregates(datastream);
		assertThat(aggregates).hasSize(1);
		assertThat(aggregates.get(0).get("count").asLong()).isEqualTo(count);
		assertThat(aggregates.get(0).get("mean").asDouble()).isEqualTo(mean);
	}

	private JsonNode aggregates(long datastream) {
		Api.Response response = api.get("/api/register/" + datastream + "/aggregates");
		assertThat(response.status()).as("%s", response).isEqualTo(200);
		return response.json();
	}

}
