package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.cabildo.BrowserTest;
import org.cabildo.support.Api;
import org.cabildo.support.Browser;
import org.cabildo.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * Every page of the portal in a real browser, in every language: it loads in its language showing
 * what it must, with no WCAG 2.1 A/AA violation (axe-core) and no error in the console; it fits a
 * phone 360 px wide; it weighs no more than its budget on first load.
 */
@BrowserTest
class PortalPagesBrowserTest {

	/**
	 * The portal's pages. A new page is one line here (path, then the labels it must show, its h1's
	 * first; {@code .weighingAtMost(300)} for a page with the map).
	 */
	static final List<PortalPage> PAGES = List.of(
			PortalPage.anyone("/", "home.heading", "home.air", "home.sensors", "home.links"),
			PortalPage.anyone("/sign-in", "sign-in.heading", "sign-in.username", "sign-in.password"),
			PortalPage.anyone("/sign-in?error", "sign-in.heading", "sign-in.error"),
			PortalPage.anyone("/map", "map.heading", "map.filters", "map.list").weighingAtMost(300),
			PortalPage.anyone("/sensors/{datastream}", "card.values").headedByItsData(),
			PortalPage.anyone("/transparency", "transparency.heading"),
			PortalPage.anyone("/no-such-page", "errors.404.title").anErrorPage(),
			PortalPage.signedIn("/console", "steward.entry.heading", "steward.entry.roles.heading"),
			PortalPage.signedIn("/audit", "audit.heading"),
			PortalPage.signedIn("/console/operator", "operator.heading", "operator.overview.operated"),
			PortalPage.signedIn("/console/operator/things", "operator.things.heading", "operator.things.create"),
			PortalPage.signedIn("/console/operator/things/{thing}", "operator.datastreams.heading",
					"operator.datastream.create").headedByItsData(),
			PortalPage.signedIn("/console/operator/things/{thing}/delete", "operator.delete.confirm").headedByItsData(),
			PortalPage.signedIn("/console/operator/devices", "operator.devices.create").headedByItsData(),
			PortalPage.signedIn("/console/operator/tokens", "operator.tokens.heading", "operator.tokens.create"),
			// refusals are the error page too, with what the refusing part says, the API's words and the way back
			PortalPage.signedIn("/console/operator/things/999999999", "errors.404.title", "errors.api-words",
					"operator.refused.back").anErrorPage(),
			PortalPage.signedIn("/audit?datastream=abc", "errors.400.title", "audit.invalid.datastream", "audit.back")
				.anErrorPage());

	private static final Logger log = LoggerFactory.getLogger(PortalPagesBrowserTest.class);

	/** The smallest text a reader of a phone is asked to read, in CSS pixels. */
	static final int SMALLEST_TEXT_PIXELS = 14;

	static final int PHONE_WIDTH = 360;

	/** A declared open air-quality stream with a reading, for the pages about one stream. */
	static String datastream;

	/** Its Thing, for the operator's pages about one Thing. */
	static String thing;

	@Autowired
	MessageSource messages;

	@BeforeAll
	static void aDeclaredStreamWithAReading(@LocalServerPort int port) {
		Api api = new Api(port);
		Api.Response created = api.post("/v1.1/Datastreams", Fixtures.datastreamWithThing("Estación del navegador"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(api.post("/v1.1/Observations", Map.of("result", 21.5, "Datastream", Map.of("@iot.id", created.id())))
			.status()).isEqualTo(201);
		datastream = String.valueOf(created.id());
		thing = String.valueOf(api.get("/v1.1/Datastreams(" + datastream + ")/Thing").id());
	}

	static Stream<PortalPage> pages() {
		return PAGES.stream();
	}

	static Stream<Arguments> everyPageInEveryLanguage() {
		return PAGES.stream().flatMap(page -> Arrays.stream(Language.values()).map(lang -> Arguments.of(page, lang)));
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("everyPageInEveryLanguage")
	void loadsInItsLanguageWithNoWcagViolationNorConsoleError(PortalPage page, Language language, Browser browser) {
		open(browser, page, language);
		assertThat(browser.lang()).isEqualTo(language.code());
		if (page.headingFromData()) {
			assertThat(browser.heading()).isNotBlank();
		}
		else {
			assertThat(browser.heading()).contains(label(page.shows().get(0), language));
		}
		String text = browser.text();
		for (String key : page.shows()) {
			assertThat(text).as(key).contains(label(key, language));
		}
		browser.assertAccessible();
		// an error page's own status is the one error its console may report
		assertThat(browser.consoleErrors()).as("the console of " + browser.path())
			.filteredOn(error -> !(page.errorPage() && error.contains(browser.path() + " - Failed to load resource")))
			.isEmpty();
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("everyPageInEveryLanguage")
	void fitsAPhoneScreenWithoutScrollingSideways(PortalPage page, Language language, Browser browser) {
		browser.phone(PHONE_WIDTH);
		open(browser, page, language);
		assertThat(browser.viewportWidth()).isEqualTo(PHONE_WIDTH);
		assertThat(browser.scrollWidth()).as("how wide %s is laid out", browser.path()).isLessThanOrEqualTo(PHONE_WIDTH);
		assertThat(browser.unreadableText(SMALLEST_TEXT_PIXELS)).as("text hard to read on " + browser.path()).isEmpty();
		// what only a narrow screen shows (a table that scrolls must be reachable by keyboard), in
		// one language: the checks in every language take most of these tests' time
		if (language == Language.DEFAULT) {
			browser.assertAccessible();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pages")
	void weighsNoMoreThanItsBudgetOnFirstLoad(PortalPage page, Browser browser) {
		if (page.signedIn()) {
			browser.signIn(Api.TEST_USER, Api.TEST_PASSWORD);
		}
		Browser.PageWeight weight = browser.weigh(page.in(Language.DEFAULT, datastream, thing));
		log.info("First load of {}", weight);
		assertThat(weight.bytes()).as(weight.toString()).isPositive().isLessThanOrEqualTo(page.budgetKilobytes() * 1024L);
	}

	private static void open(Browser browser, PortalPage page, Language language) {
		if (page.signedIn()) {
			browser.signIn(Api.TEST_USER, Api.TEST_PASSWORD);
		}
		browser.open(page.in(language, datastream, thing));
	}

	private String label(String key, Language language) {
		return messages.getMessage(key, null, language.locale());
	}

}
