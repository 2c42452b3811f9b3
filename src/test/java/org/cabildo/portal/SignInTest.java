package org.cabildo.portal;

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
import org.cabildo.support.PortalClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signing in to the portal with the form: a session for the person (and none for HTTP Basic
 * credentials sent to a page), the person read again on each request of the session (a role
 * revoked, a person removed, count at once), CSRF-protected forms, sign-out, refusals said on the
 * form, and an API that never reads the portal's session.
 */
@IntegrationTest
class SignInTest {

	private static final String PASSWORD = "a-session-is-checked-each-time-5e1";

	@LocalServerPort
	int port;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPersonSignsInSeesTheirNameAndSignsOut() {
		PortalClient browser = new PortalClient(port);
		PortalClient.Page anonymous = browser.get("/?lang=en");
		assertThat(anonymous.body()).contains("href=\"/sign-in\"").doesNotContain("Sign out");
		// reading costs no session: nothing to keep for an anonymous reader
		assertThat(browser.cookie("JSESSIONID")).isEmpty();

		PortalClient.Page signedIn = browser.signIn(Api.TEST_USER, Api.TEST_PASSWORD);
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.location()).isEqualTo("/");
		assertThat(browser.cookie("JSESSIONID")).isPresent();
		assertThat(browser.get("/").body()).contains("Sign out (" + Api.TEST_USER + ")").doesNotContain("href=\"/sign-in\"");

		PortalClient.Page out = browser.submit("/", "/sign-out", Map.of());
		assertThat(out.status()).isEqualTo(302);
		assertThat(browser.get("/").body()).contains("href=\"/sign-in\"").doesNotContain("Sign out");
	}

	@Test
	void aWrongPasswordIsSaidOnTheFormInThePagesLanguage() {
		PortalClient browser = new PortalClient(port);
		browser.get("/?lang=pt");
		PortalClient.Page refused = browser.signIn(Api.TEST_USER, "not the password");
		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.location()).isEqualTo("/sign-in?error");
		assertThat(browser.get(refused.location()).body()).contains("Usuário ou senha incorretos.");
		assertThat(browser.cookie("JSESSIONID")).isEmpty();
	}

	@Test
	void formsWithoutTheirCsrfTokenAreRefused() {
		PortalClient browser = new PortalClient(port);
		PortalClient.Page forged = browser.post("/sign-in",
				Map.of("username", Api.TEST_USER, "password", Api.TEST_PASSWORD));
		assertThat(forged.status()).isEqualTo(403);
		assertThat(browser.cookie("JSESSIONID")).isEmpty();

		browser.signIn(Api.TEST_USER, Api.TEST_PASSWORD);
		// a page of another site cannot sign the person out (nor post anything else) for them
		assertThat(browser.post("/sign-out", Map.of()).status()).isEqualTo(403);
		assertThat(browser.get("/").body()).contains("(" + Api.TEST_USER + ")");
	}

	@Test
	void theApiNeverReadsThePortalsSession() {
		PortalClient browser = new PortalClient(port);
		browser.signIn(Api.TEST_USER, Api.TEST_PASSWORD);
		String session = browser.cookie("JSESSIONID").orElseThrow();
		Api.Response withCookie = Api.anonymous(port).send("GET", "/api/identity/tokens", null,
				Map.of("Cookie", "JSESSIONID=" + session));
		assertThat(withCookie.status()).isEqualTo(401);
		Api.Response write = Api.anonymous(port).send("POST", "/v1.1/Things", Map.of("name", "by cookie"),
				Map.of("Cookie", "JSESSIONID=" + session));
		assertThat(write.status()).isEqualTo(401);
	}

	@Test
	void httpBasicCredentialsOnAPageMakeNoSession() {
		for (String path : List.of("/console", "/", "/transparency")) {
			Api.Response page = Api.anonymous(port).send("GET", path, null,
					Map.of("Accept", "text/html", "Authorization", Api.basic(Api.TEST_USER, Api.TEST_PASSWORD)));
			assertThat(page.status()).as(path).isEqualTo(200);
			assertThat(page.body()).as(path).contains("(" + Api.TEST_USER + ")");
			assertThat(page.headers().entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
				.flatMap(e -> e.getValue().stream())
				.toList()).as(path).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
		}
		// the form's sign-in still makes one
		PortalClient browser = new PortalClient(port);
		browser.signIn(Api.TEST_USER, Api.TEST_PASSWORD);
		assertThat(browser.cookie("JSESSIONID")).isPresent();
	}

	@Test
	void aRoleRevokedDuringASessionCountsFromTheNextRequest() {
		Organisation office = organisations.create("session office " + UUID.randomUUID());
		Person steward = people.create("session-steward-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD,
				office.id(), "test");
		people.grant(steward.id(), office.id(), Role.STEWARD, "test");
		PortalClient browser = new PortalClient(port);
		assertThat(browser.signIn(steward.username(), PASSWORD).location()).isEqualTo("/");
		assertThat(browser.get("/console/steward").status()).isEqualTo(200);

		people.revoke(steward.id(), office.id(), Role.STEWARD, "test");
		assertThat(browser.get("/console/steward").status()).isEqualTo(403);
		// still signed in, with the roles they hold now
		assertThat(browser.get("/console").status()).isEqualTo(200);

		people.grant(steward.id(), office.id(), Role.STEWARD, "test");
		assertThat(browser.get("/console/steward").status()).isEqualTo(200);
	}

	@Test
	void aPersonRemovedDuringASessionIsSignedOut() {
		Organisation office = organisations.create("removal office " + UUID.randomUUID());
		Person steward = people.create("removed-steward-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD,
				office.id(), "test");
		people.grant(steward.id(), office.id(), Role.STEWARD, "test");
		PortalClient browser = new PortalClient(port);
		browser.signIn(steward.username(), PASSWORD);
		assertThat(browser.get("/console/steward").status()).isEqualTo(200);

		jdbc.sql("DELETE FROM people WHERE id = ?").param(steward.id()).update();
		PortalClient.Page console = browser.get("/console/steward");
		assertThat(console.status()).isEqualTo(302);
		assertThat(console.location()).isEqualTo("/sign-in");
		assertThat(browser.get("/?lang=en").body()).contains("href=\"/sign-in\"").doesNotContain("Sign out");
	}

	@Test
	void consolesSendAnAnonymousVisitorToSignIn() {
		PortalClient browser = new PortalClient(port);
		PortalClient.Page console = browser.get("/console");
		assertThat(console.status()).isEqualTo(302);
		assertThat(console.location()).isEqualTo("/sign-in");
	}

}
