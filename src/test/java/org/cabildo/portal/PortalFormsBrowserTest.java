package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.cabildo.BrowserTest;
import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Person;
import org.cabildo.identity.Role;
import org.cabildo.identity.Tokens;
import org.cabildo.support.Api;
import org.cabildo.support.Browser;
import org.cabildo.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The portal's forms used in a real browser, by clicking: a visitor files an objection on a
 * stream's card; a steward signs in and changes the stream's declaration, and a refused change
 * shows its problem at its field; an objection whose text is a script is shown as text, inert, on
 * every page that shows it.
 *
 * <p>The objection form may be sent at once here: Selenium fills it faster than a person, and
 * waiting out the delay it asks of scripts would only slow these tests down. That delay is checked,
 * with its default, by {@link StreamCardTest} (formDefences).
 */
@BrowserTest
@TestPropertySource(properties = "cabildo.portal.objection-form.min-age=0s")
class PortalFormsBrowserTest {

	private static final String PASSWORD = "a steward of the browser's streams 5b2e";

	/** What a visitor writes to run a script on whoever reads the objection; it breaks out of a textarea too. */
	static final String SCRIPT = "</textarea><script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";

	/** The same, in the contact (which the steward reads): it breaks out of an attribute's value. */
	static final String SCRIPTED_CONTACT = "\"><img src=x onerror=\"window.__pwned=3\">";

	private static final By FILE_IT = By.cssSelector("#objections form button[type=submit]");

	private static final By SAVE = By.cssSelector("#form button[type=submit]");

	@LocalServerPort
	int port;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	Tokens tokens;

	private String steward;

	/** A stream of the steward's office, declared at once by the test city's policy (version 1). */
	private long stream;

	@BeforeEach
	void anOfficeWithAStewardAndAStream() {
		Organisation office = organisations.create(unique("browser office"));
		steward = person(office, Role.STEWARD);
		Person operator = people.byUsername(person(office, Role.OPERATOR)).orElseThrow();
		Api operatorApi = Api.anonymous(port).as(Api.bearer(tokens.create(operator.id(), "browser", null, "test").secret()));
		Api.Response created = operatorApi.post("/v1.1/Datastreams", Fixtures.datastreamWithThing(unique("Estación")));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		stream = created.id();
	}

	@Test
	void aVisitorFilesAnObjectionByClickingAndTheCardShowsIt(Browser browser) {
		browser.open(card() + "?lang=en");
		WebElement trap = browser.find(By.id("website"));
		assertThat(outOfSight(browser, trap)).as("the field people must leave empty is out of their sight").isTrue();

		new Select(browser.find(By.id("category"))).selectByVisibleText("How long the data is kept");
		browser.type(By.id("text"), "Why are the values kept for ever?")
			.type(By.id("contact"), "resident@example.org")
			.follow(FILE_IT);

		assertThat(browser.path()).matches("/sensors/" + stream + "\\?filed=\\d+");
		String reference = browser.path().replaceAll(".*filed=", "");
		assertThat(browser.driver().getCurrentUrl()).endsWith("#objection-" + reference);
		assertThat(browser.find(By.cssSelector("main > [role=status]")).getText())
			.contains("Your objection was filed with reference no. " + reference);
		WebElement filed = browser.find(By.id("objection-" + reference));
		assertThat(inView(browser, filed)).as("the visitor is taken to their objection").isTrue();
		assertThat(filed.getText()).contains("How long the data is kept")
			.contains("Open: waiting for an answer")
			.contains("Why are the values kept for ever?");
		assertThat(browser.text()).as("the contact is the steward's only").doesNotContain("resident@example.org");
		browser.assertAccessible();

		JsonNode listed = Api.anonymous(port).get("/api/register/" + stream + "/objections").json();
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("id").asString()).isEqualTo(reference);
		assertThat(listed.get(0).get("category").asString()).isEqualTo("retention");
	}

	@Test
	void aStewardSignsInAndChangesTheDeclarationByClickingAndTheCardShowsTheNewVersion(Browser browser) {
		browser.signIn(steward, PASSWORD);
		assertThat(browser.path()).isEqualTo("/");
		browser.open("/console?lang=en")
			.follow(By.partialLinkText("Steward console"))
			.follow(By.cssSelector("#declared a[href='" + declaration() + "']"));
		assertThat(browser.heading()).isEqualTo("Declaration of stream " + stream);

		browser.type(By.id("summary"), "Measures ozone every ten minutes, for the city's air alerts.")
			.type(By.id("retentionDuration"), "P365D")
			.follow(SAVE);

		assertThat(browser.path()).isEqualTo(declaration() + "?saved");
		assertThat(browser.find(By.cssSelector("main [role=status]")).getText())
			.isEqualTo("Saved: the new version of the declaration is in the public register.");
		assertThat(browser.find(By.id("retentionDuration")).getDomProperty("value")).isEqualTo("P365D");

		browser.open(card());
		assertThat(browser.lang()).as("the language chosen before").isEqualTo("en");
		assertThat(browser.find(By.className("card-summary")).getText())
			.isEqualTo("Measures ozone every ten minutes, for the city's air alerts.");
		String newest = browser.find(By.cssSelector("#history ol.versions > li:first-child")).getText();
		assertThat(newest).contains("Version 2").contains("by " + steward).contains("kept for 365 days");
		JsonNode registered = registered();
		assertThat(registered.get("version").asInt()).isEqualTo(2);
		assertThat(registered.get("retention").get("duration").asString()).isEqualTo("P365D");
		assertThat(registered.get("declaredBy").asString()).isEqualTo(steward);
	}

	@Test
	void aRefusedChangeShowsItsProblemAtItsFieldAndSavesNothing(Browser browser) {
		browser.signIn(steward, PASSWORD).open(declaration() + "?lang=en");

		browser.type(By.id("retentionDuration"), "forever").follow(SAVE);

		assertThat(browser.path()).isEqualTo(declaration());
		WebElement field = browser.find(By.id("retentionDuration"));
		assertThat(field.getDomProperty("value")).as("the field as the steward left it").isEqualTo("forever");
		assertThat(field.getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(field.getDomAttribute("aria-describedby")).contains("retentionDuration-problems");
		WebElement problem = browser.find(By.id("retentionDuration-problems"));
		assertThat(problem.isDisplayed()).isTrue();
		assertThat(problem.getText()).contains("“forever” is not a period such as P30D");
		// the list at the top leads to the field
		assertThat(browser.find(By.cssSelector("#problems a[href='#retentionDuration']")).getText())
			.contains("“forever” is not a period such as P30D");
		browser.assertAccessible();
		assertThat(registered().get("version").asInt()).isEqualTo(1);
	}

	@Test
	void anObjectionWhoseTextIsAScriptIsTextOnEveryPageThatShowsIt(Browser browser) {
		// the card, with the form refused (its trap filled, as a robot does): the form as it was sent
		browser.open(card() + "?lang=en");
		fillTheForm(browser);
		browser.driver().executeScript("arguments[0].value = 'https://spam.example'", browser.find(By.id("website")));
		browser.follow(FILE_IT);
		assertThat(browser.find(By.id("objections")).getText()).contains("the field that must stay empty had text");
		assertThat(browser.find(By.id("text")).getDomProperty("value")).isEqualTo(SCRIPT);
		assertThat(browser.find(By.id("contact")).getDomProperty("value")).isEqualTo(SCRIPTED_CONTACT);
		assertInert(browser);

		// filed, on the card, to anyone
		assertThat(browser.find(By.id("website")).getDomProperty("value")).isEmpty();
		fillTheForm(browser);
		browser.follow(FILE_IT);
		assertThat(browser.path()).matches("/sensors/" + stream + "\\?filed=\\d+");
		String reference = browser.path().replaceAll(".*filed=", "");
		assertThat(browser.find(By.cssSelector("#objection-" + reference + " .objection-text")).getText())
			.isEqualTo(SCRIPT);
		assertInert(browser);

		// to the steward, with the contact: the list of objections waiting
		browser.signIn(steward, PASSWORD).open("/console/steward/objections?lang=en");
		By objection = By.id("objection-" + reference);
		assertShownAsText(browser, objection);

		// and again first, with why, when the steward's answer is refused (no outcome, no text)
		browser.follow(By.cssSelector("#objection-" + reference + " button[type=submit]"));
		assertThat(browser.find(By.id("refused-heading")).getText()).isEqualTo("Your answer was not published");
		assertShownAsText(browser, objection);
	}

	private void fillTheForm(Browser browser) {
		new Select(browser.find(By.id("category"))).selectByValue("other");
		browser.type(By.id("text"), SCRIPT).type(By.id("contact"), SCRIPTED_CONTACT);
	}

	/** The objection's text and contact shown as they were written, and nothing of them run. */
	private static void assertShownAsText(Browser browser, By objection) {
		WebElement shown = browser.find(objection);
		assertThat(shown.findElement(By.className("filed-text")).getText()).isEqualTo(SCRIPT);
		assertThat(shown.getText()).contains(SCRIPTED_CONTACT);
		assertInert(browser);
	}

	/**
	 * Nothing of the scripts ran, and no element of theirs is in the page. (The Content-Security-Policy
	 * would stop an inline script anyway: it is the elements, and the text shown, that tell whether
	 * the page escaped them.)
	 */
	private static void assertInert(Browser browser) {
		assertThat(browser.driver().executeScript("return typeof window.__pwned")).as(browser.path())
			.isEqualTo("undefined");
		assertThat(browser.driver().findElements(By.cssSelector("[onerror], img[src='x']"))).as(browser.path())
			.isEmpty();
		assertThat(browser.driver()
			.executeScript("return [...document.scripts].filter(s => s.textContent.includes('__pwned')).length"))
			.as(browser.path())
			.isEqualTo(0L);
		assertThat(browser.consoleErrors()).as("what the browser refused to run on " + browser.path())
			.noneMatch(error -> error.contains("Content Security Policy"));
	}

	/** Whether an element lies wholly outside the page's visible area (left of it, as the trap does). */
	private static boolean outOfSight(Browser browser, WebElement element) {
		return (Boolean) browser.driver().executeScript("return arguments[0].getBoundingClientRect().right <= 0", element);
	}

	/** Whether an element's top is within the window as it is scrolled now. */
	private static boolean inView(Browser browser, WebElement element) {
		return (Boolean) browser.driver()
			.executeScript("const top = arguments[0].getBoundingClientRect().top; return top >= 0 && top < innerHeight",
					element);
	}

	private JsonNode registered() {
		Api.Response answer = Api.anonymous(port).get("/api/register/" + stream);
		assertThat(answer.status()).as("%s", answer).isEqualTo(200);
		return answer.json();
	}

	private String card() {
		return "/sensors/" + stream;
	}

	private String declaration() {
		return "/console/steward/streams/" + stream + "/declaration";
	}

	/** A person with a password and this role in the organisation; their username. */
	private String person(Organisation organisation, Role role) {
		Person person = people.create(unique(role.label()), PASSWORD, organisation.id(), "test");
		people.grant(person.id(), organisation.id(), role, "test");
		return person.username();
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
