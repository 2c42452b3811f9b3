package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.cabildo.IntegrationTest;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.support.PortalClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The sign-in form is limited as the API's sign-in is, by the same counts: after the failures
 * allowed for a username, the form answers 429 with Retry-After and says so in the page's
 * language, even for the right password, until the wait is over.
 */
@IntegrationTest
// RateLimitTest's limits, so that both run on one server: 3 failures a minute per username
@TestPropertySource(properties = { "cabildo.identity.limits.sign-in-failures-per-username=3",
		"cabildo.identity.limits.sign-in-failures-per-address=1000",
		"cabildo.identity.limits.anonymous-writes-per-address=5",
		"cabildo.identity.limits.costly-reads-per-address=3" })
class SignInLimitTest {

	@LocalServerPort
	int port;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Test
	void afterTheFailuresAllowedEvenTheRightPasswordWaits() throws InterruptedException {
		String name = "limited-" + UUID.randomUUID().toString().substring(0, 8);
		String password = "a long and unusual password " + UUID.randomUUID();
		people.create(name, password, organisations.create(name).id(), "test");
		PortalClient browser = new PortalClient(port);
		browser.get("/?lang=pt");
		for (int i = 0; i < 3; i++) {
			assertThat(browser.signIn(name, "wrong " + i).location()).isEqualTo("/sign-in?error");
		}

		PortalClient.Page blocked = browser.signIn(name, password);
		assertThat(blocked.status()).isEqualTo(429);
		long wait = Long.parseLong(blocked.header("Retry-After"));
		assertThat(wait).isBetween(1L, 21L);
		assertThat(blocked.header("Content-Type")).startsWith("text/html");
		// the form again, in the page's language, ready for when the wait is over
		assertThat(blocked.body()).contains("Tentativas falhas demais.").contains("name=\"_csrf\"")
			.contains("name=\"password\"");
		assertThat(browser.cookie("JSESSIONID")).isEmpty();
		assertThat(browser.signIn(name, password).status()).isEqualTo(429);

		// Retry-After is in whole seconds, rounded down
		Thread.sleep(wait * 1000 + 1500);
		PortalClient.Page signedIn = browser.signIn(name, password);
		assertThat(signedIn.status()).as("%s", signedIn).isEqualTo(302);
		assertThat(signedIn.location()).isEqualTo("/");
		assertThat(browser.get("/").body()).contains("(" + name + ")");
	}

}
