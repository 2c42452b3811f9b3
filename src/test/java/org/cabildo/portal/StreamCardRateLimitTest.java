package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.cabildo.support.Fixtures;
import org.cabildo.support.PortalClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The objection form of a stream's card draws on the same allowance per client address as the
 * API's filings (the same setting as ObjectionRateLimitTest, so the same server): beyond it, a
 * 429 page with Retry-After, and the API refuses that address too.
 */
@IntegrationTest
@TestPropertySource(properties = "cabildo.identity.limits.objections-per-address=3")
class StreamCardRateLimitTest {

	/** An address of its own: ObjectionRateLimitTest spends 127.0.0.1's allowance on this server. */
	private static final String ADDRESS = "127.0.0.42";

	@LocalServerPort
	int port;

	@Autowired
	ObjectionFormSettings form;

	@Test
	@DisplayName("the fourth objection within the hour from one address, with the form, gets a 429 page")
	void limited() throws Exception {
		long stream = new Api(port).post("/v1.1/Datastreams", Fixtures.datastreamWithThing("card limited")).id();
		String card = "/sensors/" + stream + "?lang=pt";
		String action = "/sensors/" + stream + "/objections";
		PortalClient browser = new PortalClient(port, ADDRESS);
		List<String> forms = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			forms.add(browser.get(card).input("issued").orElseThrow());
		}
		Thread.sleep(form.minAge().toMillis() + 200);
		for (int i = 0; i < 3; i++) {
			PortalClient.Page filed = browser.submit(card, action, Map.of("category", "other", "text", "question " + i,
					"issued", forms.get(i)));
			assertThat(filed.status()).as("%s", filed).isEqualTo(302);
		}
		PortalClient.Page limited = browser.submit(card, action, Map.of("category", "other", "text", "one more",
				"issued", forms.get(3)));
		assertThat(limited.status()).as("%s", limited).isEqualTo(429);
		assertThat(limited.header("Content-Type")).startsWith("text/html");
		assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
		assertThat(StreamCardTest.text(StreamCardTest.xml(limited.body()), "//h1")).startsWith("Solicitações demais");
		assertThat(limited.body()).contains("na última hora");
		// one allowance for the address, whichever way it files
		assertThat(Api.anonymousFrom(port, ADDRESS).post("/api/register/" + stream + "/objections", Map.of("category",
				"other", "text", "by the API")).status()).isEqualTo(429);
		assertThat(Api.anonymous(port).get("/api/register/" + stream + "/objections").json().size()).isEqualTo(3);
	}

}
