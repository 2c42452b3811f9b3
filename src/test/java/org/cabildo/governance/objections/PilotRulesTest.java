package org.cabildo.governance.objections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.governance.Register;
import org.cabildo.governance.objections.TestCity.Office;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Person;
import org.cabildo.identity.Role;
import org.cabildo.identity.Tokens;
import org.cabildo.support.Api;
import org.cabildo.support.Fixtures;
import org.cabildo.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The pilot rules hold wherever a pilot is set: a declaration written to the register (first or
 * later), one sent inline with the creating request, a template, a stage change. A later
 * declaration keeps the stream's pilot; an ended pilot is not extended by one.
 */
@MovingTime
class PilotRulesTest {

	private static final Map<String, Object> SQUARE = Map.of("type", "Polygon", "coordinates", List.of(List.of(
			List.of(-99.14, 19.42), List.of(-99.12, 19.42), List.of(-99.12, 19.44), List.of(-99.14, 19.44),
			List.of(-99.14, 19.42))));

	private static final Map<String, Object> POINT = Map.of("type", "Point", "coordinates", List.of(-99.13, 19.43));

	private static final Map<String, Object> LINE = Map.of("type", "LineString", "coordinates",
			List.of(List.of(-99.14, 19.42), List.of(-99.12, 19.42)));

	private static final Map<String, Object> OPEN_RING = Map.of("type", "Polygon", "coordinates", List.of(List.of(
			List.of(-99.14, 19.42), List.of(-99.12, 19.42), List.of(-99.12, 19.44), List.of(-99.14, 19.44))));

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

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private static Map<String, Object> pilot(Map<String, Object> area, LocalDate endsOn) {
		Map<String, Object> declaration = new HashMap<>(Fixtures.openLabDeclaration());
		declaration.put("stage", "pilot");
		declaration.put("pilot", Map.of("area", area, "endsOn", endsOn.toString()));
		return declaration;
	}

	private Api.Response put(Map<String, Object> declaration) {
		return office.steward().put("/api/register/" + datastream, declaration);
	}

	private static void problemAt(Api.Response response, String pointer) {
		assertThat(response.status()).as("%s", response).isEqualTo(400);
		assertThat(response.json().get("problems").valueStream().map(p -> p.get("pointer").asString()))
			.as("%s", response)
			.contains(pointer);
	}

	@Test
	@DisplayName("a later declaration of a pilot without its pilot keeps the area and end date; the stage stays pilot")
	void laterDeclarationKeepsPilot() {
		LocalDate ends = today().plusDays(60);
		assertThat(put(pilot(SQUARE, ends)).status()).isEqualTo(200);
		Map<String, Object> later = Fixtures.openLabDeclaration();
		later.put("summary", "Measures the air every ten minutes.");

		Api.Response changed = put(later);

		assertThat(changed.status()).as("%s", changed).isEqualTo(200);
		JsonNode entry = office.anonymous().get("/api/register/" + datastream).json();
		assertThat(entry.get("version").asInt()).isEqualTo(2);
		assertThat(entry.get("stage").asString()).isEqualTo("pilot");
		assertThat(entry.get("summary").asString()).isEqualTo("Measures the air every ten minutes.");
		assertThat(entry.get("pilot").get("endsOn").asString()).isEqualTo(ends.toString());
		assertThat(entry.get("pilot").get("area").get("type").asString()).isEqualTo("Polygon");
	}

	@Test
	@DisplayName("a pilot's area is a valid Polygon or MultiPolygon: a Point, a LineString or an open ring is refused at /pilot/area")
	void areaIsPolygonal() {
		problemAt(put(pilot(POINT, today().plusDays(30))), "/pilot/area");
		problemAt(put(pilot(LINE, today().plusDays(30))), "/pilot/area");
		problemAt(put(pilot(OPEN_RING, today().plusDays(30))), "/pilot/area");
		assertThat(register.current(datastream)).isEmpty();

		assertThat(put(pilot(SQUARE, today().plusDays(30))).status()).isEqualTo(200);
		problemAt(put(pilot(POINT, today().plusDays(30))), "/pilot/area");
		assertThat(office.anonymous().get("/api/register/" + datastream).json().get("pilot").get("area").get("type")
			.asString()).isEqualTo("Polygon");
	}

	@Test
	@DisplayName("a pilot's end date is after today, in a first declaration and in a later one")
	void endDateToCome() {
		problemAt(put(pilot(SQUARE, today().minusDays(1))), "/pilot/endsOn");
		problemAt(put(pilot(SQUARE, today())), "/pilot/endsOn");
		assertThat(register.current(datastream)).isEmpty();

		assertThat(put(pilot(SQUARE, today().plusDays(30))).status()).isEqualTo(200);
		problemAt(put(pilot(SQUARE, today().minusDays(3))), "/pilot/endsOn");
		Api.Response moved = put(pilot(SQUARE, today().plusDays(90)));
		assertThat(moved.status()).as("a running pilot may run longer: %s", moved).isEqualTo(200);
		assertThat(moved.json().get("pilot").get("endsOn").asString()).isEqualTo(today().plusDays(90).toString());
	}

	@Test
	@DisplayName("an ended pilot is not extended by a declaration (409 pilot-ended); sent unchanged or left out, it stays")
	void endedPilotNotExtended() {
		LocalDate ends = today().plusDays(10);
		assertThat(put(pilot(SQUARE, ends)).status()).isEqualTo(200);
		clock.advance(Duration.ofDays(20));

		Api.Response extended = put(pilot(SQUARE, today().plusDays(100)));

		assertThat(extended.status()).as("%s", extended).isEqualTo(409);
		assertThat(extended.json().get("rule").asString()).isEqualTo("pilot-ended");
		assertThat(extended.json().get("detail").asString()).contains("/stage");
		assertThat(put(pilot(SQUARE, ends)).status()).as("the same pilot, sent back unchanged").isEqualTo(200);
		assertThat(put(Fixtures.openLabDeclaration()).status()).isEqualTo(200);
		assertThat(office.anonymous().get("/api/register/" + datastream).json().get("pilot").get("endsOn").asString())
			.isEqualTo(ends.toString());
	}

	@Test
	@DisplayName("a lab stream's later declaration does not make it a pilot: the stage rules do")
	void labNotPilotedByDeclaration() {
		assertThat(put(Fixtures.openLabDeclaration()).status()).isEqualTo(200);

		problemAt(put(pilot(SQUARE, today().plusDays(30))), "/pilot");

		assertThat(office.anonymous().get("/api/register/" + datastream).json().get("stage").asString())
			.isEqualTo("lab");
	}

	@Test
	@DisplayName("the same rules hold for a declaration sent inline with the creating request and for a template")
	void inlineAndTemplate() {
		Person person = people.create(TestCity.unique("creator"), null, office.organisation().id(), "test");
		people.grant(person.id(), office.organisation().id(), Role.STEWARD, "test");
		people.grant(person.id(), office.organisation().id(), Role.OPERATOR, "test");
		Api creator = Api.anonymous(port).as(Api.bearer(tokens.create(person.id(), "test", null, "test").secret()));
		Map<String, Object> datastream = new HashMap<>(Fixtures.datastreamWithThing(TestCity.unique("inline")));
		datastream.put("properties", Map.of("cabildo:declaration", pilot(POINT, today().plusDays(30))));

		Api.Response created = creator.post("/v1.1/Datastreams", datastream);

		assertThat(created.status()).as("%s", created).isEqualTo(400);
		assertThat(created.json().toString()).contains("/properties/cabildo:declaration/pilot/area");

		problemAt(office.steward().put("/api/register/templates/organisations/" + office.organisation().id(),
				pilot(SQUARE, today().minusDays(1))), "/pilot/endsOn");
		problemAt(office.steward().put("/api/register/templates/organisations/" + office.organisation().id(),
				pilot(POINT, today().plusDays(30))), "/pilot/area");
	}

}
