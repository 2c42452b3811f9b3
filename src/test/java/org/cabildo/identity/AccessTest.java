package org.cabildo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may write what, over HTTP with real credentials. */
@IntegrationTest
class AccessTest {

	@LocalServerPort
	int port;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	Tokens tokens;

	@Autowired
	Devices devices;

	private Accounts accounts;

	private Api api;

	@BeforeEach
	void setUp() {
		accounts = new Accounts(organisations, people, tokens, devices);
		api = new Api(port);
	}

	private static Map<String, Object> thing(String name) {
		return Map.of("name", name, "description", "access test", "Locations", List.of(Map.of("name", "here",
				"description", "here", "encodingType", "application/geo+json", "location",
				Map.of("type", "Point", "coordinates", List.of(-99.13, 19.43)))), "Datastreams", List.of(Map.of("name", "ds",
				"description", "d", "observationType",
				"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement", "unitOfMeasurement",
				Map.of("name", "ppb", "symbol", "ppb", "definition", "x"), "Sensor",
				Map.of("name", "s", "description", "s", "encodingType", "text/plain", "metadata", "m"),
				"ObservedProperty", Map.of("name", "o", "definition", "x", "description", "o"))));
	}

	/** A Thing with one Datastream owned by the organisation the caller operates; the Datastream's id. */
	private long datastreamOf(Api owner) {
		Api.Response created = owner.post("/v1.1/Things", thing(Accounts.unique("thing")));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		return owner.get("/v1.1/Things(" + created.id() + ")/Datastreams").json().get("value").get(0).get("@iot.id")
			.asLong();
	}

	private static Map<String, Object> observation(double result) {
		return Map.of("phenomenonTime", "2024-03-01T10:00:00Z", "result", result);
	}

	@Test
	@DisplayName("an anonymous caller cannot create anything: 401 with WWW-Authenticate and a problem body")
	void anonymousCannotCreate() {
		Api anonymous = Api.anonymous(port);
		for (String set : List.of("Things", "Sensors", "Locations", "Observations", "CreateObservations")) {
			Api.Response response = anonymous.post("/v1.1/" + set, Map.of("name", "x"));
			assertThat(response.status()).as("%s %s", set, response).isEqualTo(401);
			assertThat(response.headers().get("WWW-Authenticate")).anyMatch(h -> h.startsWith("Bearer"))
				.anyMatch(h -> h.startsWith("Basic"));
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		}
		Api.Response batch = anonymous.post("/v1.1/$batch", Map.of("requests", List.of()));
		assertThat(batch.status()).isEqualTo(401);
		assertThat(anonymous.get("/v1.1/Things").status()).isEqualTo(200);
	}

	@Test
	@DisplayName("an operator cannot modify or delete another organisation's Thing, nor add a Datastream to it")
	void operatorOfAnotherOrganisation() {
		long thing = api.post("/v1.1/Things", thing(Accounts.unique("ours"))).id();
		Api other = api.as(accounts.person(accounts.organisation("other"), Role.OPERATOR));
		Api.Response patch = other.patch("/v1.1/Things(" + thing + ")", Map.of("name", "taken"));
		assertThat(patch.status()).as("%s", patch).isEqualTo(403);
		assertThat(patch.json().get("rule").asString()).isEqualTo("operator-of-owner");
		assertThat(other.delete("/v1.1/Things(" + thing + ")").status()).isEqualTo(403);
		Map<String, Object> datastream = Map.of("name", "x", "description", "x", "observationType", "x",
				"unitOfMeasurement", Map.of(), "Sensor", Map.of("name", "s", "description", "s", "encodingType",
						"text/plain", "metadata", "m"),
				"ObservedProperty", Map.of("name", "o", "definition", "x", "description", "o"));
		assertThat(other.post("/v1.1/Things(" + thing + ")/Datastreams", datastream).status()).isEqualTo(403);
		// and through a batch, request by request
		Api.Response batch = other.post("/v1.1/$batch", Map.of("requests", List.of(Map.of("id", "1", "method",
				"patch", "url", "Things(" + thing + ")", "body", Map.of("name", "taken")))));
		assertThat(batch.json().get("responses").get(0).get("status").asInt()).isEqualTo(403);
		assertThat(api.get("/v1.1/Things(" + thing + ")").json().get("name").asString()).startsWith("ours");
		// an analyst of the owning organisation writes nothing either
		Organisation test = organisations.named(Api.TEST_ORGANISATION).orElseThrow();
		Api analyst = api.as(accounts.person(test, Role.ANALYST, Role.AUDITOR));
		assertThat(analyst.patch("/v1.1/Things(" + thing + ")", Map.of("name", "x")).status()).isEqualTo(403);
		// the owner can
		assertThat(api.patch("/v1.1/Things(" + thing + ")", Map.of("name", "renamed")).status()).isEqualTo(200);
	}

	@Test
	@DisplayName("a new Thing belongs to its creator's organisation, shown by the identity API")
	void ownership() {
		Organisation mine = accounts.organisation("lab");
		Api operator = api.as(accounts.person(mine, Role.OPERATOR));
		long thing = operator.post("/v1.1/Things", thing(Accounts.unique("t"))).id();
		Api.Response owner = Api.anonymous(port).get("/api/identity/ownership/Things/" + thing);
		assertThat(owner.status()).as("%s", owner).isEqualTo(200);
		assertThat(owner.json().get("organisations").get(0).get("name").asString()).isEqualTo(mine.name());
	}

	@Test
	@DisplayName("a device writes Observations only into the Datastreams it is bound to, and nothing else")
	void deviceBindings() {
		long ours = datastreamOf(api);
		Organisation elsewhere = accounts.organisation("transport");
		long theirs = datastreamOf(api.as(accounts.person(elsewhere, Role.OPERATOR)));
		Api device = api.as(accounts.device(organisations.named(Api.TEST_ORGANISATION).orElseThrow(), null, ours));
		assertThat(device.post("/v1.1/Datastreams(" + ours + ")/Observations", observation(1)).status()).isEqualTo(201);
		Api.Response refused = device.post("/v1.1/Datastreams(" + theirs + ")/Observations", observation(2));
		assertThat(refused.status()).as("%s", refused).isEqualTo(403);
		assertThat(refused.json().get("detail").asString()).contains("not bound");
		Map<String, Object> linked = Map.of("phenomenonTime", "2024-03-01T11:00:00Z", "result", 3, "Datastream",
				Map.of("@iot.id", theirs));
		assertThat(device.post("/v1.1/Observations", linked).status()).isEqualTo(403);
		// DataArray: the refused rows say why, the others are stored
		Api.Response rows = device.post("/v1.1/CreateObservations?reasons=true", List.of(
				Map.of("Datastream", Map.of("@iot.id", ours), "components", List.of("phenomenonTime", "result"),
						"dataArray", List.of(List.of("2024-03-02T00:00:00Z", 4))),
				Map.of("Datastream", Map.of("@iot.id", theirs), "components", List.of("phenomenonTime", "result"),
						"dataArray", List.of(List.of("2024-03-02T00:00:00Z", 5)))));
		assertThat(rows.status()).as("%s", rows).isEqualTo(201);
		assertThat(rows.json().get(0).has("selfLink")).isTrue();
		assertThat(rows.json().get(1).get("error").asString()).contains("not bound");
		// a device creates nothing but Observations
		assertThat(device.post("/v1.1/Things", thing("by device")).status()).isEqualTo(403);
		Api.Response batch = device.post("/v1.1/$batch", Map.of("requests", List.of(Map.of("id", "1", "method",
				"post", "url", "Things", "body", thing("by device in batch")))));
		assertThat(batch.json().get("responses").get(0).get("status").asInt()).isEqualTo(403);
		assertThat(api.get("/v1.1/Datastreams(" + theirs + ")/Observations").json().get("value")).isEmpty();
	}

	@Test
	@DisplayName("a revoked token stops working at once; an expired one does not work")
	void revocationAndExpiry() {
		Organisation test = organisations.named(Api.TEST_ORGANISATION).orElseThrow();
		Person person = people.create(Accounts.unique("script"), null, test.id(), "test");
		people.grant(person.id(), test.id(), Role.OPERATOR, "test");
		Issued token = tokens.create(person.id(), "script", null, "test");
		Api script = api.as(Api.bearer(token.secret()));
		assertThat(script.post("/v1.1/Sensors", Map.of("name", "s", "description", "s", "encodingType", "text/plain",
				"metadata", "m")).status()).isEqualTo(201);
		tokens.revoke(token.id(), "test");
		Api.Response revoked = script.post("/v1.1/Sensors", Map.of("name", "s"));
		assertThat(revoked.status()).isEqualTo(401);
		assertThat(revoked.header("WWW-Authenticate")).contains("invalid_token");
		Issued expired = tokens.create(person.id(), "old", Instant.now().minusSeconds(1), "test");
		assertThat(api.as(Api.bearer(expired.secret())).get("/api/identity/people/me").status()).isEqualTo(401);
		Issued device = devices.create(Accounts.unique("d"), test.id(), Instant.now().minusSeconds(1), "test");
		assertThat(api.as(Api.bearer(device.secret())).post("/v1.1/Observations", Map.of()).status()).isEqualTo(401);
	}

	@Test
	@DisplayName("HTTP Basic with a built-in account; a wrong password is 401 and audited")
	void basic() {
		Api basic = api.as(Api.basic(Api.TEST_USER, Api.TEST_PASSWORD));
		assertThat(basic.get("/api/identity/people/me").status()).isEqualTo(200);
		Api wrong = api.as(Api.basic(Api.TEST_USER, "not-the-password"));
		assertThat(wrong.get("/api/identity/people/me").status()).isEqualTo(401);
		assertThat(basic.get("/api/identity/audit").json().toString()).contains("sign-in-failed");
	}

}
