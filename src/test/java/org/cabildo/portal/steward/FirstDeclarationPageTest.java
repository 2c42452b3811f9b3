package org.cabildo.portal.steward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.cabildo.IntegrationTest;
import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Person;
import org.cabildo.identity.Role;
import org.cabildo.identity.Tokens;
import org.cabildo.support.Api;
import org.cabildo.support.Fixtures;
import org.cabildo.support.PortalClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * A stream's first declaration through the steward console, on a server whose Datastreams are
 * not declared for the tests (as the governance tests' server): it is listed as undeclared, and
 * declared with the form as {@code PUT /api/register/{id}} declares it.
 */
@IntegrationTest
@TestPropertySource(properties = "cabildo.test.declare-datastreams=false")
class FirstDeclarationPageTest {

	private static final String PASSWORD = "a-steward-keeps-the-register-9d4";

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

	@Test
	void anUndeclaredStreamIsListedAndDeclaredAsAPilotWithTheForm() {
		Organisation office = organisations.create(unique("office"));
		Person steward = people.create(unique("steward"), PASSWORD, office.id(), "test");
		people.grant(steward.id(), office.id(), Role.STEWARD, "test");
		people.grant(steward.id(), office.id(), Role.OPERATOR, "test");
		Api api = Api.anonymous(port).as(Api.bearer(tokens.create(steward.id(), "test", null, "test").secret()));
		long datastream = api.post("/v1.1/Datastreams", Fixtures.datastreamWithThing(unique("station"))).id();
		String path = "/console/steward/streams/" + datastream + "/declaration";
		PortalClient browser = new PortalClient(port);
		assertThat(browser.signIn(steward.username(), PASSWORD).status()).isEqualTo(302);
		browser.get("/console?lang=en");

		PortalClient.Page list = browser.get("/console/steward");
		assertThat(list.body()).contains("Streams without a declaration (1)").contains(path);
		PortalClient.Page page = browser.get(path);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("This stream has no declaration yet");
		HtmlForm form = HtmlForm.of(page, path)
			.with("summary", "Measures the air in the centre.")
			.with("contact", "aire@example.org")
			.with("purposes", "ecology")
			.with("technology", "air_quality")
			.with("personalDataClass", "none")
			.with("accessLevel", "open")
			.with("stage", "pilot");
		assertThat(form.values("stage")).containsExactly("pilot");

		PortalClient.Page refused = form.send(browser);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("A pilot declares its area (a GeoJSON polygon) and its end date.");
		assertThat(Api.anonymous(port).get("/api/register/" + datastream).status()).isEqualTo(404);

		String endsOn = LocalDate.now().plusDays(60).toString();
		PortalClient.Page declared = form.with("pilotArea", SQUARE).with("pilotEndsOn", endsOn).send(browser);
		assertThat(declared.status()).as("%s", declared).isEqualTo(302);
		JsonNode registered = Api.anonymous(port).get("/api/register/" + datastream).json();
		assertThat(registered.get("version").asInt()).isEqualTo(1);
		assertThat(registered.get("stage").asString()).isEqualTo("pilot");
		assertThat(registered.get("pilot").get("endsOn").asString()).isEqualTo(endsOn);
		assertThat(registered.get("summary").asString()).isEqualTo("Measures the air in the centre.");
		assertThat(browser.get("/console/steward").body()).contains("Streams without a declaration (0)");

		// the pilot kept as it was by a later version that leaves its area and end date as the form shows them
		PortalClient.Page again = HtmlForm.of(browser.get(path), path).with("summary", "Measures the air.").send(browser);
		assertThat(again.status()).as("%s", again).isEqualTo(302);
		JsonNode second = Api.anonymous(port).get("/api/register/" + datastream).json();
		assertThat(second.get("version").asInt()).isEqualTo(2);
		assertThat(second.get("pilot")).isEqualTo(registered.get("pilot"));
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
