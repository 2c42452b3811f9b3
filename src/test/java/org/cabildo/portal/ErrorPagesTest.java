package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.cabildo.IntegrationTest;
import org.cabildo.platform.ApiException;
import org.cabildo.support.Api;
import org.cabildo.support.PortalClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.w3c.dom.Document;

/**
 * A portal page's errors are pages: the right status, in the page's language, in the portal's
 * layout (with who is signed in), writing nothing of the request unescaped; the API's errors
 * stay JSON problem bodies, whatever the client accepts.
 */
@IntegrationTest
@Import(ErrorPagesTest.Failing.class)
class ErrorPagesTest {

	private static final String SCRIPT = "<script>alert(1)</script>";

	private static final String SCRIPT_IN_URL = "%3Cscript%3Ealert(1)%3C/script%3E";

	/** Pages that fail on purpose: a parameter that must be a number, a fault, a refusal of a service. */
	@RestController
	static class Failing {

		@GetMapping("/portal/test-failures/number")
		String number(@RequestParam long n) {
			return "page " + n;
		}

		@GetMapping("/portal/test-failures/fault")
		String fault() {
			throw new IllegalStateException("internal detail " + SCRIPT);
		}

		@GetMapping("/portal/test-failures/refused")
		String refused() {
			throw ApiException.notFound("no such datastream " + SCRIPT);
		}

	}

	@LocalServerPort
	int port;

	@Test
	void anUnknownPageIsA404PageInThePagesLanguage() throws Exception {
		Api.Response spanish = page("/no-such-page", Map.of());
		assertThat(spanish.status()).isEqualTo(404);
		assertThat(spanish.header("Content-Type")).startsWith("text/html");
		assertThat(spanish.body()).contains("<title>Página no encontrada · Cabildo</title>")
			.contains("<h1>Página no encontrada</h1>")
			.contains("Error 404")
			.contains("lang=\"es\"");
		wellFormed(spanish);

		Api.Response portuguese = page("/no-such-page", Map.of("Accept-Language", "pt-BR,pt;q=0.9"));
		assertThat(portuguese.status()).isEqualTo(404);
		assertThat(portuguese.body()).contains("Página não encontrada").contains("lang=\"pt\"");

		// the language cookie speaks before the browser; ?lang= chooses and is remembered
		Api.Response english = page("/no-such-page", Map.of("Accept-Language", "pt", "Cookie", "cabildo-lang=en"));
		assertThat(english.body()).contains("Page not found").contains("lang=\"en\"");
		Api.Response chosen = page("/no-such-page?lang=en", Map.of());
		assertThat(chosen.status()).isEqualTo(404);
		assertThat(chosen.body()).contains("Page not found");
		assertThat(chosen.header("Set-Cookie")).startsWith("cabildo-lang=en");
		// the language links lead to the same address
		assertThat(spanish.body()).contains("href=\"/no-such-page?lang=pt\"");
		assertThat(spanish.header("Content-Security-Policy")).contains("script-src 'self'");
	}

	@Test
	void aBadParameterIsA400Page() throws Exception {
		Api.Response bad = page("/portal/test-failures/number?n=abc&lang=pt", Map.of());
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("Solicitação inválida");
		wellFormed(bad);
		assertThat(page("/portal/test-failures/number?n=7", Map.of()).body()).isEqualTo("page 7");
	}

	@Test
	void aRefusedFormIsA403Page() throws Exception {
		PortalClient browser = new PortalClient(port);
		browser.get("/?lang=en");
		PortalClient.Page forged = browser.post("/sign-out", Map.of());
		assertThat(forged.status()).isEqualTo(403);
		assertThat(forged.header("Content-Type")).startsWith("text/html");
		assertThat(forged.body()).contains("Access denied").contains("href=\"/sign-in\"");
		wellFormed(forged.body());
	}

	@Test
	void aMethodThePageDoesNotTakeIsA405Page() throws Exception {
		PortalClient browser = new PortalClient(port);
		browser.get("/?lang=en");
		// with the CSRF token of a page that has a form: the home page takes no form at all
		PortalClient.Page posted = browser.submit("/sign-in", "/", Map.of());
		assertThat(posted.status()).isEqualTo(405);
		assertThat(posted.header("Allow")).contains("GET");
		assertThat(posted.body()).contains("Method not allowed");
		wellFormed(posted.body());
	}

	@Test
	void aFaultIsA500PageThatTellsNothingOfIt() throws Exception {
		Api.Response fault = page("/portal/test-failures/fault", Map.of("Accept-Language", "en"));
		assertThat(fault.status()).isEqualTo(500);
		assertThat(fault.body()).contains("Server error").doesNotContain("internal detail")
			.doesNotContain("IllegalStateException").doesNotContain("<script>");
		wellFormed(fault);
		// a service's refusal keeps its status, not its words (in English, and from the request)
		Api.Response refused = page("/portal/test-failures/refused", Map.of());
		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.body()).contains("Página no encontrada").doesNotContain("no such datastream");
	}

	@Test
	void writesNothingOfTheRequestUnescaped() throws Exception {
		Api.Response hostile = page("/no-such-" + SCRIPT_IN_URL + "?q=" + SCRIPT_IN_URL, Map.of());
		assertThat(hostile.status()).isEqualTo(404);
		assertThat(hostile.body()).doesNotContain("<script").doesNotContain(SCRIPT);
		Document document = wellFormed(hostile);
		assertThat(document.getElementsByTagName("script").getLength()).isZero();
		assertThat(document.getElementsByTagName("h1").getLength()).isEqualTo(1);
	}

	@Test
	void theErrorPageKnowsWhoIsSignedIn() {
		PortalClient browser = new PortalClient(port);
		browser.signIn(Api.TEST_USER, Api.TEST_PASSWORD);
		PortalClient.Page missing = browser.get("/no-such-page?lang=en");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("Sign out (" + Api.TEST_USER + ")").contains("name=\"_csrf\"");
	}

	@Test
	void theApiKeepsItsJsonProblemsEvenForABrowser() {
		Map<String, String> browser = Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8", "Accept-Language",
				"en");
		for (String path : new String[] { "/api/no-such-thing", "/v1.1/NoSuchSet", "/v1.1/Things(abc)" }) {
			Api.Response problem = page(path, browser);
			assertThat(problem.status()).as(path).isBetween(400, 499);
			assertThat(problem.header("Content-Type")).as(path).startsWith("application/problem+json");
			assertThat(problem.json().get("title").asString()).as(path).isNotBlank();
			assertThat(problem.json().get("detail").asString()).as(path).isNotBlank();
			assertThat(problem.header("Set-Cookie")).as(path).isNull();
		}
		Api.Response refused = Api.anonymous(port).send("GET", "/api/identity/tokens", null, browser);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
	}

	private Api.Response page(String path, Map<String, String> headers) {
		Map<String, String> all = new java.util.HashMap<>(Map.of("Accept", "text/html"));
		all.putAll(headers);
		return Api.anonymous(port).send("GET", path, null, all);
	}

	private static Document wellFormed(Api.Response response) throws Exception {
		return wellFormed(response.body());
	}

	private static Document wellFormed(String html) throws Exception {
		// a strict XML parser: any unclosed or misnested element, or a raw '<' from data, fails it
		return DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
	}

}
