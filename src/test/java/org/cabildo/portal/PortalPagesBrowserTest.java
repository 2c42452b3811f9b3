package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.cabildo.BrowserTest;
import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Person;
import org.cabildo.identity.Role;
import org.cabildo.identity.Tokens;
import org.cabildo.participation.Demographics;
import org.cabildo.participation.Filing;
import org.cabildo.participation.Reporter;
import org.cabildo.participation.Reports;
import org.cabildo.support.Api;
import org.cabildo.support.Browser;
import org.cabildo.support.Fixtures;
import org.cabildo.support.TestMailbox;
import org.cabildo.support.TestResidents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
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
			PortalPage.anyone("/districts", "districts.heading", "districts.ranking", "districts.equity", "districts.map",
					"districts.sensing"),
			PortalPage.anyone("/districts/{district}", "districts.months", "districts.valid-days").headedByItsData(),
			PortalPage.anyone("/report", "participation.report.heading", "participation.form.service",
					"participation.form.where", "participation.form.district", "participation.form.about"),
			// sent at once (too fast) with no service chosen: the form again, its problems first
			PortalPage.anyone("/report", "participation.report.heading", "participation.form.problems.heading")
				.sentWith("description", "Un bache hondo")
				.anErrorPage(),
			PortalPage.anyone("/reports", "participation.reports.heading", "participation.reports.filter",
					"participation.reports.list"),
			PortalPage.signedIn("/reports?mine=1", "participation.reports.mine.heading", "participation.reports.all.link"),
			PortalPage.anyone("/reports/{report}", "participation.report.status", "participation.report.office",
					"participation.report.where", "participation.report.notes").headedByItsData(),
			PortalPage.anyone("/reports/999999999", "errors.404.title", "participation.problem.404.detail",
					"participation.back").anErrorPage(),
			PortalPage.anyone("/proposals", "participation.proposals.heading", "participation.proposals.filter",
					"participation.proposals.list"),
			PortalPage.anyone("/proposals/{proposal}", "participation.proposal.status", "participation.proposal.office",
					"participation.proposal.supports", "participation.proposal.answer", "participation.proposal.comments",
					"participation.proposal.sign-in").headedByItsData(),
			// a verified resident who does not support it yet: the forms to support, follow and comment
			PortalPage.resident("/proposals/{proposal}", "participation.proposal.supports", "participation.proposal.support",
					"participation.proposal.follow", "participation.proposal.comment").headedByItsData(),
			// the test account is staff, no resident: told what supporting needs
			PortalPage.signedIn("/proposals/{proposal}", "participation.proposal.supports",
					"participation.proposal.not-verified").headedByItsData(),
			PortalPage.anyone("/proposals/new", "participation.proposal.form.heading", "participation.proposal.form.sign-in"),
			PortalPage.resident("/proposals/new", "participation.proposal.form.heading",
					"participation.proposal.form.field.title", "participation.proposal.form.field.district",
					"participation.proposal.form.field.category", "participation.proposal.form.categories"),
			// sent with a title only: the form again, its problems first
			PortalPage.resident("/proposals/new", "participation.proposal.form.heading", "participation.proposal.form.problems")
				.sentWith("title", "Un parque en el predio")
				.anErrorPage(),
			PortalPage.anyone("/proposals/999999999", "errors.404.title", "participation.proposals.problem.404.detail",
					"participation.proposals.back").anErrorPage(),
			PortalPage.anyone("/participation", "participation.heard.heading", "participation.heard",
					"participation.heard.city", "participation.equity"),
			// residents' accounts: signing up (sent at once, too fast, with an address that is not one: the
			// form again, its problems first), the pages the mails link to, and a link that does not work
			PortalPage.anyone("/residents/sign-up", "residents.sign-up.heading", "residents.email", "residents.password",
					"residents.password.rules", "residents.sign-up.language"),
			PortalPage.anyone("/residents/sign-up", "residents.sign-up.heading", "residents.problems.heading")
				.sentWith("email", "no es un correo")
				.anErrorPage(),
			PortalPage.anyone("/residents/verify?link=made-up", "residents.verify.heading", "residents.verify.submit"),
			PortalPage.anyone("/residents/verify", "residents.link.heading", "residents.link.link-missing",
					"residents.links.new-link").anErrorPage(),
			PortalPage.anyone("/residents/password", "residents.password.heading", "residents.email",
					"residents.password.submit"),
			PortalPage.anyone("/residents/password?link=made-up", "residents.new-password.heading",
					"residents.password.rules", "residents.new-password.submit"),
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
				.anErrorPage(),
			// the steward console, for a steward of the office that owns {stewarded} (objected to) and
			// {restricted} (shared), both at the city stage where the test city's policy declares them
			PortalPage.steward("/console", "steward.entry.heading", "steward.entry.steward", "steward.entry.roles.heading"),
			PortalPage.steward("/console/steward", "steward.streams.heading", "steward.streams.caption",
					"steward.stream.declaration", "steward.stream.sharing"),
			PortalPage.steward("/console/steward/streams/{stewarded}/declaration", "steward.declaration.summary",
					"steward.declaration.retention", "steward.declaration.submit").headedByItsData(),
			PortalPage.steward("/console/steward/streams/{stewarded}/declaration", "steward.problems.heading",
					"steward.declaration.retention-duration", "steward.declaration.submit")
				.headedByItsData()
				.sentWith("retentionDuration", "forever")
				.anErrorPage(),
			PortalPage.steward("/console/steward/streams/{stewarded}/stage", "steward.stage.move", "steward.stage.target",
					"steward.stage.reason", "steward.stage.submit")
				.headedByItsData(),
			PortalPage.steward("/console/steward/objections", "steward.objections.heading", "steward.objections.contact",
					"steward.objections.submit"),
			PortalPage.steward("/console/steward/streams/{restricted}/sharing", "steward.sharing.grants",
					"steward.sharing.caption", "steward.sharing.add")
				.headedByItsData());

	private static final Logger log = LoggerFactory.getLogger(PortalPagesBrowserTest.class);

	/** The smallest text a reader of a phone is asked to read, in CSS pixels. */
	static final int SMALLEST_TEXT_PIXELS = 14;

	static final int PHONE_WIDTH = 360;

	/** The steward's password: a steward of the office that owns the streams of the steward console's pages. */
	private static final String STEWARD_PASSWORD = "a steward of the checked pages 3c9f";

	/** The steward's username. */
	static String steward;

	/** The streams the pages' paths name. */
	static PortalPage.Subjects subjects;

	/** The verified resident's email address, their username. */
	static String resident;

	@Autowired
	MessageSource messages;

	@BeforeAll
	static void streamsToShow(@LocalServerPort int port, @Autowired Organisations organisations,
			@Autowired People people, @Autowired Tokens tokens, @Autowired Reports reports,
			@Autowired TestMailbox mailbox) {
		Api api = new Api(port);
		Api.Response created = api.post("/v1.1/Datastreams", Fixtures.datastreamWithThing("Estación del navegador"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(api.post("/v1.1/Observations", Map.of("result", 21.5, "Datastream", Map.of("@iot.id", created.id())))
			.status()).isEqualTo(201);
		String datastream = String.valueOf(created.id());
		String thing = String.valueOf(api.get("/v1.1/Datastreams(" + datastream + ")/Thing").id());

		// a steward's office: a stream declared (by the test city's policy) with an objection waiting,
		// and a restricted one shared with a partner for one of its purposes
		Organisation office = organisations.create(unique("oficina del navegador"));
		Organisation partner = organisations.create(unique("socia del navegador"));
		steward = person(people, office, Role.STEWARD, STEWARD_PASSWORD);
		Person operator = people.byUsername(person(people, office, Role.OPERATOR, STEWARD_PASSWORD)).orElseThrow();
		Api operatorApi = Api.anonymous(port).as(Api.bearer(tokens.create(operator.id(), "browser", null, "test").secret()));
		long stewarded = operatorApi.post("/v1.1/Datastreams", Fixtures.datastreamWithThing(unique("Estación"))).id();
		Api.Response objected = Api.anonymous(port).post("/api/register/" + stewarded + "/objections",
				Map.of("category", "retention", "text", "¿Por qué se guardan los valores?", "contact", "vecina@example.org"));
		assertThat(objected.status()).as("%s", objected).isEqualTo(201);
		long restricted = operatorApi.post("/v1.1/Datastreams", Fixtures.datastreamWithThing(unique("Estación"))).id();
		Map<String, Object> shared = new HashMap<>(Fixtures.openLabDeclaration());
		shared.put("accessLevel", "restricted");
		shared.put("sharing", List.of(Map.of("organisation", partner.name(), "purposes", List.of("health"))));
		Api.Response declared = Api.anonymous(port)
			.as(Api.basic(steward, STEWARD_PASSWORD))
			.put("/api/register/" + restricted, shared);
		assertThat(declared.status()).as("%s", declared).isEqualTo(200);
		// a district of its own around the browser's stream (placed in it by its Location, if it has one)
		String district = unique("D");
		Api.Response imported = api.put("/api/districts", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
				+ "\"Feature\",\"properties\":{\"district_id\":\"" + district + "\",\"name\":\"Distrito del navegador\","
				+ "\"population_2020\":120000},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-99.2,19.3],"
				+ "[-99.1,19.3],[-99.1,19.4],[-99.2,19.4],[-99.2,19.3]]]}}]}");
		assertThat(imported.status()).as("%s", imported).isIn(200, 201);
		// a resident's report placed by that district alone, as the report form without the map places it
		long report = reports.file(new Filing(null, "pothole", null, null, "Calle del navegador 12", null, district,
				Map.of("size", List.of("large")), "Un bache frente a la estación.", null,
				Reporter.resident(null, "127.0.0.1", null, null, null, null, null, null), null, Demographics.NOT_SAID),
				id -> {
					throw new IllegalStateException("no photo");
				}).report().id();
		// a resident's proposal about that district, forwarded to its office by three supports (the tests'
		// threshold) and answered, with a comment; and a verified resident who has not supported it
		Api author = TestResidents.verified(port, mailbox);
		Api.Response proposed = author.post("/api/participation/proposals", Map.of("title", "Un parque en el predio",
				"text", "Que el predio baldío junto a la estación sea un parque.", "district", district, "category",
				"espacio-publico"));
		assertThat(proposed.status()).as("%s", proposed).isEqualTo(201);
		long proposal = proposed.json().path("id").asLong();
		for (Api supporter : List.of(author, TestResidents.verified(port, mailbox), TestResidents.verified(port, mailbox))) {
			assertThat(supporter.post("/api/participation/proposals/" + proposal + "/supports", null).status())
				.isEqualTo(201);
		}
		assertThat(author.post("/api/participation/proposals/" + proposal + "/comments", Map.of("text",
				"Gracias a quienes la apoyaron.")).status()).isEqualTo(201);
		Api.Response answered = api.post("/api/participation/proposals/" + proposal + "/answer", Map.of("text",
				"La oficina estudia el predio con la alcaldía.", "outcome", "in-study"));
		assertThat(answered.status()).as("%s", answered).isEqualTo(200);
		resident = TestResidents.verified(port, mailbox).get("/api/residents/me").json().path("email").asString();
		subjects = new PortalPage.Subjects(datastream, thing, String.valueOf(stewarded), String.valueOf(restricted),
				district, String.valueOf(report), String.valueOf(proposal));
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
		signIn(browser, page);
		String address = page.in(Language.DEFAULT, subjects);
		Browser.PageWeight weight = page.sent().isEmpty() ? browser.weigh(address)
				: browser.open(address).weigh(page.toString(), () -> send(browser, page.sent().get()));
		log.info("First load of {}", weight);
		assertThat(weight.bytes()).as(weight.toString()).isPositive().isLessThanOrEqualTo(page.budgetKilobytes() * 1024L);
	}

	private static void open(Browser browser, PortalPage page, Language language) {
		signIn(browser, page);
		browser.open(page.in(language, subjects));
		page.sent().ifPresent(typed -> send(browser, typed));
	}

	private static void signIn(Browser browser, PortalPage page) {
		switch (page.visitor()) {
			case ANYONE -> {
			}
			case TEST_ACCOUNT -> browser.signIn(Api.TEST_USER, Api.TEST_PASSWORD);
			case STEWARD -> browser.signIn(steward, STEWARD_PASSWORD);
			case RESIDENT -> browser.signIn(resident, TestResidents.PASSWORD);
		}
	}

	/** Sends the page's form ({@code #form}) with this value typed into its field, and waits for the answer. */
	private static void send(Browser browser, PortalPage.Typed typed) {
		browser.type(By.id(typed.field()), typed.value()).follow(By.cssSelector("#form button[type=submit]"));
	}

	/** A person with a password and this role in the organisation; their username. */
	private static String person(People people, Organisation organisation, Role role, String password) {
		Person person = people.create(unique(role.label()), password, organisation.id(), "test");
		people.grant(person.id(), organisation.id(), role, "test");
		return person.username();
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private String label(String key, Language language) {
		return messages.getMessage(key, null, language.locale());
	}

}
