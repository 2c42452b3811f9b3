package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.cabildo.support.PortalClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Signing in to the portal with the form: a session for the person, CSRF-protected forms,
 * sign-out, refusals said on the form, and an API that never reads the portal's session.
 */
@IntegrationTest
class SignInTest {

	@LocalServerPort
	int port;

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
	void consolesSendAnAnonymousVisitorToSignIn() {
		PortalClient browser = new PortalClient(port);
		PortalClient.Page console = browser.get("/console");
		assertThat(console.status()).isEqualTo(302);
		assertThat(console.location()).isEqualTo("/sign-in");
	}

}
