package org.cabildo.governance.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

import tools.jackson.databind.JsonNode;

/**
 * A declaration change whose retention would remove stored Observations says how many before it
 * is applied: refused until confirmed with the number, or answered without being applied when
 * asked as a dry run. History loaded with the README's {@code P365D} is never silently lost.
 */
@IntegrationTest
class RetentionConfirmTest {

	@LocalServerPort
	int port;

	@Autowired
	Register register;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	Tokens tokens;

	private Api api;

	private long datastream;

	@BeforeEach
	void setUp() {
		Organisation office = organisations.create("history-office-" + UUID.randomUUID());
		Person steward = people.create("history-steward-" + UUID.randomUUID(), null, office.id(), "test");
		people.grant(steward.id(), office.id(), Role.STEWARD, "test");
		people.grant(steward.id(), office.id(), Role.OPERATOR, "test");
		api = Api.anonymous(port).as(Api.bearer(tokens.create(steward.id(), "test", null, "test").secret()));
		Api.Response created = api.post("/v1.1/Datastreams", Fixtures.datastreamWithThing("history-" + UUID.randomUUID()));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		datastream = created.id();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		for (Instant time : List.of(now.minus(Duration.ofDays(800)), now.minus(Duration.ofDays(400)),
				now.minus(Duration.ofDays(10)))) {
			Api.Response stored = api.post("/v1.1/Datastreams(" + datastream + ")/Observations",
					Map.of("phenomenonTime", time.toString(), "result", 1.5));
			assertThat(stored.status()).as("%s", stored).isEqualTo(201);
		}
	}

	private static Map<String, Object> keptFor(String duration) {
		Map<String, Object> declaration = Fixtures.openLabDeclaration();
		declaration.put("retention", Map.of("duration", duration, "keeps", "nothing"));
		return declaration;
	}

	private String path() {
		return "/api/register/" + datastream;
	}

	@Test
	@DisplayName("a retention that removes stored Observations is refused with their number until confirmed with it")
	void refusedUntilConfirmed() {
		Api.Response refused = api.put(path(), keptFor("P365D"));

		assertThat(refused.status()).as("%s", refused).isEqualTo(409);
		assertThat(refused.json().get("rule").asString()).isEqualTo("retention-removes");
		assertThat(refused.json().get("removes").asLong()).isEqualTo(2);
		assertThat(refused.json().get("detail").asString()).contains("removes 2 Observations older than")
			.contains("?confirm=2");
		assertThat(register.current(datastream).orElseThrow().version()).isEqualTo(1);

		Api.Response wrong = api.put(path() + "?confirm=3", keptFor("P365D"));
		assertThat(wrong.status()).as("another number confirms nothing: %s", wrong).isEqualTo(409);

		Api.Response confirmed = api.put(path() + "?confirm=2", keptFor("P365D"));
		assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
		assertThat(confirmed.json().get("retention").get("duration").asString()).isEqualTo("P365D");
		assertThat(jdbc.sql("SELECT detail FROM ledger_entries WHERE kind = 'declaration' AND datastreams = ?"
				+ " ORDER BY seq DESC")
			.param(Long.toString(datastream))
			.query(String.class)
			.list()
			.getFirst()).contains("confirmed: removes 2 Observations");

		Map<String, Object> same = keptFor("P365D");
		same.put("summary", "Measures the air every hour, kept a year.");
		assertThat(api.put(path(), same).status()).as("the same retention removes nothing more").isEqualTo(200);
		Api.Response longer = api.put(path() + "?dryRun=true", keptFor("P1000D"));
		assertThat(longer.json().get("removes").get("observations").asLong()).isZero();
	}

	@Test
	@DisplayName("a dry run answers the change and what it removes, and applies nothing")
	void dryRun() {
		Api.Response preview = api.put(path() + "?dryRun=true", keptFor("P5D"));

		assertThat(preview.status()).as("%s", preview).isEqualTo(200);
		JsonNode removes = preview.json().get("removes");
		assertThat(removes.get("observations").asLong()).isEqualTo(3);
		assertThat(removes.get("retention").asString()).isEqualTo("P5D");
		assertThat(Instant.parse(removes.get("olderThan").asString()))
			.isBetween(Instant.now().minus(Duration.ofDays(6)), Instant.now().minus(Duration.ofDays(4)));
		assertThat(preview.json().get("declaration").get("version").asInt()).isEqualTo(2);
		assertThat(register.current(datastream).orElseThrow().version()).isEqualTo(1);
		assertThat(register.current(datastream).orElseThrow().retention().duration()).isNull();
	}

}
