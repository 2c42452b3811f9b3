package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.cabildo.BrowserTest;
import org.cabildo.support.Api;
import org.cabildo.support.Browser;
import org.cabildo.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * What a person does with the portal in a real browser: switches its language, signs in with the
 * form and out again; and the screenshots the README shows.
 */
@BrowserTest
class PortalBrowserTest {

	private static final By SIGN_OUT = By.cssSelector("header form[action='/sign-out'] button");

	@LocalServerPort
	int port;

	@Test
	void theLanguageSwitchChangesThePageAndTheNextPageKeepsIt(Browser browser) {
		browser.open("/");
		// the browser asks for Spanish (es-MX), and a new visitor gets it
		assertThat(browser.lang()).isEqualTo("es");
		assertThat(browser.heading()).isEqualTo("Los sensores de la ciudad, a la vista de todos");

		browser.follow(By.linkText("English"));
		assertThat(browser.lang()).isEqualTo("en");
		assertThat(browser.text()).contains("The air now");

		browser.follow(By.linkText("Sign in"));
		assertThat(browser.path()).isEqualTo("/sign-in");
		assertThat(browser.lang()).isEqualTo("en");
		assertThat(browser.heading()).isEqualTo("Sign in");

		browser.follow(By.linkText("Português"));
		assertThat(browser.path()).isEqualTo("/sign-in?lang=pt");
		assertThat(browser.heading()).isEqualTo("Entrar");
		browser.follow(By.linkText("Cabildo"));
		assertThat(browser.path()).isEqualTo("/");
		assertThat(browser.lang()).isEqualTo("pt");
		assertThat(browser.text()).contains("O ar agora");
	}

	@Test
	void aPersonSignsInWithTheFormSeesTheirNameAndSignsOut(Browser browser) {
		browser.open("/?lang=en").follow(By.linkText("Sign in"));
		browser.type(By.id("password"), "not the password")
			.type(By.id("username"), Api.TEST_USER)
			.follow(By.cssSelector("main form button[type=submit]"));
		assertThat(browser.path()).isEqualTo("/sign-in?error");
		assertThat(browser.text()).contains("Wrong username or password.");

		browser.type(By.id("username"), Api.TEST_USER)
			.type(By.id("password"), Api.TEST_PASSWORD)
			.follow(By.cssSelector("main form button[type=submit]"));
		assertThat(browser.path()).isEqualTo("/");
		assertThat(browser.find(SIGN_OUT).getText()).isEqualTo("Sign out (" + Api.TEST_USER + ")");
		assertThat(browser.driver().findElements(By.linkText("Sign in"))).isEmpty();
		browser.assertAccessible();

		browser.follow(SIGN_OUT);
		assertThat(browser.driver().findElements(SIGN_OUT)).isEmpty();
		assertThat(browser.find(By.linkText("Sign in")).getDomAttribute("href")).isEqualTo("/sign-in");
	}

	/**
	 * The pictures of the portal the README shows, in Spanish at 1280 px: into target/screenshots,
	 * and with -Dcabildo.screenshots=docs/screenshots into the README's folder too. The home page as
	 * the window shows it; a stream's card from top to bottom.
	 */
	@Test
	void screenshots(Browser browser) {
		browser.open("/?lang=es");
		assertThat(browser.screenshot("home")).isRegularFile();

		browser.open("/sensors/" + aStreamWithValues() + "?lang=es");
		assertThat(browser.find(By.id("values")).getText()).doesNotContain("Todavía no hay valores");
		assertThat(browser.screenshotOfWholePage("card")).isRegularFile();
	}

	/**
	 * With the demo city loaded, its PM2.5 at Camarones (a RAMA station); without it, a stream of the
	 * test's own with one reading, so that the picture is taken all the same.
	 */
	private long aStreamWithValues() {
		Api api = new Api(port);
		JsonNode demo = api.get("/v1.1/Datastreams", "$filter",
				"properties/stationId eq 'CAM' and properties/pollutant eq 'PM2.5'", "$select", "id")
			.json()
			.get("value");
		if (!demo.isEmpty()) {
			return demo.get(0).get("@iot.id").asLong();
		}
		Api.Response created = api.post("/v1.1/Datastreams", Fixtures.datastreamWithThing("Estación de la foto"));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		assertThat(api.post("/v1.1/Observations", Map.of("result", 21.5, "Datastream", Map.of("@iot.id", created.id())))
			.status()).isEqualTo(201);
		return created.id();
	}

}
