package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.cabildo.BrowserTest;
import org.cabildo.support.Api;
import org.cabildo.support.Browser;
import org.cabildo.support.TestMailbox;
import org.cabildo.support.TestResidents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Residents' proposals in a real browser, by clicking: a verified resident signs in, proposes with
 * the form and lands on the proposal; another opens it, supports it and sees the count go up, then
 * withdraws; each page without a WCAG 2.1 A/AA violation nor an error in the console.
 */
@BrowserTest
class ProposalBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	TestMailbox mailbox;

	private String district;

	private String districtName;

	@BeforeEach
	void aDistrict() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		district = "00" + suffix;
		districtName = "Colonia " + suffix;
		double lon = ThreadLocalRandom.current().nextDouble(4.0, 5.0);
		double lat = ThreadLocalRandom.current().nextDouble(43.0, 44.0);
		Api.Response imported = new Api(port).put("/api/districts", "{\"type\":\"FeatureCollection\",\"features\":[{"
				+ "\"type\":\"Feature\",\"properties\":{\"district_id\":\"" + district + "\",\"name\":\"" + districtName
				+ "\",\"population_2020\":8000},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + lon + "," + lat
				+ "],[" + (lon + 0.01) + "," + lat + "],[" + (lon + 0.01) + "," + (lat + 0.01) + "],[" + lon + ","
				+ (lat + 0.01) + "],[" + lon + "," + lat + "]]]}}]}");
		assertThat(imported.status()).as("%s", imported).isIn(200, 201);
	}

	@Test
	void aResidentProposesByClickingAndFindsItInTheList(Browser browser) {
		browser.signIn(residentEmail(), TestResidents.PASSWORD).open("/proposals?lang=en");
		browser.follow(By.cssSelector("main a[href='/proposals/new']"));
		assertThat(browser.heading()).isEqualTo("Make a proposal");
		browser.type(By.id("title"), "Una ciclovía en la avenida")
			.type(By.id("text"), "A protected bike lane along the avenue, from the market to the school.");
		new Select(browser.find(By.id("district"))).selectByVisibleText(districtName);
		new Select(browser.find(By.id("category"))).selectByValue("movilidad");
		browser.follow(By.cssSelector("#form button[type=submit]"));

		assertThat(browser.path()).matches("/proposals/\\d+");
		String id = browser.path().substring("/proposals/".length());
		assertThat(browser.heading()).isEqualTo("Una ciclovía en la avenida");
		assertThat(browser.find(By.className("card-kicker")).getText()).isEqualTo("Proposal no. " + id);
		assertThat(browser.text()).contains(districtName)
			.contains("Movilidad")
			.contains("Gathering supports")
			.contains("A protected bike lane along the avenue, from the market to the school.");
		browser.assertAccessible();
		assertThat(browser.consoleErrors()).isEmpty();

		browser.open("/proposals?district=" + district);
		assertThat(browser.find(By.cssSelector("#list tbody")).getText()).contains("Una ciclovía en la avenida");
	}

	@Test
	void aResidentSupportsAProposalByClickingAndSeesTheCountChange(Browser browser) {
		Api author = TestResidents.verified(port, mailbox);
		Api.Response made = author.post("/api/participation/proposals", Map.of("title", "Bancas a la sombra", "text",
				"Bancas bajo los árboles de la plaza.", "district", district, "category", "espacio-publico"));
		assertThat(made.status()).as("%s", made).isEqualTo(201);
		long id = made.json().path("id").asLong();
		assertThat(author.post("/api/participation/proposals/" + id + "/supports", null).status()).isEqualTo(201);

		browser.signIn(residentEmail(), TestResidents.PASSWORD).open("/proposals/" + id + "?lang=en");
		assertThat(browser.heading()).isEqualTo("Bancas a la sombra");
		assertThat(supports(browser)).isEqualTo("1");
		assertThat(browser.find(By.id("supports")).getText()).isEqualTo("1 of the 3 supports needed");
		browser.assertAccessible();

		browser.follow(By.id("support-button"));
		assertThat(browser.path()).isEqualTo("/proposals/" + id);
		assertThat(supports(browser)).isEqualTo("2");
		assertThat(browser.find(By.id("supports")).getText()).isEqualTo("2 of the 3 supports needed");
		assertThat(browser.find(By.id("supporting")).getText()).isEqualTo("You support this proposal.");
		assertThat(browser.driver().findElements(By.id("support-button"))).isEmpty();
		browser.assertAccessible();
		assertThat(browser.consoleErrors()).isEmpty();

		browser.follow(By.id("withdraw"));
		assertThat(supports(browser)).isEqualTo("1");
		assertThat(browser.driver().findElements(By.id("support-button"))).hasSize(1);

		browser.type(By.id("comment"), "Y fuentes de agua, por favor.").follow(By.cssSelector("#comment-form button"));
		assertThat(browser.find(By.id("comments")).getText()).contains("Y fuentes de agua, por favor.");
	}

	private static String supports(Browser browser) {
		return browser.find(By.id("supports")).getDomAttribute("data-supports");
	}

	/** A new resident whose address is verified; their email address, with which they sign in. */
	private String residentEmail() {
		return TestResidents.verified(port, mailbox).get("/api/residents/me").json().path("email").asString();
	}

}
