package org.cabildo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An admin of one organisation cannot become, through the identity API, someone who holds power
 * in another: a token acts as its person in every organisation they belong to.
 */
@IntegrationTest
class CrossOrganisationTest {

	@LocalServerPort
	int port;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	Tokens tokens;

	@Test
	void anAdminOfOneOrganisationGetsNoTokenForAnAdminOfAnother() {
		Organisation a = organisations.create(Accounts.unique("a"));
		Organisation b = organisations.create(Accounts.unique("b"));
		Person attacker = person(a, Role.ADMIN);
		// lives in A, as its home, and is admin of B too
		Person both = person(a, Role.OPERATOR);
		people.grant(both.id(), b.id(), Role.ADMIN, "test");
		Api adminOfA = Api.anonymous(port).as(Api.bearer(tokens.create(attacker.id(), "t", null, "test").secret()));

		Api.Response issued = adminOfA.post("/api/identity/tokens", Map.of("name", "escalate", "person", both.id()));

		assertThat(issued.status()).as("%s", issued).isEqualTo(403);
		assertThat(issued.json().path("detail").asString()).contains("organisation " + b.id());
		assertThat(tokens.of(both.id())).isEmpty();
		// nor through any other route of the escalation: listing their tokens, granting oneself a role in B
		assertThat(adminOfA.get("/api/identity/tokens", "person", Long.toString(both.id())).status()).isEqualTo(403);
		assertThat(adminOfA.post("/api/identity/people/" + attacker.id() + "/roles",
				Map.of("organisation", b.id(), "role", "analyst")).status()).isEqualTo(403);
		assertThat(people.byId(attacker.id()).orElseThrow().roles()).extracting(Person.Grant::organisation)
			.containsOnly(a.id());
	}

	@Test
	void anAdminOfEveryOrganisationOfThePersonManagesTheirTokens() {
		Organisation a = organisations.create(Accounts.unique("a"));
		Organisation b = organisations.create(Accounts.unique("b"));
		Person admin = person(a, Role.ADMIN);
		people.grant(admin.id(), b.id(), Role.ADMIN, "test");
		Person both = person(a, Role.OPERATOR);
		people.grant(both.id(), b.id(), Role.ANALYST, "test");
		Api adminOfBoth = Api.anonymous(port).as(Api.bearer(tokens.create(admin.id(), "t", null, "test").secret()));

		Api.Response issued = adminOfBoth.post("/api/identity/tokens", Map.of("name", "for them", "person", both.id()));

		assertThat(issued.status()).as("%s", issued).isEqualTo(201);
		assertThat(tokens.of(both.id())).hasSize(1);
	}

	private Person person(Organisation organisation, Role role) {
		Person person = people.create(Accounts.unique("p"), null, organisation.id(), "test");
		people.grant(person.id(), organisation.id(), role, "test");
		return people.byId(person.id()).orElseThrow();
	}

}
