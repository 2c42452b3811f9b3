package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.cabildo.support.PortalClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;

/**
 * The report form draws on participation's allowance of reports per client address, the one
 * Open311 draws on: beyond it, the error page (429, with Retry-After) in the page's language, the
 * report not filed; and Open311 refuses that address too.
 */
@IntegrationTest
@TestPropertySource(properties = "cabildo.participation.reports.anonymous-per-hour=2")
class ReportFormLimitTest {

	/** An address of its own, whatever else this server was sent from 127.0.0.1. */
	private static final String ADDRESS = "127.0.0.43";

	@LocalServerPort
	int port;

	@Autowired
	ObjectionFormSettings form;

	@Test
	@DisplayName("the third report within the hour from one address, with the form, gets the 429 page")
	void limited() throws Exception {
		PortalClient browser = new PortalClient(port, ADDRESS);
		List<String> forms = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			forms.add(browser.get("/report?lang=pt").input("issued").orElseThrow());
		}
		Thread.sleep(form.minAge().toMillis() + 200);
		for (int i = 0; i < 2; i++) {
			PortalClient.Page filed = browser.submit("/report?lang=pt", "/report", Map.of("service", "pothole", "address",
					"Rua " + i, "issued", forms.get(i)));
			assertThat(filed.status()).as("%s", filed).isEqualTo(303);
		}
		PortalClient.Page limited = browser.submit("/report?lang=pt", "/report", Map.of("service", "pothole", "address",
				"Rua 3", "issued", forms.get(2)));
		assertThat(limited.status()).as("%s", limited).isEqualTo(429);
		assertThat(limited.header("Content-Type")).startsWith("text/html");
		assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
		Document page = StreamCardTest.xml(limited.body());
		assertThat(StreamCardTest.text(page, "//h1")).startsWith("Solicitações demais");
		assertThat(StreamCardTest.text(page, "//*[@role='alert']")).startsWith("Foram enviados relatos demais");
		// one allowance for the address, whichever way it files
		Api.Response byOpen311 = Api.anonymousFrom(port, ADDRESS).send("POST", "/open311/v2/requests.json",
				"service_code=pothole&address_string=Rua+4", Map.of("Content-Type", "application/x-www-form-urlencoded"));
		assertThat(byOpen311.status()).as("%s", byOpen311).isEqualTo(429);
	}

}
