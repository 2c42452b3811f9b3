package org.cabildo.governance.objections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.cabildo.governance.Register;
import org.cabildo.governance.Stage;
import org.cabildo.governance.objections.TestCity.Office;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Tokens;
import org.cabildo.support.Api;
import org.cabildo.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The stage rules on the register, each refused with its reason and allowed once met. */
@MovingTime
class StagesTest {

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

	@Autowired
	MovableClock clock;

	private TestCity city;

	private Office office;

	private long datastream;

	@BeforeEach
	void setUp() {
		city = new TestCity(port, organisations, people, tokens, register, jdbc);
		office = city.office();
		datastream = city.datastream(office);
	}

	private Api.Response stage(Api who, Map<String, Object> body) {
		return who.post("/api/register/" + datastream + "/stage", body);
	}

	private Api.Response consultation(Api who) {
		return who.post("/api/register/" + datastream + "/consultation", null);
	}

	private static void refused(Api.Response response, String rule) {
		assertThat(response.status()).as("%s", response).isEqualTo(409);
		assertThat(response.json().get("rule").asString()).as("%s", response).isEqualTo(rule);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	@Test
	@DisplayName("an undeclared Datastream has no objections and no stages: 404")
	void undeclared() {
		assertThat(office.anonymous().post("/api/register/" + datastream + "/objections",
				Map.of("category", "other", "text", "x")).status()).isEqualTo(404);
		assertThat(stage(office.steward(), Map.of("stage", "retired", "reason", "r")).status()).isEqualTo(404);
	}

	@Test
	@DisplayName("lab → pilot needs a polygon and an end date after today")
	void pilot() {
		city.declare(datastream, Stage.LAB, null);
		assertThat(stage(office.operator(), Map.of("stage", "pilot", "reason", "r")).status()).isEqualTo(403);
		assertThat(stage(office.anonymous(), Map.of("stage", "pilot", "reason", "r")).status()).isEqualTo(401);
		assertThat(stage(office.steward(), Map.of("stage", "moon", "reason", "r")).json().get("pointer").asString())
			.isEqualTo("/stage");
		assertThat(stage(office.steward(), Map.of("stage", "pilot")).json().get("pointer").asString())
			.isEqualTo("/reason");
		refused(stage(office.steward(), Map.of("stage", "pilot", "reason", "r")), "pilot-area");
		refused(stage(office.steward(), Map.of("stage", "pilot", "reason", "r", "pilot", Map.of("area",
				Map.of("type", "Point", "coordinates", List.of(1, 2)), "endsOn", today().plusDays(30).toString()))),
				"pilot-area");
		refused(stage(office.steward(), Map.of("stage", "pilot", "reason", "r", "pilot", Map.of("area", SQUARE,
				"endsOn", today().toString()))), "pilot-end-date");
		Api.Response piloted = stage(office.steward(), Map.of("stage", "pilot", "reason", "a pilot in the centre",
				"pilot", Map.of("area", SQUARE, "endsOn", today().plusDays(90).toString())));
		assertThat(piloted.status()).as("%s", piloted).isEqualTo(200);
		assertThat(piloted.json().get("stage").asString()).isEqualTo("pilot");
		assertThat(piloted.json().get("pilot").get("endsOn").asString()).isEqualTo(today().plusDays(90).toString());
		refused(stage(office.steward(), Map.of("stage", "lab", "reason", "r")), "transition");
		assertThat(city.ledger("stage", datastream)).containsExactly("stage lab -> pilot: a pilot in the centre");
	}

	@Test
	@DisplayName("→ city needs an impact assessment, a closed consultation of 30 days and every objection answered")
	void city() {
		city.declare(datastream, Stage.LAB, null);
		Map<String, Object> toCity = Map.of("stage", "city", "reason", "ready");
		refused(stage(office.steward(), toCity), "impact-assessment");
		refused(consultation(office.steward()), "impact-assessment");
		city.declare(datastream, Stage.LAB, "https://city.example/dpia/42");
		refused(stage(office.steward(), toCity), "consultation-held");
		assertThat(consultation(office.analyst()).status()).isEqualTo(403);
		Api.Response opened = consultation(office.steward());
		assertThat(opened.status()).as("%s", opened).isEqualTo(200);
		var window = opened.json().get("consultation");
		assertThat(Duration.between(java.time.Instant.parse(window.get("opensAt").asString()),
				java.time.Instant.parse(window.get("closesAt").asString()))).isEqualTo(Duration.ofDays(30));
		refused(consultation(office.steward()), "consultation-open");
		long objection = city.file(office, datastream, "Why everywhere?");
		clock.advance(Duration.ofDays(29));
		refused(stage(office.steward(), toCity), "consultation-closed");
		clock.advance(Duration.ofDays(1).plusMinutes(1));
		Api.Response waiting = stage(office.steward(), toCity);
		refused(waiting, "objections-answered");
		assertThat(waiting.json().get("open").asInt()).isEqualTo(1);
		assertThat(office.steward().post("/api/register/" + datastream + "/objections/" + objection + "/answer",
				Map.of("outcome", "answered", "text", "The pilot showed it is needed.")).status()).isEqualTo(200);
		Api.Response promoted = stage(office.steward(), toCity);
		assertThat(promoted.status()).as("%s", promoted).isEqualTo(200);
		assertThat(promoted.json().get("stage").asString()).isEqualTo("city");
		refused(stage(office.steward(), toCity), "transition");
		assertThat(city.ledger("consultation", datastream)).hasSize(1);
		assertThat(city.ledger("stage", datastream)).containsExactly("stage lab -> city: ready");
		assertThat(city.ledger("objection-answer", datastream)).hasSize(1);
	}

	@Test
	@DisplayName("any stage may retire, with a reason; a retired stream stays retired")
	void retired() {
		city.declare(datastream, Stage.LAB, "https://city.example/dpia/7");
		Api.Response retired = stage(office.steward(), Map.of("stage", "retired", "reason", "the lab test ended"));
		assertThat(retired.status()).as("%s", retired).isEqualTo(200);
		assertThat(register.current(datastream).orElseThrow().stage()).isEqualTo(Stage.RETIRED);
		for (String stage : List.of("lab", "pilot", "city", "retired")) {
			refused(stage(office.steward(), Map.of("stage", stage, "reason", "again")), "retired-is-final");
		}
		refused(consultation(office.steward()), "consultation-before-city");
		assertThat(city.ledger("stage", datastream)).containsExactly("stage lab -> retired: the lab test ended");
	}

}
