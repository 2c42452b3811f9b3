package org.cabildo.portal.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Person;
import org.cabildo.identity.Role;
import org.cabildo.support.Api;
import org.cabildo.support.PortalClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;

import tools.jackson.databind.JsonNode;

/**
 * The operator's Things in the console, used with the form as a browser would: what is made
 * there is what the API shows, what the API refuses is refused there in its words, bad input is
 * said at its field, data is written inert, and a form without its CSRF token does nothing.
 */
@IntegrationTest
class ThingPagesTest {

	private static final String SCRIPT = "<script>alert(1)</script>";

	@LocalServerPort
	int port;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	private ConsoleAccounts accounts;

	private long testOffice;

	@BeforeEach
	void setUp() {
		accounts = new ConsoleAccounts(organisations, people, port);
		testOffice = organisations.named(Api.TEST_ORGANISATION).orElseThrow().id();
	}

	private Map<String, String> thing(String name, String latitude, String longitude) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("organisation", Long.toString(testOffice));
		form.put("name", name);
		form.put("description", "made in the console");
		form.put("latitude", latitude);
		form.put("longitude", longitude);
		return form;
	}

	@Test
	@DisplayName("an operator creates, renames and deletes a Thing with the forms, and the API shows each change")
	void createRenameDelete() {
		PortalClient browser = accounts.signedIn(Api.TEST_USER, Api.TEST_PASSWORD);
		String name = ConsoleAccounts.unique("console thing");
		PortalClient.Page created = browser.submit("/console/operator/things", "/console/operator/things",
				thing(name, "19,4326", "-99.1332"));
		assertThat(created.status()).as("%s", created).isEqualTo(302);
		assertThat(created.location()).matches("/console/operator/things/\\d+\\?done=thing-created");
		long id = ConsoleAccounts.idIn(created.location());

		Api api = Api.anonymous(port);
		JsonNode listed = api.get("/v1.1/Things", "$filter", "name eq '" + name + "'", "$expand", "Locations")
			.json()
			.get("value");
		assertThat(listed.size()).isEqualTo(1);
		assertThat(listed.get(0).get("@iot.id").asLong()).isEqualTo(id);
		JsonNode coordinates = listed.get(0).get("Locations").get(0).get("location").get("coordinates");
		assertThat(coordinates.get(0).asDouble()).isEqualTo(-99.1332);
		assertThat(coordinates.get(1).asDouble()).isEqualTo(19.4326);
		assertThat(api.get("/api/identity/ownership/Things/" + id).json().get("organisations").get(0).get("id")
			.asLong()).isEqualTo(testOffice);

		PortalClient.Page page = browser.get(created.location());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("The Thing was created.").contains(name).contains("19.4326");
		assertThat(browser.get("/console/operator/things").body()).contains(name);
		assertThat(browser.get("/console/operator/things?lang=es").body()).contains("19,4326");
		browser.get("/console/operator/things?lang=en");

		PortalClient.Page renamed = browser.submit("/console/operator/things/" + id, "/console/operator/things/" + id,
				Map.of("name", name + " renamed", "description", "changed"));
		assertThat(renamed.status()).isEqualTo(302);
		assertThat(renamed.location()).isEqualTo("/console/operator/things/" + id + "?done=thing-updated");
		JsonNode changed = api.get("/v1.1/Things(" + id + ")").json();
		assertThat(changed.get("name").asString()).isEqualTo(name + " renamed");
		assertThat(changed.get("description").asString()).isEqualTo("changed");

		PortalClient.Page confirm = browser.get("/console/operator/things/" + id + "/delete");
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.body()).contains("cannot be undone");
		assertThat(api.get("/v1.1/Things(" + id + ")").status()).as("a GET of the confirmation deletes nothing")
			.isEqualTo(200);
		PortalClient.Page deleted = browser.submit("/console/operator/things/" + id + "/delete",
				"/console/operator/things/" + id + "/delete", Map.of());
		assertThat(deleted.status()).isEqualTo(302);
		assertThat(deleted.location()).isEqualTo("/console/operator/things?done=thing-deleted");
		assertThat(api.get("/v1.1/Things(" + id + ")").status()).isEqualTo(404);
		assertThat(browser.get("/console/operator/things/" + id).status()).isEqualTo(404);
	}

	@Test
	@DisplayName("bad input is said at its field on a 400 page, and nothing is stored")
	void badInputAtItsField() {
		PortalClient browser = accounts.signedIn(Api.TEST_USER, Api.TEST_PASSWORD);
		String marker = ConsoleAccounts.unique("never stored");
		Map<String, String> form = thing("  ", "200", "west");
		form.put("description", marker);
		PortalClient.Page refused = browser.submit("/console/operator/things", "/console/operator/things", form);
		assertThat(refused.status()).isEqualTo(400);
		Document page = ConsoleAccounts.strict(refused);
		assertThat(text(page, "name-problem")).isEqualTo("Fill this in.");
		assertThat(text(page, "latitude-problem")).isEqualTo("A latitude is a number of degrees between -90 and 90.");
		assertThat(text(page, "longitude-problem")).contains("between -180 and 180");
		assertThat(ConsoleAccounts.byId(page, "latitude").getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(ConsoleAccounts.byId(page, "latitude").getAttribute("aria-describedby")).contains("latitude-problem");
		assertThat(ConsoleAccounts.byId(page, "latitude").getAttribute("value")).isEqualTo("200");
		assertThat(ConsoleAccounts.byId(page, "organisation").hasAttribute("aria-invalid")).isFalse();
		assertThat(ConsoleAccounts.byId(page, "description").hasAttribute("aria-describedby")).isFalse();
		assertThat(ConsoleAccounts.byId(page, "description").getTextContent()).isEqualTo(marker);
		assertThat(Api.anonymous(port).get("/v1.1/Things", "$filter", "description eq '" + marker + "'").json()
			.get("value").size()).isZero();

		// in Spanish too, and the Datastream form says which of its fields is missing
		long thing = new Api(port).post("/v1.1/Things", Map.of("name", ConsoleAccounts.unique("t"), "description", "d"))
			.id();
		browser.get("/?lang=es");
		PortalClient.Page datastream = browser.submit("/console/operator/things/" + thing,
				"/console/operator/things/" + thing + "/datastreams", Map.of("name", "pm10", "unitName", "",
						"observedProperty", "PM10", "unitSymbol", "ug/m3", "sensor", ""));
		assertThat(datastream.status()).isEqualTo(400);
		Document spanish = ConsoleAccounts.strict(datastream);
		assertThat(text(spanish, "datastream-unit-name-problem")).isEqualTo("Rellene este campo.");
		assertThat(text(spanish, "datastream-sensor-problem")).isEqualTo("Rellene este campo.");
		assertThat(ConsoleAccounts.byId(spanish, "datastream-name-problem")).isNull();
		assertThat(Api.anonymous(port).get("/v1.1/Things(" + thing + ")/Datastreams").json().get("value").size())
			.isZero();
	}

	@Test
	@DisplayName("a Thing named <script> is written inert on every page that shows it, each well-formed")
	void escaped() {
		PortalClient browser = accounts.signedIn(Api.TEST_USER, Api.TEST_PASSWORD);
		PortalClient.Page created = browser.submit("/console/operator/things", "/console/operator/things",
				thing(SCRIPT, "19.43", "-99.13"));
		long id = ConsoleAccounts.idIn(created.location());
		browser.submit("/console/operator/things/" + id, "/console/operator/things/" + id + "/datastreams",
				Map.of("name", SCRIPT, "observedProperty", SCRIPT, "unitName", SCRIPT, "unitSymbol", "x", "sensor", SCRIPT));
		for (String path : new String[] { "/console/operator", "/console/operator/things",
				"/console/operator/things/" + id, "/console/operator/things/" + id + "/delete" }) {
			PortalClient.Page page = browser.get(path);
			assertThat(page.status()).as(path).isEqualTo(200);
			Document document = ConsoleAccounts.strict(page);
			assertThat(document.getElementsByTagName("script").getLength()).as(path).isZero();
			assertThat(document.getElementsByTagName("h1").getLength()).as(path).isEqualTo(1);
			assertThat(page.body()).as(path).doesNotContain(SCRIPT);
			assertThat(page.header("Content-Security-Policy")).as(path).contains("script-src 'self'");
		}
		assertThat(browser.get("/console/operator/things/" + id).body())
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		// a form refused with the script in it shows it inert too
		PortalClient.Page refused = browser.submit("/console/operator/things", "/console/operator/things",
				thing(SCRIPT, "x", "y"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(ConsoleAccounts.strict(refused).getElementsByTagName("script").getLength()).isZero();
	}

	@Test
	@DisplayName("a person who does not operate the Thing's organisation is refused with the API's words, and nothing changes")
	void refusedOutsideTheirOrganisation() {
		Organisation other = accounts.organisation("other office");
		Person outsider = accounts.person(other, Role.OPERATOR);
		String name = ConsoleAccounts.unique("not theirs");
		long thing = new Api(port).post("/v1.1/Things", Map.of("name", name, "description", "d")).id();
		PortalClient browser = accounts.signedIn(outsider);

		PortalClient.Page page = browser.get("/console/operator/things/" + thing);
		assertThat(page.status()).isEqualTo(403);
		assertThat(page.body()).contains("<h1>Access denied</h1>")
			.contains("This needs the operator role in the organisation it belongs to.")
			.contains("needs the operator role in organisation &#39;" + Api.TEST_ORGANISATION + "&#39;")
			.contains("<a href=\"/console/operator\">Back to the operator console</a>");
		ConsoleAccounts.strict(page);
		String pagePath = "/console/operator/things";
		assertThat(browser.submit(pagePath, "/console/operator/things/" + thing, Map.of("name", "taken", "description",
				"x")).status()).isEqualTo(403);
		assertThat(browser.submit(pagePath, "/console/operator/things/" + thing + "/delete", Map.of()).status())
			.isEqualTo(403);
		assertThat(browser.submit(pagePath, "/console/operator/things/" + thing + "/datastreams", Map.of("name", "d",
				"observedProperty", "p", "unitName", "u", "unitSymbol", "u", "sensor", "s")).status()).isEqualTo(403);
		Api api = Api.anonymous(port);
		assertThat(api.get("/v1.1/Things(" + thing + ")").json().get("name").asString()).isEqualTo(name);
		assertThat(api.get("/v1.1/Things(" + thing + ")/Datastreams").json().get("value").size()).isZero();

		// a Thing for an organisation they do not operate: the API's refusal
		Map<String, String> form = thing(ConsoleAccounts.unique("for test office"), "1", "2");
		PortalClient.Page forOther = browser.submit(pagePath, pagePath, form);
		assertThat(forOther.status()).isEqualTo(403);
		assertThat(forOther.body()).contains("needs the operator role in that organisation");
		assertThat(api.get("/v1.1/Things", "$filter", "name eq '" + form.get("name") + "'").json().get("value").size())
			.isZero();
		// their own list shows only their organisation's Things
		assertThat(browser.get(pagePath).body()).doesNotContain(name);

		// someone who operates no organisation at all has no Things page, but their tokens
		PortalClient analyst = accounts.signedIn(accounts.person(other, Role.ANALYST));
		PortalClient.Page none = analyst.get(pagePath);
		assertThat(none.status()).isEqualTo(403);
		assertThat(none.body()).contains("This needs the operator role in an organisation.");
		assertThat(analyst.get("/console/operator/tokens").status()).isEqualTo(200);
	}

	@Test
	@DisplayName("a form without its CSRF token is refused and changes nothing")
	void csrf() {
		PortalClient browser = accounts.signedIn(Api.TEST_USER, Api.TEST_PASSWORD);
		String name = ConsoleAccounts.unique("forged");
		assertThat(browser.post("/console/operator/things", thing(name, "1", "2")).status()).isEqualTo(403);
		assertThat(Api.anonymous(port).get("/v1.1/Things", "$filter", "name eq '" + name + "'").json().get("value")
			.size()).isZero();
		long thing = new Api(port).post("/v1.1/Things", Map.of("name", name, "description", "d")).id();
		assertThat(browser.post("/console/operator/things/" + thing + "/delete", Map.of()).status()).isEqualTo(403);
		assertThat(browser.post("/console/operator/things/" + thing, Map.of("name", "x", "description", "y")).status())
			.isEqualTo(403);
		assertThat(Api.anonymous(port).get("/v1.1/Things(" + thing + ")").json().get("name").asString())
			.isEqualTo(name);
		// HTTP Basic signs a script in to the pages as well; its forms need the token too
		Api basic = Api.anonymous(port).as(Api.basic(Api.TEST_USER, Api.TEST_PASSWORD));
		Api.Response list = basic.send("GET", "/console/operator/things?lang=en", null, Map.of("Accept", "text/html"));
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("Create a Thing").contains(name);
		assertThat(basic.send("POST", "/console/operator/things/" + thing + "/delete", "", Map.of("Content-Type",
				"application/x-www-form-urlencoded", "Accept", "text/html")).status()).isEqualTo(403);
		assertThat(Api.anonymous(port).get("/v1.1/Things(" + thing + ")").status()).isEqualTo(200);
		// and an anonymous visitor is sent to sign in
		PortalClient anonymous = new PortalClient(port);
		PortalClient.Page page = anonymous.get("/console/operator/things");
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).isEqualTo("/sign-in");
	}

	@Test
	@DisplayName("a malformed or unknown address is a 4xx page, never a server error")
	void badAddresses() {
		PortalClient browser = accounts.signedIn(Api.TEST_USER, Api.TEST_PASSWORD);
		for (String path : new String[] { "/console/operator/things/abc", "/console/operator/things?page=0",
				"/console/operator/things?page=x", "/console/operator/things?page=99999999999",
				"/console/operator/devices/x", "/console/operator/devices?organisation=y" }) {
			PortalClient.Page page = browser.get(path);
			assertThat(page.status()).as(path).isEqualTo(400);
			// the portal's one error page, its title for a 400
			assertThat(page.body()).as(path).contains("<h1>Bad request</h1>");
		}
		PortalClient.Page missing = browser.get("/console/operator/things/999999999");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("<h1>Page not found</h1>").contains("Thing 999999999 does not exist");
		ConsoleAccounts.strict(missing);
		PortalClient.Page malformed = browser.get("/console/operator/things/abc");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.header("Content-Type")).startsWith("text/html");
		ConsoleAccounts.strict(malformed);
	}

	private static String text(Document page, String id) {
		var element = ConsoleAccounts.byId(page, id);
		assertThat(element).as("an element with id " + id).isNotNull();
		return element.getElementsByTagName("span").item(0).getTextContent();
	}

}
