package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.cabildo.IntegrationTest;
import org.cabildo.governance.Register;
import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Person;
import org.cabildo.identity.Role;
import org.cabildo.identity.Tokens;
import org.cabildo.platform.CityTime;
import org.cabildo.indicators.air.Unit;
import org.cabildo.support.Api;
import org.cabildo.support.Fixtures;
import org.cabildo.support.PortalClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import tools.jackson.databind.JsonNode;

/**
 * A stream's card, /sensors/{id}, read and used as a browser would: the declaration as a street
 * sign in each language, its history as a diff, the values and their chart as each reader may
 * read them (ledgered like the API's reads), and the objection form with its defences. Streams
 * are declared here by their stewards, as governance tests do.
 */
@IntegrationTest
@TestPropertySource(properties = "cabildo.test.declare-datastreams=false")
class StreamCardTest {

	static final String SCRIPT = "<script>alert(1)</script>";

	static final String PASSWORD = "a card reader's password 4c1e";

	@LocalServerPort
	int port;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	Tokens tokens;

	@Autowired
	Register register;

	@Autowired
	CityTime city;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectionFormSettings form;

	private Organisation office;

	private Api operator;

	private Api steward;

	private String stewardName;

	private String analystName;

	private Api auditor;

	@BeforeEach
	void setUp() {
		office = organisations.create(unique("card office"));
		operator = person(office, Role.OPERATOR).api();
		Account steward = person(office, Role.STEWARD);
		this.steward = steward.api();
		stewardName = steward.name();
		analystName = person(office, Role.ANALYST).name();
		auditor = person(office, Role.AUDITOR).api();
	}

	@Test
	@DisplayName("the declaration as a street sign, in words and with the vocabulary's labels, in es, pt and en")
	void streetSignInEachLanguage() throws Exception {
		long stream = declared("Estación " + SCRIPT, openPilot("P90D"));
		for (String lang : List.of("es", "pt", "en")) {
			PortalClient.Page card = new PortalClient(port).get("/sensors/" + stream + "?lang=" + lang);
			assertThat(card.status()).as("%s", card).isEqualTo(200);
			Document page = xml(card.body());
			assertThat(page.getDocumentElement().getAttribute("lang")).isEqualTo(lang);
			assertThat(page.getElementsByTagName("h1").getLength()).isEqualTo(1);
			assertThat(page.getElementsByTagName("script").getLength()).isZero();
			String sign = text(page, "//section[@id='sign']");
			assertThat(sign).as(lang)
				.contains(register.label("purpose", "ecology", lang))
				.contains(register.label("purpose", "health", lang))
				.contains(register.label("tech", "air_quality", lang))
				.contains(register.label("data", "values_time", lang))
				.contains(office.name())
				.contains("aire@example.org")
				.contains(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
					.withLocale(Locale.forLanguageTag(lang))
					.format(LocalDate.of(2099, 12, 31)))
				.contains("https://example.org/dpia");
			assertThat(card.body()).contains("href=\"mailto:aire@example.org\"")
				.contains("Estación &lt;script&gt;alert(1)&lt;/script&gt;")
				.doesNotContain(SCRIPT)
				.doesNotContain(" style=");
		}
		String spanish = new PortalClient(port).get("/sensors/" + stream + "?lang=es").body();
		assertThat(spanish).contains("Los valores se guardan 90 días").contains("Piloto:").contains("Abiertos:");
		String portuguese = new PortalClient(port).get("/sensors/" + stream + "?lang=pt").body();
		assertThat(portuguese).contains("Os valores são guardados por 90 dias").contains("Piloto:");
		String english = new PortalClient(port).get("/sensors/" + stream + "?lang=en").body();
		assertThat(english).contains("The values are kept for 90 days").contains("Pilot:").contains("Open:")
			.contains("Who is accountable").contains("Impact assessment");
	}

	@Test
	@DisplayName("the version history as a diff: each change with what it was and what it became, who and when")
	void historyAsADiff() throws Exception {
		long stream = declared("history", openPilot("P90D"));
		Map<String, Object> changed = new HashMap<>(openPilot("P30D"));
		changed.put("summary", "Measures the air every ten minutes.");
		Api.Response second = steward.put("/api/register/" + stream, changed);
		assertThat(second.status()).as("%s", second).isEqualTo(200);
		Instant declaredAt = Instant.parse(second.json().get("declaredAt").asString());

		Document page = xml(new PortalClient(port).get("/sensors/" + stream + "?lang=en").body());
		NodeList versions = (NodeList) XPathFactory.newInstance().newXPath()
			.evaluate("//section[@id='history']/ol/li", page, XPathConstants.NODESET);
		assertThat(versions.getLength()).isEqualTo(2);
		String newest = versions.item(0).getTextContent();
		assertThat(newest).contains("Version 2")
			.contains(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
				.withLocale(Locale.ENGLISH)
				.format(city.local(declaredAt)))
			.contains("by " + stewardName);
		assertThat(text(page, "//section[@id='history']/ol/li[1]//tr[th='How long the data is kept']/td[1]"))
			.contains("kept for 90 days");
		assertThat(text(page, "//section[@id='history']/ol/li[1]//tr[th='How long the data is kept']/td[2]"))
			.contains("kept for 30 days");
		assertThat(text(page, "//section[@id='history']/ol/li[1]//tr[th='What it does']/td[2]"))
			.isEqualTo("Measures the air every ten minutes.");
		// only what changed is listed
		assertThat(((NodeList) XPathFactory.newInstance().newXPath()
			.evaluate("//section[@id='history']/ol/li[1]//tbody/tr", page, XPathConstants.NODESET)).getLength())
			.isEqualTo(2);
		assertThat(versions.item(1).getTextContent()).contains("Version 1").contains("First declaration.");
		assertThat(new PortalClient(port).get("/sensors/" + stream + "?lang=es").body())
			.contains("Versión 2").contains("Los valores se guardan 30 días");
	}

	@Test
	@DisplayName("the latest values and an SVG chart of the last 7 days, one point per hour with values")
	void latestValuesAndChart() throws Exception {
		long stream = declared("chart", openPilot(null));
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
		List<Instant> times = List.of(hour.minus(1, ChronoUnit.HOURS).plusSeconds(60),
				hour.minus(5, ChronoUnit.HOURS).plusSeconds(60), hour.minus(5, ChronoUnit.HOURS).plusSeconds(1200),
				hour.minus(30, ChronoUnit.HOURS).plusSeconds(60), hour.minus(50, ChronoUnit.HOURS).plusSeconds(60),
				hour.minus(100, ChronoUnit.HOURS).plusSeconds(60));
		double value = 10.5;
		for (Instant time : times) {
			observe(stream, time, value);
			value += 1;
		}
		observe(stream, Instant.now().minus(9, ChronoUnit.DAYS), 99.25);

		PortalClient.Page card = new PortalClient(port).get("/sensors/" + stream + "?lang=en");
		Document page = xml(card.body());
		// six values in five hours (two in one hour: their mean), nothing older than the 7 days
		assertThat(count(page, "//svg//*[@class='chart-dot']")).isEqualTo(5);
		assertThat(count(page, "//tr[@class='chart-row']")).isEqualTo(5);
		assertThat(count(page, "//section[@id='values']/div/table/tbody/tr")).isEqualTo(6);
		assertThat(text(page, "//svg/title")).contains("chart").contains("degC");
		assertThat(text(page, "//svg/desc")).contains("5 hourly values").contains("10.5").contains("15.5");
		assertThat(page.getElementsByTagName("svg").item(0).getAttributes().getNamedItem("role").getNodeValue())
			.isEqualTo("img");
		// the hour with two values has their mean: 11.5 and 12.5
		assertThat(count(page, "//tr[@class='chart-row']/td[2][.='12']")).isEqualTo(1);
		assertThat(card.body()).doesNotContain("99.25").doesNotContain(" style=");
		String spanish = new PortalClient(port).get("/sensors/" + stream + "?lang=es").body();
		assertThat(spanish).contains(NumberFormat.getNumberInstance(Locale.forLanguageTag("es")).format(15.5) + " degC");
	}

	@Test
	@DisplayName("a unit's symbol written as the home page's air table writes it: ug/m3 is µg/m³")
	void unitWrittenAsTheHomePageWritesIt() throws Exception {
		Map<String, Object> datastream = new HashMap<>(Fixtures.datastreamWithThing("pm25 " + unique("t")));
		datastream.put("unitOfMeasurement", Map.of("name", "microgram per cubic metre", "symbol", "ug/m3", "definition",
				"ucum:ug/m3"));
		Api.Response created = operator.post("/v1.1/Datastreams", datastream);
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		assertThat(steward.put("/api/register/" + created.id(), openPilot(null)).status()).isEqualTo(200);
		observe(created.id(), Instant.now().minus(2, ChronoUnit.HOURS), 15);

		Document page = xml(new PortalClient(port).get("/sensors/" + created.id() + "?lang=en").body());

		assertThat(text(page, "//section[@id='values']/div/table/tbody/tr[1]/td[@class='number']")).isEqualTo("15 µg/m³");
		assertThat(text(page, "//svg/title")).contains("µg/m³");
		assertThat(text(page, "//section[@id='values']")).doesNotContain("ug/m3");
		assertThat(Unit.written("ug/m3")).as("the one function both pages use").isEqualTo("µg/m³");
	}

	@Test
	@DisplayName("a stream with no values in the last 7 days: the chart of the 7 days up to its newest value")
	void stoppedStreamChartsItsLastDays() throws Exception {
		long stream = declared("stopped", openPilot(null));
		Instant newest = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).plusSeconds(60);
		observe(stream, newest, 31.5);
		observe(stream, newest.minus(3, ChronoUnit.HOURS), 30.5);
		observe(stream, newest.minus(6, ChronoUnit.DAYS), 29.5);
		observe(stream, newest.minus(9, ChronoUnit.DAYS), 88.25);

		PortalClient.Page card = new PortalClient(port).get("/sensors/" + stream + "?lang=en");
		Document page = xml(card.body());
		assertThat(count(page, "//svg//*[@class='chart-dot']")).isEqualTo(3);
		assertThat(count(page, "//section[@id='values']/div/table/tbody/tr")).isEqualTo(3);
		assertThat(text(page, "//svg/title")).contains("the 7 days up to its newest value")
			.contains(city.local(newest).getYear() + "");
		assertThat(card.body()).contains("31.5").doesNotContain("88.25");
	}

	@Test
	@DisplayName("past the retention period, the chart shows the hourly aggregates kept, read by the same rules")
	void aggregatesPastRetention() throws Exception {
		Map<String, Object> declaration = new HashMap<>(openPilot(null));
		declaration.put("retention", Map.of("duration", "P1D", "keeps", "aggregates", "granularity", "PT1H"));
		long stream = declared("aggregated", declaration);
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
		observe(stream, hour.minus(2, ChronoUnit.HOURS).plusSeconds(30), 3.0);
		for (int back : new int[] { 50, 51, 90 }) {
			keepAggregate(stream, hour.minus(back, ChronoUnit.HOURS), 7.0);
		}
		Document page = xml(new PortalClient(port).get("/sensors/" + stream + "?lang=en").body());
		assertThat(count(page, "//svg//*[@class='chart-dot']")).isEqualTo(4);
		assertThat(text(page, "//section[@id='values']")).contains("the means kept of them");
	}

	@Test
	@DisplayName("restricted values: hidden from an anonymous reader; read, and ledgered, for a signed-in reader's allowed purpose")
	void restrictedValues() throws Exception {
		long stream = declared("plates", restrictedPilot());
		observe(stream, Instant.now().minus(2, ChronoUnit.HOURS), 4242.5);
		String path = "/sensors/" + stream;

		String anonymous = new PortalClient(port).get(path + "?lang=en").body();
		assertThat(anonymous).contains("are not open").contains("href=\"/sign-in\"").doesNotContain("4,242.5")
			.doesNotContain("<svg");
		// naming a purpose changes nothing for someone who did not sign in
		assertThat(new PortalClient(port).get(path + "?lang=en&purpose=mobility").body()).doesNotContain("4,242.5");

		int before = reads(stream);
		Api basic = Api.anonymous(port).as(Api.basic(analystName, PASSWORD));
		String noPurpose = page(basic, path + "?lang=en");
		assertThat(noPurpose).contains("Choose the purpose of your reading").contains("name=\"purpose\"")
			.doesNotContain("4,242.5");
		assertThat(page(basic, path + "?lang=en&purpose=health")).contains("may not read these values")
			.doesNotContain("4,242.5");
		assertThat(reads(stream)).as("refused reads are not reads").isEqualTo(before);

		String read = page(basic, path + "?lang=en&purpose=mobility");
		assertThat(read).contains("4,242.5").contains("<svg").contains("written to the public access ledger");
		assertThat(reads(stream)).isEqualTo(before + 1);
		JsonNode entry = auditor.get("/api/ledger", "datastream", Long.toString(stream), "kind", "read").json()
			.get("entries").get(0);
		assertThat(entry.get("actor").asString()).isEqualTo(analystName);
		assertThat(entry.get("purpose").asString()).isEqualTo("mobility");
		assertThat(entry.get("observations").asLong()).isEqualTo(1);

		// signed in with the form: a session, read the same way
		PortalClient browser = new PortalClient(port);
		assertThat(browser.signIn(analystName, PASSWORD).status()).isEqualTo(302);
		assertThat(browser.get(path + "?lang=en").body()).doesNotContain("4,242.5").contains("<select id=\"purpose\"");
		assertThat(browser.get(path + "?lang=en&purpose=planning_decision_making").body()).contains("4,242.5");
		assertThat(reads(stream)).isEqualTo(before + 2);
	}

	@Test
	@DisplayName("an objection filed with the form is on the card at once, its text inert, its contact private")
	void fileWithTheForm() throws Exception {
		long stream = declared("objected", openPilot(null));
		observeHours(stream, 60);
		PortalClient browser = new PortalClient(port);
		String card = "/sensors/" + stream + "?lang=en";
		PortalClient.Page first = browser.get(card);
		// a card longer than the response buffer is sent as it is written: the form's CSRF cookie comes first
		assertThat(first.body().indexOf("<form method=\"post\"")).isGreaterThan(10 * 1024);
		assertThat(browser.cookie("XSRF-TOKEN")).isPresent();
		String issued = first.input("issued").orElseThrow();
		waitForTheForm();
		PortalClient.Page filed = browser.submit(card, "/sensors/" + stream + "/objections", Map.of("category",
				"retention", "text", SCRIPT, "contact", "resident@example.org", "website", "", "issued", issued));
		assertThat(filed.status()).as("%s", filed).isEqualTo(302);
		assertThat(filed.location()).matches("/sensors/" + stream + "\\?filed=\\d+");
		String reference = filed.location().replaceAll(".*filed=", "");

		PortalClient.Page shown = browser.get(filed.location() + "&lang=en");
		Document page = xml(shown.body());
		assertThat(page.getElementsByTagName("script").getLength()).isZero();
		assertThat(shown.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(SCRIPT)
			.doesNotContain("resident@example.org")
			.contains("reference no. " + reference);
		assertThat(text(page, "//article[@id='objection-" + reference + "']")).contains("How long the data is kept")
			.contains("Open: waiting for an answer").contains(SCRIPT);
		// the same objection as the API's: one service
		JsonNode listed = Api.anonymous(port).get("/api/register/" + stream + "/objections").json();
		assertThat(listed.get(0).get("id").asString()).isEqualTo(reference);
		assertThat(listed.get(0).get("text").asString()).isEqualTo(SCRIPT);
		assertThat(steward.get("/api/register/" + stream + "/objections").json().get(0).get("contact").asString())
			.isEqualTo("resident@example.org");
		// a form that filed files nothing more
		PortalClient.Page again = browser.submit(card, "/sensors/" + stream + "/objections", Map.of("category",
				"retention", "text", "once more", "issued", issued));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.body()).contains("already filed an objection");
		assertThat(Api.anonymous(port).get("/api/register/" + stream + "/objections").json().size()).isEqualTo(1);
	}

	@Test
	@DisplayName("the public's card is written once and sent to everyone, each with a form of their own, until what it shows changes")
	void keptForThePublic() throws Exception {
		long stream = declared("kept", openPilot(null));
		observeHours(stream, 3);
		String card = "/sensors/" + stream;
		PortalClient one = new PortalClient(port);
		PortalClient other = new PortalClient(port);
		one.get(card + "?lang=en");
		other.get(card + "?lang=en");
		PortalClient.Page first = one.get(card);
		PortalClient.Page second = other.get(card);
		assertThat(first.status()).isEqualTo(200);
		assertThat(second.status()).isEqualTo(200);
		// each visitor's own CSRF token (its cookie sent before the page) and signed issue time
		assertThat(one.cookie("XSRF-TOKEN")).isPresent();
		assertThat(other.cookie("XSRF-TOKEN")).isPresent().isNotEqualTo(one.cookie("XSRF-TOKEN"));
		String issuedOne = first.input("issued").orElseThrow();
		String issuedOther = second.input("issued").orElseThrow();
		assertThat(issuedOne).isNotEqualTo(issuedOther).doesNotContain("kept-");
		assertThat(first.input("_csrf").orElseThrow()).isNotEqualTo(second.input("_csrf").orElseThrow())
			.doesNotContain("kept-");
		assertThat(withoutForms(first.body())).isEqualTo(withoutForms(second.body()));

		// kept: a value that arrives now is shown once the card is older than it may be, and made again
		observe(stream, Instant.now().minusSeconds(60), 77.25);
		assertThat(one.get(card).body()).doesNotContain("77.25");
		Thread.sleep(PublicCards.KEPT.toMillis());
		Instant until = Instant.now().plusSeconds(5);
		while (!one.get(card).body().contains("77.25") && Instant.now().isBefore(until)) {
			Thread.sleep(50);
		}
		assertThat(one.get(card).body()).contains("77.25");

		// an objection filed, or a declaration changed, is on the card at once
		waitForTheForm();
		for (var visitor : List.of(Map.entry(one, issuedOne), Map.entry(other, issuedOther))) {
			PortalClient.Page filed = visitor.getKey().post(card + "/objections", Map.of("category", "other", "text",
					"kept card " + visitor.getValue(), "issued", visitor.getValue(), "_csrf",
					visitor.getKey() == one ? first.input("_csrf").orElseThrow() : second.input("_csrf").orElseThrow()));
			assertThat(filed.status()).as("%s", filed).isEqualTo(302);
			assertThat(new PortalClient(port).get(card).body()).contains("kept card " + visitor.getValue());
		}
		Map<String, Object> changed = new HashMap<>(openPilot(null));
		changed.put("summary", "A summary written after the card was kept.");
		assertThat(steward.put("/api/register/" + stream, changed).status()).isEqualTo(200);
		assertThat(new PortalClient(port).get(card).body()).contains("A summary written after the card was kept.");
	}

	/** A page without its forms' per-visitor values. */
	private static String withoutForms(String page) {
		return page.replaceAll("name=\"(_csrf|issued)\" value=\"[^\"]*\"", "$1")
			.replaceAll("value=\"[^\"]*\" name=\"(_csrf|issued)\"", "$1");
	}

	@Test
	@DisplayName("the form refuses a filled trap, a form sent too soon, a forged one and one without its CSRF token")
	void formDefences() throws Exception {
		long stream = declared("defended", openPilot(null));
		String card = "/sensors/" + stream + "?lang=en";
		String action = "/sensors/" + stream + "/objections";
		PortalClient browser = new PortalClient(port);

		PortalClient.Page tooSoon = browser.submit(card, action, Map.of("category", "other", "text", "quick",
				"issued", browser.get(card).input("issued").orElseThrow()));
		assertThat(tooSoon.status()).isEqualTo(400);
		assertThat(tooSoon.body()).contains("sent too fast").contains(">quick</textarea>");

		String forged = System.currentTimeMillis() - 60_000 + ".AAAA.AAAA";
		PortalClient.Page unsigned = browser.submit(card, action, Map.of("category", "other", "text", "x", "issued",
				forged));
		assertThat(unsigned.status()).isEqualTo(400);
		assertThat(unsigned.body()).contains("not the one this page served");

		String issued = browser.get(card).input("issued").orElseThrow();
		waitForTheForm();
		PortalClient.Page trapped = browser.submit(card, action, Map.of("category", "other", "text", "spam",
				"website", "https://spam.example", "issued", issued));
		assertThat(trapped.status()).isEqualTo(400);
		assertThat(trapped.body()).contains("the field that must stay empty had text");

		PortalClient.Page noToken = browser.post(action, Map.of("category", "other", "text", "forged", "issued",
				issued));
		assertThat(noToken.status()).isEqualTo(403);
		assertThat(noToken.body()).contains("<html").contains("Access denied");
		assertThat(Api.anonymous(port).get("/api/register/" + stream + "/objections").json().size()).isZero();

		// the service's own checks, each at its field, in the page's language, the form as it was sent
		PortalClient.Page noText = browser.submit(card + "&x=1", action, Map.of("category", "access", "text", " ",
				"contact", "me@example.org", "issued", issued));
		assertThat(noText.status()).isEqualTo(400);
		Document page = xml(noText.body());
		assertThat(text(page, "//*[@id='text-problem']")).isEqualTo("Write your objection or question.");
		assertThat(text(page, "//select[@id='category']/option[@selected]")).isEqualTo("Access to the data");
		assertThat(page.getElementsByTagName("textarea").item(0).getAttributes().getNamedItem("aria-invalid")
			.getNodeValue()).isEqualTo("true");
		PortalClient.Page longContact = browser.submit(card.replace("lang=en", "lang=es"), action, Map.of("category",
				"other", "text", "x", "contact", "c".repeat(321), "issued", issued));
		assertThat(longContact.status()).isEqualTo(400);
		assertThat(text(xml(longContact.body()), "//*[@id='contact-problem']")).contains("más de 320 caracteres");
		PortalClient.Page noCategory = browser.submit(card, action, Map.of("category", "noise", "text", "x", "issued",
				issued));
		assertThat(text(xml(noCategory.body()), "//*[@id='category-problem']")).startsWith("Choose what it is about");
		assertThat(Api.anonymous(port).get("/api/register/" + stream + "/objections").json().size()).isZero();
	}

	@Test
	@DisplayName("an unknown or undeclared stream is a 404 page in the page's language; an id that is not a number a 400 page")
	void refusedPaths() throws Exception {
		long undeclared = operator.post("/v1.1/Datastreams", Fixtures.datastreamWithThing(unique("undeclared"))).id();
		for (String path : List.of("/sensors/999999999", "/sensors/" + undeclared)) {
			for (String[] lang : new String[][] { { "es", "Página no encontrada" }, { "pt", "Página não encontrada" },
					{ "en", "Page not found" } }) {
				PortalClient.Page missing = new PortalClient(port).get(path + "?lang=" + lang[0]);
				assertThat(missing.status()).as(path).isEqualTo(404);
				assertThat(missing.header("Content-Type")).startsWith("text/html");
				Document page = xml(missing.body());
				assertThat(text(page, "//h1")).startsWith(lang[1]);
				assertThat(page.getDocumentElement().getAttribute("lang")).isEqualTo(lang[0]);
				if (lang[0].equals("en")) {
					assertThat(missing.body()).contains("no declared data stream has that number");
				}
			}
		}
		PortalClient.Page notANumber = new PortalClient(port).get("/sensors/abc?lang=en");
		assertThat(notANumber.status()).isEqualTo(400);
		assertThat(text(xml(notANumber.body()), "//h1")).startsWith("Bad request");
		PortalClient.Page postToNothing = new PortalClient(port).submit("/sensors/" + declared("x", openPilot(null)),
				"/sensors/999999999/objections", Map.of("category", "other", "text", "x"));
		assertThat(postToNothing.status()).isEqualTo(404);
		assertThat(postToNothing.header("Content-Type")).startsWith("text/html");
	}

	private void waitForTheForm() throws InterruptedException {
		Thread.sleep(form.minAge().toMillis() + 200);
	}

	/** A Datastream of the office (its Thing named so), declared by its steward. */
	private long declared(String name, Map<String, Object> declaration) {
		Api.Response created = operator.post("/v1.1/Datastreams", Fixtures.datastreamWithThing(name + " "
				+ unique("t")));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		Api.Response declared = steward.put("/api/register/" + created.id(), declaration);
		assertThat(declared.status()).as("%s", declared).isEqualTo(200);
		return created.id();
	}

	/** Open air-quality data in a pilot over the world until 2099, kept for this long (null: without limit). */
	static Map<String, Object> openPilot(String duration) {
		Map<String, Object> draft = new HashMap<>(Fixtures.openDeclaration());
		draft.put("retention", duration == null ? Map.of("keeps", "nothing") : Map.of("duration", duration, "keeps",
				"nothing"));
		draft.put("impactAssessment", "https://example.org/dpia");
		return draft;
	}

	/** Pseudonymous counts, restricted, in a pilot: read by the office's people for mobility or planning. */
	private Map<String, Object> restrictedPilot() {
		Map<String, Object> draft = new HashMap<>(Fixtures.openDeclaration());
		draft.put("contact", "transito@example.org");
		draft.put("purposes", List.of("mobility", "planning_decision_making"));
		draft.put("technology", List.of("identifiable_video"));
		draft.put("processing", List.of("de_identified"));
		draft.put("retention", Map.of("duration", "P30D", "keeps", "aggregates", "granularity", "PT1H"));
		draft.put("personalDataClass", "pseudonymous");
		draft.put("legalBasis", Map.of("category", "public_task", "text", "Ley de Movilidad, art. 1"));
		draft.put("privacyStatementUrl", "https://example.org/privacy");
		draft.put("accessLevel", "restricted");
		draft.put("summary", "Counts vehicles by keyed hashes of their plates.");
		return draft;
	}

	private void observe(long stream, Instant time, double value) {
		Api.Response observed = operator.post("/v1.1/Datastreams(" + stream + ")/Observations", Map.of(
				"phenomenonTime", time.toString(), "result", value));
		assertThat(observed.status()).as("%s", observed).isEqualTo(201);
	}

	/** A value at each of the last hours, in one request. */
	private void observeHours(long stream, int hours) {
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
		List<List<Object>> rows = new ArrayList<>();
		for (int i = 1; i <= hours; i++) {
			rows.add(List.of(hour.minus(i, ChronoUnit.HOURS).toString(), 20 + i % 7));
		}
		Api.Response created = operator.post("/v1.1/CreateObservations", List.of(Map.of("Datastream", Map.of(
				"@iot.id", stream), "components", List.of("phenomenonTime", "result"), "dataArray", rows)));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
	}

	private void keepAggregate(long stream, Instant start, double mean) {
		jdbc.sql("INSERT INTO observation_aggregates (datastream_id, interval_start, interval_end, count, numeric_count,"
				+ " min, max, mean, computed_at) VALUES (?, ?, ?, 3, 3, ?, ?, ?, ?)")
			.params(stream, start.atOffset(ZoneOffset.UTC), start.plusSeconds(3600).atOffset(ZoneOffset.UTC), mean,
					mean, mean, Instant.now().atOffset(ZoneOffset.UTC))
			.update();
	}

	/** The ledger's reads of a Datastream, as an auditor reads them. */
	private int reads(long stream) {
		Api.Response entries = auditor.get("/api/ledger", "datastream", Long.toString(stream), "kind", "read");
		assertThat(entries.status()).as("%s", entries).isEqualTo(200);
		return entries.json().get("entries").size();
	}

	private static String page(Api reader, String path) {
		Api.Response page = reader.send("GET", path, null, Map.of("Accept", "text/html"));
		assertThat(page.status()).as("%s", page).isEqualTo(200);
		return page.body();
	}

	record Account(String name, Api api) {
	}

	private Account person(Organisation organisation, Role role) {
		String name = unique(role.name().toLowerCase(Locale.ROOT));
		Person person = people.create(name, PASSWORD, organisation.id(), "test");
		people.grant(person.id(), organisation.id(), role, "test");
		return new Account(name, Api.anonymous(port).as(Api.bearer(tokens.create(person.id(), "card", null, "test")
			.secret())));
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** The page parsed as strict XML: an unclosed element or a raw '<' from data fails it. */
	static Document xml(String body) throws Exception {
		return DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
	}

	static String text(Document page, String xpath) throws Exception {
		return ((String) XPathFactory.newInstance().newXPath().evaluate(xpath, page, XPathConstants.STRING)).strip();
	}

	static int count(Document page, String xpath) throws Exception {
		return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, page, XPathConstants.NODESET))
			.getLength();
	}

}
