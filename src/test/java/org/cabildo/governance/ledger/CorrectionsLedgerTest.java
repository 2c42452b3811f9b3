package org.cabildo.governance.ledger;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * A correction keeps the earlier result in the stream's revision history, which the owner's
 * stewards read and no one else, and is ledgered as kind {@code correction}.
 */
@IntegrationTest
class CorrectionsLedgerTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	Tokens tokens;

	private Api steward(Organisation office) {
		return steward(office, "revisions-steward-" + UUID.randomUUID());
	}

	private Api steward(Organisation office, String username) {
		Person steward = people.create(username, null, office.id(), "test");
		people.grant(steward.id(), office.id(), Role.STEWARD, "test");
		people.grant(steward.id(), office.id(), Role.OPERATOR, "test");
		return Api.anonymous(port).as(Api.bearer(tokens.create(steward.id(), "test", null, "test").secret()));
	}

	@Test
	void theEarlierValueIsShownToTheOwnersStewardsOnlyAndTheCorrectionIsLedgered() {
		Organisation office = organisations.create("revisions-office-" + UUID.randomUUID());
		String username = "revisions-steward-" + UUID.randomUUID();
		Api steward = steward(office, username);
		Api otherSteward = steward(organisations.create("revisions-other-" + UUID.randomUUID()));
		Api.Response created = steward.post("/v1.1/Datastreams",
				Fixtures.datastreamWithThing("revisions-" + UUID.randomUUID()));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		long stream = created.id();
		String observations = "/v1.1/Datastreams(" + stream + ")/Observations";
		long id = steward.post(observations, Map.of("phenomenonTime", "2026-03-01T10:00:00Z", "result", 41.5)).id();
		Api.Response corrected = steward.post(observations,
				Map.of("phenomenonTime", "2026-03-01T10:00:00Z", "result", 43));
		assertThat(corrected.status()).as("%s", corrected).isEqualTo(200);

		Api.Response revisions = steward.get("/api/register/" + stream + "/revisions");
		Api.Response anonymous = Api.anonymous(port).get("/api/register/" + stream + "/revisions");
		Api.Response other = otherSteward.get("/api/register/" + stream + "/revisions");
		Api.Response tooMany = steward.get("/api/register/" + stream + "/revisions", "top", "5000");

		assertThat(revisions.status()).as("%s", revisions).isEqualTo(200);
		JsonNode revision = revisions.json().get("value").get(0);
		assertThat(revision.get("observation").asLong()).isEqualTo(id);
		assertThat(revision.get("result").asDouble()).isEqualTo(41.5);
		// Who sent the correcting row (here with a personal API token), never a blanket "platform".
		assertThat(revision.get("revisedBy").asString()).isEqualTo("person " + username);
		assertThat(revisions.json().get("value").size()).isEqualTo(1);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(other.status()).isEqualTo(403);
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(jdbc.sql("SELECT actor FROM ledger_entries WHERE kind = 'correction' AND detail LIKE ?")
			.param("%: " + id)
			.query(String.class)
			.list()).containsExactly("person " + username);
	}

}
