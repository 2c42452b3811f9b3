package org.cabildo.portal.steward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cabildo.IntegrationTest;
import org.cabildo.governance.Declaration;
import org.cabildo.governance.Register;
import org.cabildo.governance.Stage;
import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Person;
import org.cabildo.identity.Role;
import org.cabildo.identity.Tokens;
import org.cabildo.support.Api;
import org.cabildo.support.Fixtures;
import org.cabildo.support.PortalClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import tools.jackson.databind.JsonNode;

/**
 * The steward console, used as a browser uses it (form sign-in, the forms of its pages with their
 * CSRF token) and checked against the API it is a client of: what a steward saves is what
 * {@code GET /api/register/{id}} answers; what the API refuses, the console refuses, in words, at
 * the field.
 */
@IntegrationTest
class StewardConsoleTest {

	private static final String PASSWORD = "a-steward-keeps-the-register-9d4";

	private static final String SCRIPT = "<script>alert(1)</script>";

	private static final String SQUARE = "{\"type\": \"Polygon\", \"coordinates\": [[[-99.14, 19.42], [-99.12, 19.42],"
			+ " [-99.12, 19.44], [-99.14, 19.44], [-99.14, 19.42]]]}";

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

	private Organisation office;

	private String steward;

	private String operator;

	private long datastream;

	@BeforeEach
	void setUp() {
		office = organisations.create(unique("office"));
		steward = person(office, Role.STEWARD);
		operator = person(office, Role.OPERATOR);
		// declared at once by the test city's policy: open air-quality data at the city stage, version 1
		Api.Response created = api(operator).post("/v1.1/Datastreams", Fixtures.datastreamWithThing(unique("station")));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		datastream = created.id();
	}

	@Test
	void aStewardChangesPurposesAndRetentionAndTheRegisterSaysSo() {
		PortalClient browser = signedIn(steward, "en");
		PortalClient.Page page = browser.get(declaration());
		assertThat(page.status()).as("%s", page).isEqualTo(200);
		HtmlForm form = HtmlForm.of(page, declaration());
		assertThat(form.values("purposes")).containsExactly("ecology");
		assertThat(form.value("contact")).isEqualTo("tests@cabildo.invalid");

		PortalClient.Page saved = form.with("purposes", "ecology", "health")
			.with("retentionDuration", "P365D")
			.with("retentionKeeps", "aggregates")
			.with("retentionGranularity", "P1D")
			.send(browser);

		assertThat(saved.status()).as("%s", saved).isEqualTo(302);
		assertThat(saved.location()).isEqualTo(declaration() + "?saved");
		PortalClient.Page confirmed = browser.get(saved.location());
		assertThat(confirmed.body()).contains("Saved: the new version of the declaration is in the public register.");
		assertThat(HtmlForm.of(confirmed, declaration()).value("retentionDuration")).isEqualTo("P365D");
		JsonNode registered = registered();
		assertThat(registered.get("version").asInt()).isEqualTo(2);
		assertThat(registered.get("purposes").valueStream().map(JsonNode::asString)).containsExactly("ecology", "health");
		assertThat(registered.get("retention").get("duration").asString()).isEqualTo("P365D");
		assertThat(registered.get("retention").get("keeps").asString()).isEqualTo("aggregates");
		assertThat(registered.get("declaredBy").asString()).isEqualTo(steward);
		assertThat(registered.get("stage").asString()).isEqualTo("city");
	}

	@Test
	void aBadValueIsShownAtItsFieldInThePagesLanguageAndNothingIsStored() {
		PortalClient browser = signedIn(steward, "en");
		HtmlForm form = HtmlForm.of(browser.get(declaration()), declaration());

		PortalClient.Page refused = form.with("retentionDuration", "forever").with("purposes").send(browser);

		assertThat(refused.status()).as("%s", refused).isEqualTo(400);
		Document page = HtmlForm.document(refused);
		assertThat(byId(page, "retentionDuration-problems").getTextContent())
			.contains("“forever” is not a period such as P30D");
		assertThat(byId(page, "retentionDuration").getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(byId(page, "retentionDuration").getAttribute("value")).isEqualTo("forever");
		assertThat(byId(page, "purposes-problems").getTextContent()).contains("Choose at least one.");
		assertThat(byId(page, "problems").getTextContent()).contains("“forever” is not a period");
		assertThat(registered().get("version").asInt()).isEqualTo(1);
		assertThat(registered().get("retention").toString()).doesNotContain("forever");

		browser.get("/console?lang=es");
		PortalClient.Page spanish = form.with("retentionDuration", "siempre").send(browser);
		assertThat(spanish.status()).isEqualTo(400);
		assertThat(byId(HtmlForm.document(spanish), "retentionDuration-problems").getTextContent())
			.contains("«siempre» no es un periodo como P30D");
		browser.get("/console?lang=pt");
		assertThat(byId(HtmlForm.document(form.with("contact", " ").send(browser)), "contact-problems").getTextContent())
			.contains("Diga como falar com a organização responsável");
		assertThat(registered().get("version").asInt()).isEqualTo(1);
	}

	@Test
	void theApiRefusesTheSameValueWithTheRuleThePageSaysInWords() {
		Map<String, Object> draft = new HashMap<>(Fixtures.openLabDeclaration());
		draft.put("retention", Map.of("duration", "forever", "keeps", "nothing"));
		Api.Response refused = api(steward).put("/api/register/" + datastream, draft);

		assertThat(refused.status()).isEqualTo(400);
		JsonNode problem = refused.json().get("problems").get(0);
		assertThat(problem.get("pointer").asString()).isEqualTo("/retention/duration");
		assertThat(problem.get("rule").asString()).isEqualTo("retention-period");
		assertThat(problem.get("problem").asString()).startsWith("'forever' is not an ISO 8601 period");
		PortalClient browser = signedIn(steward, "en");
		PortalClient.Page page = HtmlForm.of(browser.get(declaration()), declaration())
			.with("retentionDuration", "forever")
			.send(browser);
		assertThat(byId(HtmlForm.document(page), "retentionDuration-problems").getTextContent())
			.contains("“forever” is not a period");
	}

	@Test
	void aChangeThatRemovesStoredObservationsIsConfirmedOnTheForm() {
		Instant old = Instant.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		Api.Response observed = api(operator).post("/v1.1/Observations", Map.of("phenomenonTime", old.toString(),
				"result", 3, "Datastream", Map.of("@iot.id", datastream)));
		assertThat(observed.status()).as("%s", observed).isEqualTo(201);
		PortalClient browser = signedIn(steward, "en");
		HtmlForm form = HtmlForm.of(browser.get(declaration()), declaration()).with("retentionDuration", "P30D");

		PortalClient.Page asked = form.send(browser);

		assertThat(asked.status()).as("%s", asked).isEqualTo(409);
		assertThat(byId(HtmlForm.document(asked), "retentionDuration-problems").getTextContent())
			.contains("This change removes one stored observation older than");
		HtmlForm again = HtmlForm.of(asked, declaration());
		assertThat(again.values("confirm")).as("not confirmed for the steward").isEmpty();
		assertThat(registered().get("version").asInt()).isEqualTo(1);

		PortalClient.Page confirmed = again.with("confirm", "1").send(browser);
		assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(302);
		assertThat(registered().get("retention").get("duration").asString()).isEqualTo("P30D");
	}

	@Test
	void anOperatorWhoIsNoStewardIsRefusedTheFormAndItsPost() {
		PortalClient stewardBrowser = signedIn(steward, "en");
		HtmlForm form = HtmlForm.of(stewardBrowser.get(declaration()), declaration());
		PortalClient browser = signedIn(operator, "en");

		PortalClient.Page page = browser.get(declaration());
		assertThat(page.status()).isEqualTo(403);
		assertThat(page.body()).contains("Only the stewards of the organisation that owns the stream may do this.");
		String token = HtmlForm.of(browser.get("/console"), "/sign-out").value("_csrf");
		PortalClient.Page refused = form.with("_csrf", token).with("summary", "changed by an operator").send(browser);

		assertThat(refused.status()).as("%s", refused).isEqualTo(403);
		assertThat(refused.body()).contains("Only the stewards of the organisation that owns the stream may do this.");
		assertThat(registered().get("version").asInt()).isEqualTo(1);
		assertThat(browser.get("/console/steward").status()).isEqualTo(403);
		assertThat(browser.get(stage()).status()).isEqualTo(403);
		assertThat(browser.get(sharing()).status()).isEqualTo(403);
	}

	@Test
	void aPostWithoutItsCsrfTokenIsRefused() {
		PortalClient browser = signedIn(steward, "en");
		HtmlForm form = HtmlForm.of(browser.get(declaration()), declaration());

		PortalClient.Page forged = form.without("_csrf").with("summary", "forged").send(browser);

		assertThat(forged.status()).isEqualTo(403);
		assertThat(registered().get("version").asInt()).isEqualTo(1);
		assertThat(registered().get("summary").asString()).isEqualTo("A test stream.");
	}

	@Test
	void aStageMoveAndTheRuleThatBlocksOneInWords() {
		Declaration current = register.current(datastream).orElseThrow();
		register.saveVersion(current.withStage(Stage.LAB, null, "tests"), "stage", "to the lab, for a test");
		PortalClient browser = signedIn(steward, "en");
		PortalClient.Page page = browser.get(stage());
		assertThat(page.body()).contains("The stream is at the lab stage.");
		HtmlForm form = HtmlForm.of(page, stage());

		PortalClient.Page blocked = form.with("stage", "city").with("reason", "ready for the city").send(browser);
		assertThat(blocked.status()).as("%s", blocked).isEqualTo(409);
		assertThat(byId(HtmlForm.document(blocked), "form-problems").getTextContent())
			.contains("The declaration names no impact assessment: add it to the declaration first.");
		assertThat(registered().get("stage").asString()).isEqualTo("lab");

		String endsOn = LocalDate.now().plusDays(90).toString();
		PortalClient.Page moved = form.with("stage", "pilot")
			.with("reason", "a pilot in the centre")
			.with("pilotArea", SQUARE)
			.with("pilotEndsOn", endsOn)
			.send(browser);
		assertThat(moved.status()).as("%s", moved).isEqualTo(302);
		assertThat(browser.get(moved.location()).body()).contains("Done: the stream is now at the pilot stage.");
		assertThat(registered().get("stage").asString()).isEqualTo("pilot");
		assertThat(registered().get("pilot").get("endsOn").asString()).isEqualTo(endsOn);

		HtmlForm pilot = HtmlForm.of(browser.get(stage()), stage());
		PortalClient.Page back = pilot.with("stage", "lab").with("reason", "back").send(browser);
		assertThat(back.status()).isEqualTo(409);
		assertThat(back.body()).contains("A stream at the pilot stage cannot move to the lab stage.");
		browser.get("/console?lang=es");
		assertThat(pilot.with("stage", "lab").with("reason", "atrás").send(browser).body())
			.contains("Un flujo en la etapa piloto no puede pasar a la etapa laboratorio.");
		assertThat(pilot.with("stage", "retired").with("reason", " ").send(browser).body())
			.contains("Diga por qué, en 1.000 caracteres como máximo.");
		assertThat(registered().get("stage").asString()).isEqualTo("pilot");
	}

	@Test
	void anAnswerToAnObjectionIsPublishedAsTheApiPublishesIt() {
		Api.Response filed = Api.anonymous(port).post("/api/register/" + datastream + "/objections", Map.of("category",
				"purpose", "text", SCRIPT + " why here?", "contact", "vecina@example.org"));
		assertThat(filed.status()).as("%s", filed).isEqualTo(201);
		long objection = filed.json().get("id").asLong();
		PortalClient browser = signedIn(steward, "en");
		assertThat(browser.get("/console/steward").body()).contains("/console/steward/objections\">1</a>");

		PortalClient.Page page = browser.get("/console/steward/objections");
		assertThat(page.body()).contains("One objection waits for an answer or an outcome")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt; why here?")
			.contains("vecina@example.org")
			.doesNotContain(SCRIPT);
		String answer = "/console/steward/streams/" + datastream + "/objections/" + objection + "/answer";
		HtmlForm form = HtmlForm.of(page, answer);

		PortalClient.Page refused = form.with("outcome", "upheld").with("text", "we agree").send(browser);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body()).contains("An objection is upheld when the declaration changed");

		PortalClient.Page answered = form.with("outcome", "answered").with("text", "It measures the air, " + SCRIPT)
			.send(browser);
		assertThat(answered.status()).as("%s", answered).isEqualTo(302);
		assertThat(answered.location()).isEqualTo("/console/steward/objections?answered=" + objection);
		PortalClient.Page confirmed = browser.get(answered.location());
		assertThat(confirmed.body()).contains("Your answer to objection " + objection + " is published.")
			.contains("It measures the air, &lt;script&gt;")
			.doesNotContain(SCRIPT);
		JsonNode published = Api.anonymous(port).get("/api/register/" + datastream + "/objections").json().get(0);
		assertThat(published.get("status").asString()).isEqualTo("answered");
		assertThat(published.get("answer").asString()).isEqualTo("It measures the air, " + SCRIPT);
	}

	@Test
	void aSharingGrantIsAddedAndRevoked() {
		Map<String, Object> restricted = new HashMap<>(Fixtures.openLabDeclaration());
		restricted.put("accessLevel", "restricted");
		Api.Response declared = api(steward).put("/api/register/" + datastream, restricted);
		assertThat(declared.status()).as("%s", declared).isEqualTo(200);
		Organisation partner = organisations.create(unique("partner"));
		PortalClient browser = signedIn(steward, "en");
		HtmlForm form = HtmlForm.of(browser.get(sharing()), sharing());

		PortalClient.Page unknown = form.with("organisation", "no such office").with("purposes", "health")
			.send(browser);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(byId(HtmlForm.document(unknown), "organisation-problems").getTextContent())
			.contains("There is no organisation “no such office”");

		PortalClient.Page added = form.with("organisation", partner.name()).with("purposes", "health").send(browser);
		assertThat(added.status()).as("%s", added).isEqualTo(302);
		assertThat(browser.get(added.location()).body()).contains("Done: the stream is shared").contains(partner.name());
		JsonNode sharing = registered().get("sharing");
		assertThat(sharing.size()).isEqualTo(1);
		assertThat(sharing.get(0).get("organisationId").asLong()).isEqualTo(partner.id());
		assertThat(sharing.get(0).get("purposes").valueStream().map(JsonNode::asString)).containsExactly("health");

		String revoke = sharing() + "/" + partner.id() + "/revoke";
		PortalClient.Page revoked = HtmlForm.of(browser.get(sharing()), revoke).send(browser);
		assertThat(revoked.status()).as("%s", revoked).isEqualTo(302);
		assertThat(registered().get("sharing").size()).isZero();
		assertThat(browser.get(revoked.location()).body()).contains("no longer shared");
	}

	@Test
	void dataOnThePagesIsEscapedAndEveryPageIsWellFormed() {
		Map<String, Object> scripted = new HashMap<>(Fixtures.openLabDeclaration());
		scripted.put("summary", SCRIPT);
		scripted.put("contact", SCRIPT);
		assertThat(api(steward).put("/api/register/" + datastream, scripted).status()).isEqualTo(200);
		PortalClient browser = signedIn(steward, "en");
		PortalClient.Page page = browser.get(declaration());
		assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(SCRIPT);
		assertThat(HtmlForm.of(page, declaration()).value("summary")).isEqualTo(SCRIPT);

		for (String path : List.of("/console", "/console/steward", "/console/steward/objections", declaration(),
				stage(), sharing())) {
			for (String lang : List.of("es", "pt", "en")) {
				PortalClient.Page each = browser.get(path + "?lang=" + lang);
				assertThat(each.status()).as(path).isEqualTo(200);
				Document document = HtmlForm.document(each);
				assertThat(document.getElementsByTagName("script").getLength()).as(path).isZero();
				assertThat(document.getElementsByTagName("h1").getLength()).as(path).isEqualTo(1);
				assertThat(document.getDocumentElement().getAttribute("lang")).as(path).isEqualTo(lang);
				assertThat(each.header("Content-Security-Policy")).as(path).doesNotContain("unsafe-inline");
			}
		}
	}

	@Test
	void theConsoleOffersOnlyWhatThePersonsRolesAllow() {
		String auditor = person(office, Role.AUDITOR);
		Document stewards = HtmlForm.document(signedIn(steward, "en").get("/console"));
		assertThat(links(stewards)).contains("/console/steward").doesNotContain("/console/operator", "/audit");
		assertThat(byId(stewards, "roles").getTextContent()).contains(office.name()).contains("Steward");

		Document operators = HtmlForm.document(signedIn(operator, "en").get("/console"));
		assertThat(links(operators)).contains("/console/operator").doesNotContain("/console/steward", "/audit");

		Document auditors = HtmlForm.document(signedIn(auditor, "es").get("/console"));
		assertThat(links(auditors)).contains("/audit").doesNotContain("/console/steward", "/console/operator");
		assertThat(byId(auditors, "roles").getTextContent()).contains("Auditor");
	}

	@Test
	void theStreamsListShowsTheOrganisationsStreamsWithStageAndObjections() {
		PortalClient browser = signedIn(steward, "en");
		PortalClient.Page list = browser.get("/console/steward");
		assertThat(list.status()).isEqualTo(200);
		Element row = (Element) byId(HtmlForm.document(list), "declared").getElementsByTagName("tr").item(1);
		assertThat(row.getTextContent()).contains("(no. " + datastream + ")").contains(office.name()).contains("city");
		assertThat(list.body()).contains(declaration()).contains(stage()).contains(sharing());
	}

	@Test
	void badAddressesAndParametersAreClearRefusals() {
		PortalClient browser = signedIn(steward, "en");
		PortalClient.Page notANumber = browser.get("/console/steward/streams/abc/declaration");
		assertThat(notANumber.status()).isEqualTo(400);
		assertThat(notANumber.body()).contains("The address or one of its parameters is not valid.");
		PortalClient.Page none = browser.get("/console/steward/streams/987654321/declaration");
		assertThat(none.status()).isEqualTo(404);
		assertThat(none.body()).contains("There is no such stream");
		assertThat(browser.get("/console/steward?page=0").status()).isEqualTo(400);
		assertThat(browser.get("/console/steward/objections?page=x").status()).isEqualTo(400);
		assertThat(browser.get("/console/steward/objections?answered=x").status()).isEqualTo(400);
	}

	private JsonNode registered() {
		Api.Response answer = Api.anonymous(port).get("/api/register/" + datastream);
		assertThat(answer.status()).as("%s", answer).isEqualTo(200);
		return answer.json();
	}

	private String declaration() {
		return "/console/steward/streams/" + datastream + "/declaration";
	}

	private String stage() {
		return "/console/steward/streams/" + datastream + "/stage";
	}

	private String sharing() {
		return "/console/steward/streams/" + datastream + "/sharing";
	}

	private PortalClient signedIn(String username, String lang) {
		PortalClient browser = new PortalClient(port);
		PortalClient.Page signedIn = browser.signIn(username, PASSWORD);
		assertThat(signedIn.status()).as("%s", signedIn).isEqualTo(302);
		assertThat(signedIn.location()).isEqualTo("/");
		browser.get("/console?lang=" + lang);
		return browser;
	}

	/** A person with a password and these roles in the organisation; their username. */
	private String person(Organisation organisation, Role... roles) {
		Person person = people.create(unique(roles[0].label()), PASSWORD, organisation.id(), "test");
		for (Role role : roles) {
			people.grant(person.id(), organisation.id(), role, "test");
		}
		return person.username();
	}

	private Api api(String username) {
		Person person = people.byUsername(username).orElseThrow();
		return Api.anonymous(port).as(Api.bearer(tokens.create(person.id(), "test", null, "test").secret()));
	}

	private static List<String> links(Document page) {
		var anchors = byId(page, "tasks").getElementsByTagName("a");
		return java.util.stream.IntStream.range(0, anchors.getLength())
			.mapToObj(i -> ((Element) anchors.item(i)).getAttribute("href"))
			.toList();
	}

	/** The element of a page with this id (a DOM without a DTD knows no id attributes of its own). */
	private static Element byId(Document page, String id) {
		try {
			return (Element) javax.xml.xpath.XPathFactory.newInstance()
				.newXPath()
				.evaluate("//*[@id='" + id + "']", page, javax.xml.xpath.XPathConstants.NODE);
		}
		catch (javax.xml.xpath.XPathExpressionException e) {
			throw new IllegalArgumentException(id, e);
		}
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
