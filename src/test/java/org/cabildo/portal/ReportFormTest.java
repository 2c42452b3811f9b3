package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cabildo.IntegrationTest;
import org.cabildo.participation.Report;
import org.cabildo.participation.ReportQuery;
import org.cabildo.participation.Reports;
import org.cabildo.support.Api;
import org.cabildo.support.PortalClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;

/**
 * The report form's refusals, over HTTP as a browser without JavaScript sends it: each comes back
 * as the form (400) with what was typed and the problem at its field, in the page's language, and
 * files nothing; the form's own defences (issue time, trap, CSRF token) refuse before anything is
 * filed; an unknown or malformed report and a bad filter of the list are error pages.
 */
@IntegrationTest
class ReportFormTest {

	private static final String FORM = "/report?lang=en";

	@LocalServerPort
	int port;

	@Autowired
	ObjectionFormSettings settings;

	@Autowired
	Reports reports;

	/** A district of the test's own, in the test jurisdiction's box. */
	private String district;

	/** What every report this test sends says, to find any that was filed. */
	private String marker;

	@BeforeEach
	void aDistrict() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		district = "RF" + suffix;
		marker = "refused " + suffix;
		Api.Response imported = new Api(port).put("/api/districts", "{\"type\":\"FeatureCollection\",\"features\":[{"
				+ "\"type\":\"Feature\",\"properties\":{\"district_id\":\"" + district + "\",\"name\":\"Refusals "
				+ suffix + "\",\"population_2020\":1000},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-99.37,"
				+ "19.58],[-99.36,19.58],[-99.36,19.59],[-99.37,19.59],[-99.37,19.58]]]}}]}");
		assertThat(imported.status()).as("%s", imported).isIn(200, 201);
	}

	@Test
	@DisplayName("a missing service, an unknown district, a bad email, a required answer missing: 400, the form with the problem at its field, nothing filed")
	void refusalsComeBackAtTheirField() throws Exception {
		PortalClient browser = new PortalClient(port);
		String issued = browser.get(FORM).input("issued").orElseThrow();
		waitForTheForm();

		Document noService = refused(browser, fields(issued, Map.of("district", district, "address", "Calle 5")));
		assertThat(StreamCardTest.text(noService, "//*[@id='service-problems']"))
			.isEqualTo("Choose the problem you report, from the list.");
		assertThat(StreamCardTest.text(noService, "//*[@id='problems']//a[@href='#service']"))
			.isEqualTo("Choose the problem you report, from the list.");
		// what was typed comes back
		assertThat(StreamCardTest.text(noService, "//textarea[@id='description']")).isEqualTo(marker);
		assertThat(StreamCardTest.text(noService, "//input[@id='address']/@value")).isEqualTo("Calle 5");
		assertThat(StreamCardTest.text(noService, "//select[@id='district']/option[@selected]/@value")).isEqualTo(district);

		Document unknownDistrict = refused(browser, fields(issued, Map.of("service", "pothole", "district", "nowhere")));
		assertThat(StreamCardTest.text(unknownDistrict, "//*[@id='district-problems']"))
			.isEqualTo("Choose a district from the list.");
		assertThat(StreamCardTest.text(unknownDistrict, "//select[@id='district']/@aria-invalid")).isEqualTo("true");
		assertThat(StreamCardTest.text(unknownDistrict, "//input[@name='service'][@checked]/@value")).isEqualTo("pothole");

		Document badEmail = refused(browser, fields(issued, Map.of("service", "pothole", "district", district, "email",
				"not an address")));
		assertThat(StreamCardTest.text(badEmail, "//*[@id='email-problems']")).startsWith("This is not an email address");
		assertThat(StreamCardTest.text(badEmail, "//input[@id='email']/@value")).isEqualTo("not an address");
		assertThat(StreamCardTest.text(badEmail, "//input[@id='email']/@aria-describedby"))
			.isEqualTo("email-hint email-problems");

		// a question the service requires, at the question's own field
		Document unanswered = refused(browser, fields(issued, Map.of("service", "garbage-not-collected", "district",
				district, "answer[garbage-not-collected][days_waiting]", " ")));
		String question = StreamCardTest.text(unanswered,
				"//input[@name='answer[garbage-not-collected][days_waiting]']/@id");
		assertThat(StreamCardTest.text(unanswered, "//*[@id='" + question + "-problems']")).isEqualTo("Answer this question.");
		Document notANumber = refused(browser, fields(issued, Map.of("service", "garbage-not-collected", "district",
				district, "answer[garbage-not-collected][days_waiting]", "three")));
		assertThat(StreamCardTest.text(notANumber, "//*[@id='" + question + "-problems']")).startsWith("Write a number");
		assertThat(StreamCardTest.text(notANumber, "//input[@id='" + question + "']/@value")).isEqualTo("three");

		// nowhere said: the place's problem, at the place
		Document nowhere = refused(browser, fields(issued, Map.of("service", "pothole")));
		assertThat(StreamCardTest.text(nowhere, "//*[@id='where-problems']")).startsWith("Say where it is");

		// and in the page's language
		PortalClient.Page spanish = browser.submit("/report?lang=es", "/report", fields(issued, Map.of("district",
				district)));
		assertThat(spanish.status()).isEqualTo(400);
		assertThat(StreamCardTest.text(StreamCardTest.xml(spanish.body()), "//*[@id='service-problems']"))
			.isEqualTo("Elija de la lista el problema que reporta.");

		assertThat(filed()).as("nothing refused was filed").isEmpty();
	}

	@Test
	@DisplayName("a form sent too soon, with a forged issue time, with its trap filled or without its CSRF token files nothing")
	void theFormsDefencesFileNothing() throws Exception {
		PortalClient browser = new PortalClient(port);
		Map<String, String> good = Map.of("service", "pothole", "district", district);
		Document tooSoon = refused(browser, fields(browser.get(FORM).input("issued").orElseThrow(), good));
		assertThat(StreamCardTest.text(tooSoon, "//*[@id='problems']")).contains("sent too fast");

		Document forged = refused(browser, fields(System.currentTimeMillis() - 60_000 + ".AAAA.AAAA", good));
		assertThat(StreamCardTest.text(forged, "//*[@id='problems']")).contains("not the one this page served");

		String issued = browser.get(FORM).input("issued").orElseThrow();
		waitForTheForm();
		Map<String, String> trapped = new HashMap<>(good);
		trapped.put("website", "https://spam.example");
		assertThat(StreamCardTest.text(refused(browser, fields(issued, trapped)), "//*[@id='problems']"))
			.contains("the field that must stay empty had text");

		PortalClient.Page noToken = browser.post("/report", fields(issued, good));
		assertThat(noToken.status()).isEqualTo(403);
		assertThat(noToken.body()).contains("<html").contains("Access denied");
		assertThat(filed()).isEmpty();
	}

	@Test
	@DisplayName("an unknown report is a 404 page, a number that is not one and a filter the list does not know a 400 page, each with the way back to the reports")
	void refusedAddresses() throws Exception {
		PortalClient browser = new PortalClient(port);
		PortalClient.Page missing = browser.get("/reports/999999999?lang=en");
		assertThat(missing.status()).isEqualTo(404);
		Document page = StreamCardTest.xml(missing.body());
		assertThat(StreamCardTest.text(page, "//h1")).isEqualTo("Page not found");
		assertThat(StreamCardTest.text(page, "//*[@role='alert']")).startsWith("There is no report with that number");
		assertThat(StreamCardTest.text(page, "//a[@href='/reports']")).isEqualTo("Back to the reports");
		for (String address : List.of("/reports/abc", "/reports?status=lost", "/reports?district=nowhere",
				"/reports?page=0", "/reports?page=x")) {
			PortalClient.Page bad = browser.get(address);
			assertThat(bad.status()).as(address).isEqualTo(400);
			assertThat(bad.header("Content-Type")).as(address).startsWith("text/html");
		}
	}

	private Document refused(PortalClient browser, Map<String, String> fields) throws Exception {
		PortalClient.Page answer = browser.submit(FORM, "/report", fields);
		assertThat(answer.status()).as("%s", answer).isEqualTo(400);
		assertThat(answer.header("Content-Type")).startsWith("text/html");
		return StreamCardTest.xml(answer.body());
	}

	/** The fields of a report: these, the test's description and the form's issue time. */
	private Map<String, String> fields(String issued, Map<String, String> these) {
		Map<String, String> fields = new HashMap<>(these);
		fields.put("description", marker);
		fields.put("issued", issued);
		return fields;
	}

	/** The reports this test filed, if any. */
	private List<Report> filed() {
		return reports.list(ReportQuery.of(null, null, null, null, null, 1000))
			.stream()
			.filter(r -> marker.equals(r.description()))
			.toList();
	}

	private void waitForTheForm() throws InterruptedException {
		Thread.sleep(settings.minAge().toMillis() + 200);
	}

}
