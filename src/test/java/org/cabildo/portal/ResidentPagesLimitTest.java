package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.support.PortalClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;

/**
 * The forms of residents' accounts are writes without an account: they draw on the allowance of
 * such writes per client address, as the API's do. Beyond it, the portal's error page (429 with
 * Retry-After) in the page's language, saying that nothing was sent; never the API's JSON.
 */
@IntegrationTest
// RateLimitTest's limits, so that they run on one server: 5 writes without credentials a minute per address
@TestPropertySource(properties = { "cabildo.identity.limits.sign-in-failures-per-username=3",
		"cabildo.identity.limits.sign-in-failures-per-address=1000",
		"cabildo.identity.limits.anonymous-writes-per-address=5",
		"cabildo.identity.limits.costly-reads-per-address=3" })
class ResidentPagesLimitTest {

	/** An address of its own: RateLimitTest spends 127.0.0.1's allowance on this server. */
	private static final String ADDRESS = "127.0.0.61";

	@LocalServerPort
	int port;

	@Test
	@DisplayName("the sixth form within the minute from one address gets the 429 page")
	void beyondTheAllowanceTheErrorPage() throws Exception {
		PortalClient browser = new PortalClient(port, ADDRESS);
		String[] forms = { "/residents/sign-up", "/residents/password", "/residents/verify?link=made-up",
				"/residents/password?link=made-up", "/residents/sign-up" };
		String[] actions = { "/residents/sign-up", "/residents/password", "/residents/verify", "/residents/password/new",
				"/residents/sign-up" };
		for (int i = 0; i < forms.length; i++) {
			// refused by the form or the service (400), but counted
			PortalClient.Page refused = browser.submit(forms[i] + (forms[i].contains("?") ? "&" : "?") + "lang=pt",
					actions[i], Map.of("email", "not an address", "link", "made-up", "password", "x"));
			assertThat(refused.status()).as("%s", refused).isEqualTo(400);
		}
		PortalClient.Page limited = browser.submit("/residents/password", "/residents/password", Map.of("email",
				"someone@example.org"));
		assertThat(limited.status()).as("%s", limited).isEqualTo(429);
		assertThat(limited.header("Content-Type")).startsWith("text/html");
		assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
		Document page = StreamCardTest.xml(limited.body());
		assertThat(StreamCardTest.text(page, "//h1")).startsWith("Solicitações demais");
		assertThat(StreamCardTest.text(page, "//*[@role='alert']"))
			.isEqualTo("Foram enviados formulários demais do seu endereço em pouco tempo. Nada foi enviado: espere um"
					+ " minuto e tente de novo.");
		// the pages themselves are read as ever
		assertThat(browser.get("/residents/sign-up").status()).isEqualTo(200);
	}

}
