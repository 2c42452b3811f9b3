package org.cabildo.governance.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import org.cabildo.IntegrationTest;
import org.cabildo.governance.Register;
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
 * {@code POST /api/register/bulk}: a city's network declared or moved in one request (by Thing,
 * organisation, list of ids or template), all or nothing, with the rules and messages of the
 * single changes and every problem pointed at its stream.
 */
@IntegrationTest
@TestPropertySource(properties = "cabildo.test.declare-datastreams=false")
class BulkChangesTest {

	private static final Map<String, Object> SQUARE = Map.of("type", "Polygon", "coordinates", List.of(List.of(
			List.of(-99.14, 19.42), List.of(-99.12, 19.42), List.of(-99.12, 19.44), List.of(-99.14, 19.44),
			List.of(-99.14, 19.42))));

	@LocalServerPort
	int port;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	Tokens tokens;

	@Autowired
	Register register;

	@Autowired
	JdbcClient jdbc;

	private Organisation office;

	private Api steward;

	private long thing;

	private List<Long> streams;

	@BeforeEach
	void setUp() {
		office = organisations.create("bulk-" + UUID.randomUUID());
		steward = person(office, Role.STEWARD, Role.OPERATOR);
		thing = steward.post("/v1.1/Things", Map.of("name", "station", "description", "a station", "Locations",
				List.of(Map.of("name", "here", "description", "a place", "encodingType", "application/geo+json",
						"location", Map.of("type", "Point", "coordinates", List.of(-99.13, 19.43)))))).id();
		streams = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			streams.add(datastreamOf(steward, thing));
		}
	}

	private Api person(Organisation organisation, Role... roles) {
		Person person = people.create("bulk-" + UUID.randomUUID().toString().substring(0, 8), null, organisation.id(),
				"test");
		for (Role role : roles) {
			people.grant(person.id(), organisation.id(), role, "test");
		}
		return Api.anonymous(port).as(Api.bearer(tokens.create(person.id(), "bulk", null, "test").secret()));
	}

	private static long datastreamOf(Api api, long thing) {
		Map<String, Object> datastream = new HashMap<>(Fixtures.datastreamWithThing("bulk-" + UUID.randomUUID()));
		datastream.put("Thing", Map.of("@iot.id", thing));
		Api.Response created = api.post("/v1.1/Datastreams", datastream);
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		return created.id();
	}

	private Api.Response bulk(Api who, Map<String, Object> body) {
		return who.post("/api/register/bulk", body);
	}

	private boolean declared(long datastream) {
		return register.current(datastream).isPresent();
	}

	private List<String> ledger(String kind, long datastream) {
		return jdbc.sql("SELECT detail FROM ledger_entries WHERE kind = ? AND datastreams = ? ORDER BY seq")
			.params(kind, Long.toString(datastream))
			.query(String.class)
			.list();
	}

	private static Map<String, Object> pilot(Map<String, Object> area) {
		return Map.of("area", area, "endsOn", LocalDate.now(ZoneOffset.UTC).plusDays(90).toString());
	}

	@Test
	@DisplayName("a Thing's streams declared in one request: a dry run applies nothing, then each is declared and ledgered")
	void declareByThing() {
		Map<String, Object> body = new HashMap<>(Map.of("select", Map.of("thing", thing), "declaration",
				Fixtures.openLabDeclaration(), "dryRun", true));

		Api.Response preview = bulk(steward, body);

		assertThat(preview.status()).as("%s", preview).isEqualTo(200);
		assertThat(preview.json().get("applied").asBoolean()).isFalse();
		assertThat(preview.json().get("count").asInt()).isEqualTo(3);
		assertThat(streams).noneMatch(this::declared);

		body.put("dryRun", false);
		Api.Response applied = bulk(steward, body);

		assertThat(applied.status()).as("%s", applied).isEqualTo(200);
		assertThat(applied.json().get("applied").asBoolean()).isTrue();
		assertThat(applied.json().get("streams").valueStream().map(s -> s.get("datastream").asLong()))
			.containsExactlyElementsOf(streams);
		for (long datastream : streams) {
			assertThat(register.current(datastream).orElseThrow().stage().id()).isEqualTo("lab");
			assertThat(ledger("declaration", datastream)).hasSize(1);
		}
	}

	@Test
	@DisplayName("all or nothing: every stream's problem is listed with its pointer (bad pilot area, another organisation's stream)")
	void allOrNothing() {
		Organisation other = organisations.create("bulk-other-" + UUID.randomUUID());
		Api otherSteward = person(other, Role.STEWARD, Role.OPERATOR);
		long foreign = datastreamOf(otherSteward, otherSteward.post("/v1.1/Things", Map.of("name", "t",
				"description", "t")).id());
		Map<String, Object> declaration = new HashMap<>(Fixtures.openLabDeclaration());
		declaration.put("stage", "pilot");
		declaration.put("pilot", pilot(Map.of("type", "Point", "coordinates", List.of(-99.1, 19.4))));
		List<Long> selected = new ArrayList<>(streams);
		selected.add(foreign);

		Api.Response refused = bulk(steward, Map.of("select", Map.of("datastreams", selected), "declaration",
				declaration));

		assertThat(refused.status()).as("%s", refused).isEqualTo(400);
		JsonNode problems = refused.json().get("problems");
		for (long datastream : streams) {
			assertThat(problems.valueStream()).anySatisfy(problem -> {
				assertThat(problem.get("datastream").asLong()).isEqualTo(datastream);
				assertThat(problem.get("pointer").asString()).isEqualTo("/declaration/pilot/area");
			});
		}
		assertThat(problems.valueStream()).anySatisfy(problem -> {
			assertThat(problem.get("datastream").asLong()).isEqualTo(foreign);
			assertThat(problem.get("status").asInt()).isEqualTo(403);
		});
		assertThat(selected).noneMatch(this::declared);
		assertThat(bulk(Api.anonymous(port), Map.of("select", Map.of("datastreams", streams), "declaration",
				Fixtures.openLabDeclaration())).status()).isEqualTo(401);
	}

	@Test
	@DisplayName("an organisation's streams moved to pilot in one request, by the stage rules, each ledgered")
	void moveByOrganisation() {
		assertThat(bulk(steward, Map.of("select", Map.of("thing", thing), "declaration", Fixtures.openLabDeclaration()))
			.status()).isEqualTo(200);

		Api.Response point = bulk(steward, Map.of("select", Map.of("organisation", office.name()), "move", Map.of(
				"stage", "pilot", "reason", "a pilot", "pilot", pilot(Map.of("type", "Point", "coordinates",
						List.of(-99.1, 19.4))))));
		assertThat(point.status()).as("%s", point).isEqualTo(409);
		assertThat(point.json().get("problems").get(0).get("pointer").asString()).isEqualTo("/move/pilot/area");
		assertThat(point.json().get("problems").get(0).get("rule").asString()).isEqualTo("pilot-area");

		Api.Response moved = bulk(steward, Map.of("select", Map.of("organisation", Long.toString(office.id())), "move",
				Map.of("stage", "pilot", "reason", "the centre, for a season", "pilot", pilot(SQUARE))));

		assertThat(moved.status()).as("%s", moved).isEqualTo(200);
		for (long datastream : streams) {
			assertThat(register.current(datastream).orElseThrow().stage().id()).isEqualTo("pilot");
			assertThat(ledger("stage", datastream)).containsExactly("stage lab -> pilot: the centre, for a season");
		}
	}

	@Test
	@DisplayName("a published template applied to the streams of its scope that exist already")
	void template() {
		Api.Response published = steward.put("/api/register/templates/things/" + thing, Fixtures.openLabDeclaration());
		assertThat(published.status()).as("%s", published).isEqualTo(200);
		long template = published.json().get("id").asLong();

		Api.Response applied = bulk(steward, Map.of("template", template));

		assertThat(applied.status()).as("%s", applied).isEqualTo(200);
		for (long datastream : streams) {
			JsonNode entry = Api.anonymous(port).get("/api/register/" + datastream).json();
			assertThat(entry.get("origin").get("template").asLong()).isEqualTo(template);
		}
	}

	@Test
	@DisplayName("bounded: more than the maximum number of streams is refused with 413; one action at a time")
	void bounded() {
		List<Long> many = LongStream.rangeClosed(1, BulkChanges.MAX_STREAMS + 1).boxed().toList();
		Api.Response tooMany = bulk(steward, Map.of("select", Map.of("datastreams", many), "declaration",
				Fixtures.openLabDeclaration()));
		assertThat(tooMany.status()).as("%s", tooMany).isEqualTo(413);
		Api.Response two = bulk(steward, Map.of("select", Map.of("thing", thing), "declaration",
				Fixtures.openLabDeclaration(), "move", Map.of("stage", "retired", "reason", "r")));
		assertThat(two.status()).isEqualTo(400);
	}

	@Test
	@DisplayName("a bulk change whose retention removes stored Observations says how many, and applies once confirmed")
	void retentionConfirmed() {
		assertThat(bulk(steward, Map.of("select", Map.of("thing", thing), "declaration", Fixtures.openLabDeclaration()))
			.status()).isEqualTo(200);
		Instant old = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
		for (long datastream : streams.subList(0, 2)) {
			assertThat(steward.post("/v1.1/Datastreams(" + datastream + ")/Observations",
					Map.of("phenomenonTime", old.toString(), "result", 1)).status()).isEqualTo(201);
		}
		Map<String, Object> shorter = new HashMap<>(Fixtures.openLabDeclaration());
		shorter.put("retention", Map.of("duration", "P7D", "keeps", "nothing"));
		Map<String, Object> body = new HashMap<>(Map.of("select", Map.of("thing", thing), "declaration", shorter));

		Api.Response refused = bulk(steward, body);
		assertThat(refused.status()).as("%s", refused).isEqualTo(409);
		assertThat(refused.json().get("removes").asLong()).isEqualTo(2);
		body.put("dryRun", true);
		JsonNode preview = bulk(steward, body).json();
		assertThat(preview.get("removes").asLong()).isEqualTo(2);
		assertThat(preview.get("streams").get(0).get("removes").get("observations").asLong()).isEqualTo(1);
		body.put("dryRun", false);
		body.put("confirm", 2);

		Api.Response applied = bulk(steward, body);

		assertThat(applied.status()).as("%s", applied).isEqualTo(200);
		assertThat(register.current(streams.getFirst()).orElseThrow().retention().duration()).isEqualTo("P7D");
	}

}
