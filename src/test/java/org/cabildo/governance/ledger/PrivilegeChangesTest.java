package org.cabildo.governance.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cabildo.IntegrationTest;
import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Person;
import org.cabildo.identity.Role;
import org.cabildo.support.Api;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Identity's privilege changes reach the ledger; refused sign-ins do not. */
@IntegrationTest
class PrivilegeChangesTest {

	@LocalServerPort
	int port;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	@Test
	@DisplayName("a role granted and revoked is appended to the ledger as kind 'privilege' with who did it")
	void roleChanges() {
		String name = "privileged-" + UUID.randomUUID().toString().substring(0, 8);
		Organisation organisation = organisations.create(name + "-org");
		Person person = people.create(name, null, organisation.id(), "test");
		people.grant(person.id(), organisation.id(), Role.STEWARD, "granting-admin");
		people.revoke(person.id(), organisation.id(), Role.STEWARD, "revoking-admin");
		List<Map<String, Object>> entries = jdbc
			.sql("SELECT actor, detail FROM ledger_entries WHERE kind = 'privilege' AND detail LIKE ? ORDER BY seq")
			.param("%person " + person.id() + "%")
			.query()
			.listOfRows();
		assertThat(entries).extracting(row -> row.get("actor"), row -> row.get("detail"))
			.contains(org.assertj.core.groups.Tuple.tuple("granting-admin",
					"role-granted: person " + person.id() + " (steward in organisation " + organisation.id() + ")"))
			.contains(org.assertj.core.groups.Tuple.tuple("revoking-admin",
					"role-revoked: person " + person.id() + " (steward in organisation " + organisation.id() + ")"));
	}

	@Test
	@DisplayName("a failed sign-in stays in identity's audit and is not appended to the ledger")
	void failedSignInIsNotAPrivilegeChange() {
		String username = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
		long before = head();
		Api.Response response = Api.anonymous(port).as(Api.basic(username, "wrong")).get("/api/identity/people/me");
		assertThat(response.status()).isEqualTo(401);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_audit WHERE subject = ?").param(username).query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_entries WHERE seq > ? AND detail LIKE ?")
			.params(before, "%" + username + "%")
			.query(Long.class)
			.single()).isZero();
	}

	private long head() {
		return jdbc.sql("SELECT seq FROM ledger_head").query(Long.class).single();
	}

}
