package org.cabildo.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Declarations that exist before a stream's first Observation, without a second, Cabildo-only
 * call: templates of an organisation or a Thing, and a declaration carried inline by the
 * creating request. A stock SensorThings client creates a Thing with its Datastream and
 * Observations in one deep insert; without a template or inline declaration nothing is stored.
 */
@IntegrationTest
@TestPropertySource(properties = "cabildo.test.declare-datastreams=false")
class DeclarationTemplatesTest {

	@LocalServerPort
	int port;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	Tokens tokens;

	@Autowired
	JdbcClient jdbc;

	private Organisation lab;

	private Api steward;

	private Api operator;

	private Api anonymous;

	@BeforeEach
	void setUp() {
		anonymous = Api.anonymous(port);
		lab = organisations.create(unique("living lab"));
		steward = person(lab, Role.STEWARD, Role.OPERATOR);
		operator = person(lab, Role.OPERATOR);
	}

	@Test
	@DisplayName("an organisation's template declares a stream a stock client creates with its Observations in one deep insert")
	void organisationTemplateDeclaresDeepInsert() {
		Api.Response published = steward.put("/api/register/templates/organisations/" + lab.id(), openAirQuality());
		assertThat(published.status()).as("%s", published).isEqualTo(200);
		long template = published.json().get("id").asLong();
		assertThat(published.json().get("version").asInt()).isEqualTo(1);
		assertThat(published.json().get("scope").asString()).isEqualTo("organisation");

		Api.Response thing = operator.post("/v1.1/Things", thingWithObservations("deep", 3, Map.of()));
		assertThat(thing.status()).as("an operator who is no steward creates it: %s", thing).isEqualTo(201);
		long datastream = onlyDatastream(thing.id());
		assertThat(stored(datastream)).isEqualTo(3);

		JsonNode entry = anonymous.get("/api/register/" + datastream).json();
		assertThat(entry.get("origin").get("kind").asString()).isEqualTo("template");
		assertThat(entry.get("origin").get("template").asLong()).isEqualTo(template);
		assertThat(entry.get("origin").get("templateVersion").asInt()).isEqualTo(1);
		assertThat(entry.get("organisationId").asLong()).isEqualTo(lab.id());
		assertThat(ledgerDetails("template")).anyMatch(detail -> detail.startsWith("declaration template " + template
				+ " version 1 for organisation " + lab.id()));
		assertThat(ledgerDetails("declaration")).anyMatch(detail -> detail.endsWith("from template " + template
				+ " version 1"));
		JsonNode list = anonymous.get("/api/register/templates").json();
		assertThat(list.get("value").valueStream().map(t -> t.get("id").asLong())).contains(template);
	}

	@Test
	@DisplayName("a Thing's template comes before its organisation's; a new version applies to streams created after it")
	void thingTemplateFirstAndVersions() {
		Api.Response byName = steward.put("/api/register/templates/organisations/"
				+ java.net.URLEncoder.encode(lab.name(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"),
				openAirQuality());
		assertThat(byName.status()).as("an organisation named by its name: %s", byName).isEqualTo(200);
		long thing = operator.post("/v1.1/Things", Map.of("name", unique("station"), "description", "a station"))
			.id();
		Map<String, Object> restricted = openAirQuality();
		restricted.put("accessLevel", "restricted");
		Api.Response ofThing = steward.put("/api/register/templates/things/" + thing, restricted);
		assertThat(ofThing.status()).as("%s", ofThing).isEqualTo(200);
		long thingTemplate = ofThing.json().get("id").asLong();

		long first = datastreamOf(thing, "first");
		assertThat(anonymous.get("/api/register/" + first).json().get("accessLevel").asString()).isEqualTo("restricted");
		assertThat(anonymous.get("/api/register/" + first).json().get("origin").get("template").asLong())
			.isEqualTo(thingTemplate);

		restricted.put("summary", "Measures the air every minute.");
		Api.Response second = steward.put("/api/register/templates/things/" + thing, restricted);
		assertThat(second.json().get("version").asInt()).isEqualTo(2);
		long later = datastreamOf(thing, "later");
		assertThat(anonymous.get("/api/register/" + later).json().get("summary").asString())
			.isEqualTo("Measures the air every minute.");
		assertThat(anonymous.get("/api/register/" + first).json().get("summary").asString())
			.as("a stream keeps the declaration it was created with").isEqualTo("Measures the air every hour.");
		JsonNode history = anonymous.get("/api/register/templates/" + thingTemplate).json();
		assertThat(history.get("versions")).hasSize(2);
	}

	@Test
	@DisplayName("a withdrawn template declares nothing: the new stream collects nothing and is listed as undeclared")
	void withdrawnTemplate() {
		long template = steward.put("/api/register/templates/organisations/" + lab.id(), openAirQuality()).json()
			.get("id").asLong();
		Api.Response withdrawn = steward.delete("/api/register/templates/" + template);
		assertThat(withdrawn.status()).as("%s", withdrawn).isEqualTo(200);
		assertThat(withdrawn.json().get("withdrawn").asBoolean()).isTrue();

		Api.Response thing = operator.post("/v1.1/Things", thingWithObservations("withdrawn", 2, Map.of()));
		assertThat(thing.status()).as("%s", thing).isEqualTo(400);
		assertThat(thing.body()).contains("no public declaration").contains("/api/register/templates");
		long datastream = operator.post("/v1.1/Things", thingWithObservations("withdrawn-empty", 0, Map.of())).id();
		long stream = onlyDatastream(datastream);
		assertThat(anonymous.get("/api/register/" + stream).status()).isEqualTo(404);
		JsonNode undeclared = anonymous.get("/api/register/undeclared?top=1000").json();
		assertThat(undeclared.get("value").valueStream().map(u -> u.get("datastream").asLong())).contains(stream);
		assertThat(anonymous.get("/api/register").json().get("undeclared").asLong()).isPositive();
	}

	@Test
	@DisplayName("templates obey the declaration rules and only stewards of the organisation publish them")
	void templateRules() {
		Map<String, Object> incomplete = openAirQuality();
		incomplete.remove("summary");
		Api.Response refused = steward.put("/api/register/templates/organisations/" + lab.id(), incomplete);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("problems").get(0).get("pointer").asString()).isEqualTo("/summary");
		assertThat(operator.put("/api/register/templates/organisations/" + lab.id(), openAirQuality()).status())
			.as("an operator is no steward").isEqualTo(403);
		assertThat(anonymous.put("/api/register/templates/organisations/" + lab.id(), openAirQuality()).status())
			.isEqualTo(401);
		Organisation other = organisations.create(unique("other lab"));
		assertThat(steward.put("/api/register/templates/organisations/" + other.id(), openAirQuality()).status())
			.as("a steward of another organisation").isEqualTo(403);
		assertThat(steward.put("/api/register/templates/organisations/no-such-organisation", openAirQuality()).status())
			.isEqualTo(404);
		assertThat(steward.put("/api/register/templates/things/999999999", openAirQuality()).status()).isEqualTo(404);
	}

	@Test
	@DisplayName("another organisation's template never declares a stream")
	void otherOrganisationsTemplate() {
		Organisation other = organisations.create(unique("other office"));
		Api otherSteward = person(other, Role.STEWARD, Role.OPERATOR);
		assertThat(otherSteward.put("/api/register/templates/organisations/" + other.id(), openAirQuality()).status())
			.isEqualTo(200);
		Api.Response thing = operator.post("/v1.1/Things", thingWithObservations("not-theirs", 1, Map.of()));
		assertThat(thing.status()).isEqualTo(400);
		assertThat(thing.body()).contains("no public declaration");
	}

	@Test
	@DisplayName("a declaration inline in the creating request declares the stream; the key is not kept in its properties")
	void inlineDeclaration() {
		Api.Response thing = steward.post("/v1.1/Things", thingWithObservations("inline", 2,
				Map.of("station", "north", "cabildo:declaration", openAirQuality())));
		assertThat(thing.status()).as("%s", thing).isEqualTo(201);
		long datastream = onlyDatastream(thing.id());
		assertThat(stored(datastream)).isEqualTo(2);
		JsonNode entry = anonymous.get("/api/register/" + datastream).json();
		assertThat(entry.get("origin").get("kind").asString()).isEqualTo("inline");
		assertThat(entry.get("declaredBy").asString()).isNotBlank();
		JsonNode properties = steward.get("/v1.1/Datastreams(" + datastream + ")").json().get("properties");
		assertThat(properties.has("cabildo:declaration")).isFalse();
		assertThat(properties.get("station").asString()).isEqualTo("north");

		Api.Response patched = steward.patch("/v1.1/Datastreams(" + datastream + ")",
				Map.of("properties", Map.of("cabildo:declaration", openAirQuality())));
		assertThat(patched.status()).isEqualTo(400);
		assertThat(patched.json().toString()).contains("/properties/cabildo:declaration").contains("/api/register");
	}

	@Test
	@DisplayName("an inline declaration obeys the same rules: incomplete or by a non-steward, nothing is stored")
	void inlineDeclarationRules() {
		long thingsBefore = count("things");
		Map<String, Object> incomplete = openAirQuality();
		incomplete.remove("summary");
		Api.Response refused = steward.post("/v1.1/Things", thingWithObservations("inline-bad", 2,
				Map.of("cabildo:declaration", incomplete)));
		assertThat(refused.status()).as("%s", refused).isEqualTo(400);
		assertThat(refused.json().get("problems").get(0).get("pointer").asString())
			.isEqualTo("/Datastreams/0/properties/cabildo:declaration/summary");
		Map<String, Object> misspelt = openAirQuality();
		misspelt.put("acessLevel", "open");
		Api.Response unknown = steward.post("/v1.1/Things", thingWithObservations("inline-typo", 1,
				Map.of("cabildo:declaration", misspelt)));
		assertThat(unknown.status()).as("%s", unknown).isEqualTo(400);
		assertThat(unknown.json().get("pointer").asString())
			.isEqualTo("/Datastreams/0/properties/cabildo:declaration/acessLevel");
		Api.Response notSteward = operator.post("/v1.1/Things", thingWithObservations("inline-operator", 2,
				Map.of("cabildo:declaration", openAirQuality())));
		assertThat(notSteward.status()).as("%s", notSteward).isEqualTo(403);
		assertThat(count("things")).as("all or nothing").isEqualTo(thingsBefore);
	}

	private Map<String, Object> thingWithObservations(String name, int observations, Map<String, Object> properties) {
		String unique = unique(name);
		List<Map<String, Object>> readings = new java.util.ArrayList<>();
		for (int i = 0; i < observations; i++) {
			readings.add(Map.of("result", i, "phenomenonTime", Instant.now().minusSeconds(60 * i).toString()));
		}
		Map<String, Object> datastream = new HashMap<>(Map.of("name", unique, "description", "a stream",
				"observationType", "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
				"unitOfMeasurement", Map.of("name", "degree Celsius", "symbol", "degC", "definition", "ucum:Cel"),
				"Sensor", Map.of("name", unique, "description", "a sensor", "encodingType", "text/plain", "metadata", "m"),
				"ObservedProperty", Map.of("name", unique, "description", "a property", "definition", "urn:" + unique),
				"Observations", readings));
		if (!properties.isEmpty()) {
			datastream.put("properties", properties);
		}
		return Map.of("name", unique, "description", "a thing", "Locations", List.of(Map.of("name", unique,
				"description", "a place", "encodingType", "application/geo+json", "location",
				Map.of("type", "Point", "coordinates", List.of(-58.38, -34.6)))), "Datastreams", List.of(datastream));
	}

	private long datastreamOf(long thing, String name) {
		String unique = unique(name);
		Api.Response created = operator.post("/v1.1/Things(" + thing + ")/Datastreams", Map.of("name", unique,
				"description", "a stream", "observationType",
				"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement", "unitOfMeasurement",
				Map.of("name", "degree Celsius", "symbol", "degC", "definition", "ucum:Cel"), "Sensor",
				Map.of("name", unique, "description", "a sensor", "encodingType", "text/plain", "metadata", "m"),
				"ObservedProperty", Map.of("name", unique, "description", "a property", "definition", "urn:" + unique)));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		return created.id();
	}

	private long onlyDatastream(long thing) {
		return jdbc.sql("SELECT id FROM datastreams WHERE thing_id = ?").param(thing).query(Long.class).single();
	}

	private long stored(long datastream) {
		return jdbc.sql("SELECT COUNT(*) FROM observations WHERE datastream_id = ?").param(datastream)
			.query(Long.class).single();
	}

	private long count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	private List<String> ledgerDetails(String kind) {
		return jdbc.sql("SELECT detail FROM ledger_entries WHERE kind = ? ORDER BY seq DESC FETCH FIRST 50 ROWS ONLY")
			.param(kind).query(String.class).list();
	}

	private Api person(Organisation organisation, Role... roles) {
		Person person = people.create("person-" + UUID.randomUUID().toString().substring(0, 8), null, organisation.id(), "test");
		for (Role role : roles) {
			people.grant(person.id(), organisation.id(), role, "test");
		}
		return anonymous.as(Api.bearer(tokens.create(person.id(), "templates", null, "test").secret()));
	}

	private static Map<String, Object> openAirQuality() {
		return Fixtures.openLabDeclaration();
	}

	private static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

}
