package org.cabildo.portal.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cabildo.IntegrationTest;
import org.cabildo.identity.Devices;
import org.cabildo.identity.Issued;
import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Person;
import org.cabildo.identity.Role;
import org.cabildo.support.Api;
import org.cabildo.support.Fixtures;
import org.cabildo.support.PortalClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;

import tools.jackson.databind.JsonNode;

/**
 * Devices and personal API tokens in the console: a secret is shown once, on the page that
 * answers its creation (never stored by a cache, never again), and works with the API as the
 * API's own would; bindings, rotation and revocation take effect at once; the identity API's
 * checks refuse the same people here.
 */
@IntegrationTest
class DeviceAndTokenPagesTest {

	private static final Pattern DEVICE_SECRET = Pattern.compile("cbd_dev_[A-Za-z0-9_-]{20,}");

	private static final Pattern TOKEN_SECRET = Pattern.compile("cbd_pat_[A-Za-z0-9_-]{20,}");

	private static final Path LOG = Path.of("target/test-logs/cabildo-test.log");

	@LocalServerPort
	int port;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	Devices devices;

	private ConsoleAccounts accounts;

	private long testOffice;

	private final List<String> secrets = new ArrayList<>();

	@BeforeEach
	void setUp() {
		accounts = new ConsoleAccounts(organisations, people, port);
		testOffice = organisations.named(Api.TEST_ORGANISATION).orElseThrow().id();
	}

	@Test
	@DisplayName("a device's secret is shown once, works where the device is bound, and stops with rotation and revocation")
	void deviceSecretOnce() throws IOException {
		PortalClient browser = accounts.signedIn(Api.TEST_USER, Api.TEST_PASSWORD);
		long datastream = datastreamMadeInTheConsole(browser);

		String name = ConsoleAccounts.unique("console-device");
		PortalClient.Page created = browser.submit("/console/operator/devices", "/console/operator/devices",
				Map.of("organisation", Long.toString(testOffice), "name", name, "expires", ""));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		assertThat(created.header("Cache-Control")).contains("no-store");
		assertThat(created.body()).contains("Copy the secret now").contains("Device " + name + " was created");
		String secret = secret(created, DEVICE_SECRET);
		Document page = ConsoleAccounts.strict(created);
		assertThat(ConsoleAccounts.byId(page, "secret").getAttribute("value")).isEqualTo(secret);
		long device = devices.byName(name).orElseThrow().id();
		String devicePath = "/console/operator/devices/" + device;
		assertThat(created.body()).contains("href=\"" + devicePath + "\"");

		// never again: not in the list, not on the device's page
		assertThat(browser.get("/console/operator/devices").body()).contains(name).doesNotContain(secret);
		assertThat(browser.get(devicePath).body()).doesNotContain(secret);

		Api asDevice = Api.anonymous(port).as(Api.bearer(secret));
		String observations = "/v1.1/Datastreams(" + datastream + ")/Observations";
		assertThat(asDevice.post(observations, observation()).status()).as("not bound yet").isEqualTo(403);

		PortalClient.Page bound = browser.submit(devicePath, devicePath + "/bindings",
				Map.of("datastream", Long.toString(datastream)));
		assertThat(bound.status()).as("%s", bound).isEqualTo(302);
		assertThat(bound.location()).isEqualTo(devicePath + "?done=device-bound");
		assertThat(browser.get(bound.location()).body()).contains("The device may now write to the Datastream.")
			.contains(">" + datastream + "<");
		Api.Response written = asDevice.post(observations, observation());
		assertThat(written.status()).as("%s", written).isEqualTo(201);

		PortalClient.Page rotated = browser.submit(devicePath, devicePath + "/secret", Map.of());
		assertThat(rotated.status()).isEqualTo(200);
		assertThat(rotated.header("Cache-Control")).contains("no-store");
		String newSecret = secret(rotated, DEVICE_SECRET);
		assertThat(newSecret).isNotEqualTo(secret);
		assertThat(asDevice.post(observations, observation()).status()).as("the old secret").isEqualTo(401);
		Api asRotated = Api.anonymous(port).as(Api.bearer(newSecret));
		assertThat(asRotated.post(observations, observation()).status()).isEqualTo(201);
		assertThat(browser.get(devicePath).body()).doesNotContain(newSecret);

		PortalClient.Page unbound = browser.submit(devicePath, devicePath + "/bindings/" + datastream + "/delete",
				Map.of());
		assertThat(unbound.location()).isEqualTo(devicePath + "?done=device-unbound");
		assertThat(asRotated.post(observations, observation()).status()).isEqualTo(403);

		PortalClient.Page revoked = browser.submit(devicePath, devicePath + "/revoke", Map.of());
		assertThat(revoked.location()).isEqualTo(devicePath + "?done=device-revoked");
		assertThat(asRotated.post(observations, observation()).status()).isEqualTo(401);
		assertThat(browser.get(devicePath).body()).contains("Revoked on").doesNotContain("/secret\"");
		assertThat(browser.submit(devicePath, devicePath + "/secret", Map.of()).status()).as("a revoked device")
			.isEqualTo(409);
		assertNotLogged();
	}

	@Test
	@DisplayName("a token's secret is shown once and works with the API until it is revoked")
	void tokenOnce() throws IOException {
		Organisation organisation = accounts.organisation("token office");
		Person person = accounts.person(organisation, Role.OPERATOR);
		PortalClient browser = accounts.signedIn(person);
		assertThat(browser.get("/console/operator/tokens").status()).isEqualTo(200);

		PortalClient.Page created = browser.submit("/console/operator/tokens", "/console/operator/tokens",
				Map.of("name", "nightly export", "expires", ""));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Cache-Control")).contains("no-store");
		assertThat(created.body()).contains("Copy the secret now").contains("Token nightly export was created");
		String secret = secret(created, TOKEN_SECRET);
		ConsoleAccounts.strict(created);

		Api asToken = Api.anonymous(port).as(Api.bearer(secret));
		Api.Response me = asToken.get("/api/identity/people/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.body()).contains(person.username());
		PortalClient.Page list = browser.get("/console/operator/tokens");
		assertThat(list.body()).contains("nightly export").contains("Active").doesNotContain(secret);

		long id = -1;
		for (JsonNode token : asToken.get("/api/identity/tokens").json()) {
			if (token.get("name").asString().equals("nightly export")) {
				id = token.get("id").asLong();
			}
		}
		PortalClient.Page revoked = browser.submit("/console/operator/tokens",
				"/console/operator/tokens/" + id + "/revoke", Map.of());
		assertThat(revoked.status()).isEqualTo(302);
		assertThat(revoked.location()).isEqualTo("/console/operator/tokens?done=token-revoked");
		assertThat(asToken.get("/api/identity/people/me").status()).isEqualTo(401);
		assertThat(browser.get(revoked.location()).body()).contains("The token was revoked").contains("Revoked on");

		// bad input: said at its field, nothing made
		PortalClient.Page past = browser.submit("/console/operator/tokens", "/console/operator/tokens",
				Map.of("name", "too late", "expires", "2000-01-01"));
		assertThat(past.status()).isEqualTo(400);
		assertThat(ConsoleAccounts.byId(ConsoleAccounts.strict(past), "expires-problem").getTextContent())
			.contains("Choose a day that has not ended yet.");
		PortalClient.Page unnamed = browser.submit("/console/operator/tokens", "/console/operator/tokens",
				Map.of("name", "", "expires", "someday"));
		assertThat(unnamed.status()).isEqualTo(400);
		assertThat(unnamed.body()).contains("Fill this in.").contains("Write a date as year-month-day");
		// without the form's CSRF token: nothing either
		assertThat(browser.post("/console/operator/tokens", Map.of("name", "forged")).status()).isEqualTo(403);
		PortalClient.Page after = browser.get("/console/operator/tokens");
		assertThat(after.body()).doesNotContain("too late").doesNotContain("forged");
		// someone else's token: the API's refusal
		Person other = accounts.person(organisation, Role.OPERATOR);
		PortalClient otherBrowser = accounts.signedIn(other);
		assertThat(otherBrowser.submit("/console/operator/tokens", "/console/operator/tokens/" + id + "/revoke",
				Map.of()).status()).isEqualTo(403);
		assertNotLogged();
	}

	@Test
	@DisplayName("the identity API's checks refuse devices here too: admins only, bound only within their organisation")
	void deviceRefusals() {
		Organisation other = accounts.organisation("device office");
		Person outsider = accounts.person(other, Role.OPERATOR, Role.ADMIN);
		PortalClient browser = accounts.signedIn(outsider);
		assertThat(browser.get("/console/operator/devices").body()).contains(other.name());

		PortalClient.Page theirs = browser.get("/console/operator/devices?organisation=" + testOffice);
		assertThat(theirs.status()).isEqualTo(403);
		assertThat(theirs.body()).contains("Managing devices needs the admin role in their organisation.")
			.contains("this needs the admin role in organisation " + testOffice);
		Issued ofTestOffice = devices.create(ConsoleAccounts.unique("office-device"), testOffice, null, "test");
		secrets.add(ofTestOffice.secret());
		assertThat(browser.submit("/console/operator/devices", "/console/operator/devices/" + ofTestOffice.id()
				+ "/secret", Map.of()).status()).isEqualTo(403);
		assertThat(browser.get("/console/operator/devices/" + ofTestOffice.id()).status()).isEqualTo(403);
		assertThat(devices.authenticate(ofTestOffice.secret())).as("its secret still works").isPresent();
		assertThat(browser.submit("/console/operator/devices", "/console/operator/devices", Map.of("organisation",
				Long.toString(testOffice), "name", ConsoleAccounts.unique("sneaky"))).status()).isEqualTo(403);

		// their own device, bound to a Datastream of another organisation: the API's rule
		long datastream = new Api(port).post("/v1.1/Datastreams", Fixtures.datastreamWithThing(ConsoleAccounts
			.unique("office stream"))).id();
		Issued own = devices.create(ConsoleAccounts.unique("own-device"), other.id(), null, "test");
		secrets.add(own.secret());
		String devicePath = "/console/operator/devices/" + own.id();
		PortalClient.Page bind = browser.submit(devicePath, devicePath + "/bindings",
				Map.of("datastream", Long.toString(datastream)));
		assertThat(bind.status()).isEqualTo(403);
		assertThat(bind.body()).contains("A device is bound only to Datastreams of its own organisation.");
		PortalClient.Page unknown = browser.submit(devicePath, devicePath + "/bindings", Map.of("datastream", "999999999"));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(ConsoleAccounts.byId(ConsoleAccounts.strict(unknown), "datastream-problem").getTextContent())
			.contains("Datastream 999999999 does not exist");

		// a name the API refuses is said at the field, in its words; one taken, as a conflict
		PortalClient.Page badName = browser.submit("/console/operator/devices", "/console/operator/devices",
				Map.of("organisation", Long.toString(other.id()), "name", "not a name!"));
		assertThat(badName.status()).isEqualTo(400);
		Document page = ConsoleAccounts.strict(badName);
		assertThat(ConsoleAccounts.byId(page, "name-problem").getTextContent()).contains("a device name is 1 to 200");
		assertThat(ConsoleAccounts.byId(page, "name").getAttribute("aria-invalid")).isEqualTo("true");
		PortalClient.Page taken = browser.submit("/console/operator/devices", "/console/operator/devices",
				Map.of("organisation", Long.toString(other.id()), "name", own.name()));
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.body()).contains("there is a device named");

		// an operator who is not an admin: the API's refusal, in words
		PortalClient operator = accounts.signedIn(accounts.person(other, Role.OPERATOR));
		PortalClient.Page notAdmin = operator.get("/console/operator/devices");
		assertThat(notAdmin.status()).isEqualTo(403);
		assertThat(notAdmin.body()).contains("Managing devices needs the admin role in their organisation.");
	}

	private long datastreamMadeInTheConsole(PortalClient browser) {
		PortalClient.Page thing = browser.submit("/console/operator/things", "/console/operator/things",
				Map.of("organisation", Long.toString(testOffice), "name", ConsoleAccounts.unique("station"),
						"description", "", "latitude", "19.43", "longitude", "-99.13"));
		String thingPath = thing.location().replaceAll("\\?.*", "");
		PortalClient.Page created = browser.submit(thingPath, thingPath + "/datastreams", Map.of("name", "PM10",
				"description", "particles", "observedProperty", "PM10", "definition", "", "unitName",
				"microgram per cubic metre", "unitSymbol", "ug/m3", "unitDefinition", "", "sensor", "optical counter"));
		assertThat(created.status()).as("%s", created).isEqualTo(302);
		// declared at once by the test city's policy, so it may collect
		assertThat(created.location()).isEqualTo(thingPath + "?done=datastream-created");
		PortalClient.Page page = browser.get(created.location());
		assertThat(page.body()).contains("optical counter").contains("microgram per cubic metre (ug/m3)");
		long thingId = ConsoleAccounts.idIn(thingPath);
		JsonNode streams = Api.anonymous(port).get("/v1.1/Things(" + thingId + ")/Datastreams", "$expand",
				"ObservedProperty,Sensor").json().get("value");
		assertThat(streams.size()).isEqualTo(1);
		assertThat(streams.get(0).get("unitOfMeasurement").get("symbol").asString()).isEqualTo("ug/m3");
		assertThat(streams.get(0).get("ObservedProperty").get("name").asString()).isEqualTo("PM10");
		return streams.get(0).get("@iot.id").asLong();
	}

	private static Map<String, Object> observation() {
		return Map.of("phenomenonTime", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), "result",
				Math.random());
	}

	private String secret(PortalClient.Page page, Pattern pattern) {
		Matcher found = pattern.matcher(page.body());
		assertThat(found.find()).as("a secret on the page: %s", page).isTrue();
		secrets.add(found.group());
		return found.group();
	}

	/** None of the secrets the console showed is in the logs. */
	private void assertNotLogged() throws IOException {
		String log = Files.exists(LOG) ? Files.readString(LOG, StandardCharsets.UTF_8) : "";
		for (String secret : secrets) {
			assertThat(log).as("the log holds a secret").doesNotContain(secret);
		}
	}

}
