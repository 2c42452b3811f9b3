package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cabildo.IntegrationTest;
import org.cabildo.identity.People;
import org.cabildo.participation.Demographics;
import org.cabildo.participation.Filing;
import org.cabildo.participation.Reporter;
import org.cabildo.participation.Reports;
import org.cabildo.support.Api;
import org.cabildo.support.TestMailbox;
import org.cabildo.support.TestResidents;
import org.cabildo.support.PortalClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;

/**
 * The pages of residents' reports, checked against reports the test files in a district of its
 * own: who takes part shows the district's figures and withholds what residents said of themselves
 * while it is fewer than the threshold (in words, never a number); the list filters by district
 * and status; one's own list lists the signed-in person's reports and no one else's.
 */
@IntegrationTest
class ParticipationPagesTest {

	@LocalServerPort
	int port;

	@Autowired
	Reports reports;

	@Autowired
	People people;

	@Autowired
	TestMailbox mailbox;

	private String district;

	private String name;

	@BeforeEach
	void aDistrict() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		district = "PP" + suffix;
		name = "Participa " + suffix;
		Api.Response imported = new Api(port).put("/api/districts", "{\"type\":\"FeatureCollection\",\"features\":[{"
				+ "\"type\":\"Feature\",\"properties\":{\"district_id\":\"" + district + "\",\"name\":\"" + name
				+ "\",\"population_2020\":20000},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-99.33,19.57],"
				+ "[-99.32,19.57],[-99.32,19.58],[-99.33,19.58],[-99.33,19.57]]]}}]}");
		assertThat(imported.status()).as("%s", imported).isIn(200, 201);
	}

	@Test
	@DisplayName("who takes part: a district's reports per 100,000, and fewer than 11 said of themselves withheld in words")
	void whoTakesPart() throws Exception {
		for (int i = 0; i < 3; i++) {
			file(null, "said " + i, new Demographics("woman", "30-44"));
		}
		propose();
		PortalClient.Page page = new PortalClient(port).get("/participation?lang=en");
		assertThat(page.status()).isEqualTo(200);
		Document shown = StreamCardTest.xml(page.body());
		String row = "//table[@id='heard-table']//tr[@data-district='" + district + "']";
		assertThat(StreamCardTest.text(shown, row + "/th")).isEqualTo(name);
		assertThat(StreamCardTest.text(shown, row + "/td[2]")).isEqualTo("3");
		assertThat(StreamCardTest.text(shown, row + "/td[3]")).isEqualTo("15.0");
		assertThat(StreamCardTest.text(shown, row + "/td[4]")).isEqualTo("0%");
		assertThat(StreamCardTest.text(shown, row + "/td[5]")).isEqualTo("no data");
		// a proposal for the district, supported once: per 100,000 of its 20,000 inhabitants
		assertThat(StreamCardTest.text(shown, row + "/td[7]")).isEqualTo("1");
		assertThat(StreamCardTest.text(shown, row + "/td[8]")).isEqualTo("5.0");
		assertThat(StreamCardTest.text(shown, row + "/td[9]")).isEqualTo("1");
		for (String table : List.of("by-gender", "by-age-band")) {
			String said = "//table[@id='" + table + "']//tr[th='" + name + "']";
			assertThat(StreamCardTest.count(shown, said + "/td[@class='withheld']")).as(table).isEqualTo(2);
			assertThat(StreamCardTest.text(shown, said + "/td[@class='withheld'][1]")).isEqualTo("fewer than 11 or withheld");
			assertThat(StreamCardTest.count(shown, said + "/td[.='3']")).as("no count below 11 in %s", table).isZero();
		}
	}

	@Test
	@DisplayName("the list filters by district and status, and one's own list is the signed-in person's only")
	void theListAndOnesOwn() throws Exception {
		long person = people.byUsername(Api.TEST_USER).orElseThrow().id();
		long mine = file(person, "mine", Demographics.NOT_SAID);
		long anyone = file(null, "anyone's", Demographics.NOT_SAID);

		PortalClient visitor = new PortalClient(port);
		Document listed = StreamCardTest.xml(visitor.get("/reports?lang=en&district=" + district + "&status=open").body());
		assertThat(StreamCardTest.count(listed, "//*[@id='list']//tbody/tr")).isEqualTo(2);
		assertThat(StreamCardTest.text(listed, "//*[@id='list']//tbody/tr[1]/td[1]")).isEqualTo(Long.toString(anyone));
		assertThat(StreamCardTest.text(listed, "//select[@id='district']/option[@selected]/@value")).isEqualTo(district);
		Document closed = StreamCardTest.xml(visitor.get("/reports?district=" + district + "&status=closed").body());
		assertThat(StreamCardTest.count(closed, "//*[@id='list']//tbody/tr")).isZero();

		Document notSignedIn = StreamCardTest.xml(visitor.get("/reports?lang=en&mine=1").body());
		assertThat(StreamCardTest.text(notSignedIn, "//main")).contains("Sign in to see the reports you filed");
		assertThat(StreamCardTest.count(notSignedIn, "//*[@id='list']")).isZero();

		PortalClient signedIn = new PortalClient(port);
		signedIn.signIn(Api.TEST_USER, Api.TEST_PASSWORD);
		Document own = StreamCardTest.xml(signedIn.get("/reports?lang=en&mine=1&district=" + district).body());
		assertThat(StreamCardTest.text(own, "//h1")).isEqualTo("Your reports");
		assertThat(StreamCardTest.count(own, "//*[@id='list']//tbody/tr")).isEqualTo(1);
		assertThat(StreamCardTest.text(own, "//*[@id='list']//tbody/tr[1]/td[1]")).isEqualTo(Long.toString(mine));
	}

	@Test
	@DisplayName("a district's page: who is heard there beside the whole city, as /participation counts it")
	void aDistrictsPageSaysWhoIsHeardThere() throws Exception {
		file(null, "one", Demographics.NOT_SAID);
		file(null, "two", Demographics.NOT_SAID);
		propose();
		PortalClient.Page page = new PortalClient(port).get("/districts/" + district + "?lang=en");
		assertThat(page.status()).isEqualTo(200);
		Document shown = StreamCardTest.xml(page.body());
		String table = "//section[@id='participation']//table[@id='participation-table']";
		assertThat(StreamCardTest.text(shown, table + "/thead/tr/th[2]")).isEqualTo(name);
		assertThat(StreamCardTest.text(shown, table + "/tbody/tr[th='Reports']/td[1]")).isEqualTo("2");
		assertThat(StreamCardTest.text(shown, table + "/tbody/tr[th='Reports per 100,000 inhabitants']/td[1]"))
			.isEqualTo("10.0");
		assertThat(StreamCardTest.text(shown, table + "/tbody/tr[th='Proposals']/td[1]")).isEqualTo("1");
		assertThat(StreamCardTest.text(shown, table + "/tbody/tr[th='Supports']/td[1]")).isEqualTo("1");
		// the city's column is the city row of /participation
		Document all = StreamCardTest.xml(new PortalClient(port).get("/participation?lang=en").body());
		assertThat(StreamCardTest.text(shown, table + "/tbody/tr[th='Reports']/td[2]"))
			.isEqualTo(StreamCardTest.text(all, "//table[@id='heard-table']//tr[@class='city']/td[2]"));
		assertThat(StreamCardTest.count(shown, "//section[@id='participation']//a[@href='/reports?district=" + district
				+ "']")).isEqualTo(1);
		assertThat(StreamCardTest.count(shown, "//section[@id='participation']//a[@href='/proposals?district="
				+ district + "']")).isEqualTo(1);
	}

	/** A verified resident proposes for the test's district and supports the proposal. */
	private void propose() {
		Api resident = TestResidents.verified(port, mailbox);
		Api.Response made = resident.post("/api/participation/proposals", Map.of("title", "Una propuesta", "text",
				"Texto.", "district", district, "category", "movilidad"));
		assertThat(made.status()).as("%s", made).isEqualTo(201);
		assertThat(resident.post("/api/participation/proposals/" + made.json().path("id").asLong() + "/supports", null)
			.status()).isEqualTo(201);
	}

	private long file(Long person, String description, Demographics said) {
		return reports.file(new Filing(null, "pothole", null, null, null, null, district, Map.of(), description, null,
				Reporter.resident(person, "127.0.0.1", null, null, null, null, null, null), null, said), id -> {
					throw new IllegalStateException("no photo");
				}).report().id();
	}

}
