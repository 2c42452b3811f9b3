package org.cabildo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** People made through the identity API: the password rules, as a client hears them. */
@IntegrationTest
class PeopleTest {

	@LocalServerPort
	int port;

	@Autowired
	Organisations organisations;

	@Test
	void aWeakPasswordIsRefusedSayingWhy() {
		Api admin = new Api(port);
		long organisation = organisations.named(Api.TEST_ORGANISATION).orElseThrow().id();
		Map<String, String> refusals = Map.of("demo", "at least 8 characters", "password1",
				"this password is among the most common ones", "zzzzzzzzzz", "too easy to guess");
		refusals.forEach((password, why) -> {
			Api.Response refused = admin.post("/api/identity/people",
					Map.of("username", Accounts.unique("weak"), "password", password, "organisation", organisation));
			assertThat(refused.status()).as("%s: %s", password, refused).isEqualTo(400);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
			assertThat(refused.json().path("detail").asString()).as(password).contains(why);
			assertThat(refused.json().path("pointer").asString()).isEqualTo("/password");
		});
		String username = Accounts.unique("strong");
		String password = "jacarandas en marzo " + username;
		assertThat(admin.post("/api/identity/people",
				Map.of("username", username, "password", password, "organisation", organisation)).status())
			.isEqualTo(201);
		assertThat(Api.anonymous(port).as(Api.basic(username, password)).get("/api/identity/people/me").status())
			.isEqualTo(200);
	}

}
