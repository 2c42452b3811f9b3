package org.cabildo.portal.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The register's rule on the console's Datastreams, without the test city's policy that declares
 * every stream: a stream that no declaration or template covers is made, but collects nothing, and
 * the console says so in the words ingest would refuse its Observations with; once the
 * organisation publishes a template, a new stream is declared with it and collects.
 */
@IntegrationTest
@TestPropertySource(properties = "cabildo.test.declare-datastreams=false")
class UndeclaredDatastreamPageTest {

	@LocalServerPort
	int port;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	Tokens tokens;

	@Test
	@DisplayName("a Datastream no declaration covers is made but collects nothing, and the page says why")
	void undeclaredThenTemplate() {
		ConsoleAccounts accounts = new ConsoleAccounts(organisations, people, port);
		Organisation office = accounts.organisation("undeclared office");
		Person operator = accounts.person(office, Role.OPERATOR);
		PortalClient browser = accounts.signedIn(operator);
		PortalClient.Page thing = browser.submit("/console/operator/things", "/console/operator/things",
				Map.of("organisation", Long.toString(office.id()), "name", "station", "description", "",
						"latitude", "19.4", "longitude", "-99.1"));
		String thingPath = thing.location().replaceAll("\\?.*", "");

		PortalClient.Page created = browser.submit(thingPath, thingPath + "/datastreams", stream("NO2"));
		assertThat(created.status()).isEqualTo(302);
		assertThat(created.location()).isEqualTo(thingPath + "?done=datastream-undeclared");
		PortalClient.Page page = browser.get(created.location());
		assertThat(page.body()).contains("it collects nothing yet: no declaration or declaration template covers it")
			.contains("No: it collects nothing.")
			.contains("has no public declaration, so it collects nothing");
		ConsoleAccounts.strict(page);
		long datastream = Api.anonymous(port).get("/v1.1/Things(" + ConsoleAccounts.idIn(thingPath) + ")/Datastreams")
			.json().get("value").get(0).get("@iot.id").asLong();
		// what the page says is what ingest answers
		Api.Response refused = Api.anonymous(port).as(Api.basic(operator.username(), ConsoleAccounts.PASSWORD))
			.post("/v1.1/Datastreams(" + datastream + ")/Observations", Map.of("result", 1));
		assertThat(refused.status()).isBetween(400, 499);
		assertThat(refused.body()).contains("has no public declaration");

		// the organisation's steward publishes a template: the next stream is declared with it
		Person steward = accounts.person(office, Role.STEWARD);
		Api stewardApi = Api.anonymous(port).as(Api.bearer(tokens.create(steward.id(), "t", null, "test").secret()));
		Api.Response template = stewardApi.put("/api/register/templates/organisations/" + office.id(),
				Fixtures.openDeclaration());
		assertThat(template.status()).as("%s", template).isEqualTo(200);
		PortalClient.Page declared = browser.submit(thingPath, thingPath + "/datastreams", stream("O3"));
		assertThat(declared.location()).isEqualTo(thingPath + "?done=datastream-created");
		assertThat(browser.get(declared.location()).body()).contains("it is declared and may collect")
			.contains(">Yes<");
	}

	private static Map<String, String> stream(String property) {
		return Map.of("name", property, "observedProperty", property, "unitName", "parts per billion", "unitSymbol",
				"ppb", "sensor", "electrochemical cell");
	}

}
