package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.cabildo.BrowserTest;
import org.cabildo.participation.Report;
import org.cabildo.participation.Reports;
import org.cabildo.support.Api;
import org.cabildo.support.Browser;
import org.cabildo.support.PortalClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Reporting a problem with the portal's form: without JavaScript (the form's fields posted as a
 * browser that runs no script posts them), and in a real browser by clicking, signed in, where the
 * report then shows among the resident's own. Either way the report is placed by the district
 * chosen, answered by that district's office, and shown at its own address.
 *
 * <p>The form may be sent at once here, as in {@link PortalFormsBrowserTest} (the same server):
 * the delay it asks of scripts is checked by {@link ReportFormTest}.
 */
@BrowserTest
@TestPropertySource(properties = "cabildo.portal.objection-form.min-age=0s")
class ReportFormBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	Reports reports;

	private String district;

	private String districtName;

	@BeforeEach
	void aDistrict() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		district = "RB" + suffix;
		districtName = "Barrio " + suffix;
		Api.Response imported = new Api(port).put("/api/districts", "{\"type\":\"FeatureCollection\",\"features\":[{"
				+ "\"type\":\"Feature\",\"properties\":{\"district_id\":\"" + district + "\",\"name\":\"" + districtName
				+ "\",\"population_2020\":5000},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-99.35,19.57],"
				+ "[-99.34,19.57],[-99.34,19.58],[-99.35,19.58],[-99.35,19.57]]]}}]}");
		assertThat(imported.status()).as("%s", imported).isIn(200, 201);
	}

	@Test
	void withoutJavaScriptTheFormFilesAReportPlacedByItsDistrict() throws Exception {
		PortalClient browser = new PortalClient(port);
		PortalClient.Page form = browser.get("/report?lang=en");
		assertThat(form.status()).isEqualTo(200);
		// the fields a browser without scripts fills: every one is in the page as it is sent here
		for (String field : new String[] { "name=\"service\"", "name=\"district\"", "name=\"address\"",
				"name=\"description\"", "name=\"answer[pothole][size]\"", "name=\"gender\"", "name=\"ageBand\"" }) {
			assertThat(form.body()).as(field).contains(field);
		}
		assertThat(form.body()).contains("<option value=\"" + district + "\">" + districtName + "</option>");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("issued", form.input("issued").orElseThrow());
		fields.put("service", "pothole");
		fields.put("answer[pothole][size]", "large");
		// another service's question, as the form sends it without the script: left aside
		fields.put("answer[garbage-not-collected][days_waiting]", "");
		fields.put("description", "A hole as deep as a hand, by the bus stop.");
		fields.put("district", district);
		fields.put("address", "Avenida 3, at the bus stop");
		fields.put("lat", "");
		fields.put("lon", "");
		fields.put("email", "resident@example.org");
		fields.put("gender", "woman");
		fields.put("ageBand", "");
		PortalClient.Page filed = browser.submit("/report?lang=en", "/report", fields);
		assertThat(filed.status()).as("%s", filed).isEqualTo(303);
		assertThat(filed.location()).matches("/reports/\\d+");
		long id = Long.parseLong(filed.location().substring("/reports/".length()));

		Report report = reports.byId(id);
		assertThat(report.place().district()).isEqualTo(district);
		assertThat(report.place().lat()).isNull();
		assertThat(report.place().address()).isEqualTo("Avenida 3, at the bus stop");
		assertThat(report.agency()).isEqualTo("Alcaldía " + districtName + " · Obras y Servicios Urbanos");
		assertThat(report.attributes()).isEqualTo(Map.of("size", "large"));

		PortalClient.Page shown = browser.follow(filed);
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.body()).contains("Report no. " + id)
			.contains("Bache")
			.contains(districtName)
			.contains("Avenida 3, at the bus stop")
			.contains("A hole as deep as a hand, by the bus stop.")
			.contains("Alcaldía " + districtName + " · Obras y Servicios Urbanos")
			.contains("Grande (más de 1 m)")
			.contains("Not answered yet")
			// never who filed it
			.doesNotContain("resident@example.org");
	}

	@Test
	void aSignedInResidentFilesAReportByClickingAndFindsItAmongTheirOwn(Browser browser) {
		browser.signIn(Api.TEST_USER, Api.TEST_PASSWORD).open("/report?lang=en");
		assertThat(browser.heading()).isEqualTo("Report a problem");
		// the chosen service's questions show, the others' hide (the script)
		browser.find(By.cssSelector("label[for='" + serviceId(browser, "streetlight-out") + "']")).click();
		String pole = browser.find(By.cssSelector("input[name='answer[streetlight-out][pole_number]']")).getDomAttribute("id");
		assertThat(browser.find(By.cssSelector("input[name='answer[pothole][size]'], select[name='answer[pothole][size]']"))
			.isDisplayed()).isFalse();
		browser.type(By.id(pole), "15-0452").type(By.id("description"), "The streetlight blinks all night.");
		new Select(browser.find(By.id("district"))).selectByVisibleText(districtName);
		browser.type(By.id("address"), "Calle 7 corner of Calle 9");
		new Select(browser.find(By.id("ageBand"))).selectByValue("30-44");
		browser.follow(By.cssSelector("#form button[type=submit]"));

		assertThat(browser.path()).matches("/reports/\\d+");
		String id = browser.path().substring("/reports/".length());
		assertThat(browser.heading()).isEqualTo("Luminaria apagada");
		assertThat(browser.find(By.className("card-kicker")).getText()).isEqualTo("Report no. " + id);
		String text = browser.text();
		assertThat(text).contains(districtName)
			.contains("Calle 7 corner of Calle 9")
			.contains("The streetlight blinks all night.")
			.contains("15-0452")
			.contains("Alcaldía " + districtName + " · Alumbrado Público")
			.contains("Open");
		browser.assertAccessible();
		assertThat(browser.consoleErrors()).isEmpty();

		browser.open("/reports?mine=1");
		assertThat(browser.heading()).isEqualTo("Your reports");
		assertThat(browser.find(By.cssSelector("#list a[href='/reports/" + id + "']")).getText()).isEqualTo(id);
		browser.open("/reports?district=" + district);
		assertThat(browser.find(By.cssSelector("#list tbody")).getText()).contains("Luminaria apagada");
	}

	/** The id of the radio button of a service. */
	private static String serviceId(Browser browser, String code) {
		return browser.find(By.cssSelector("input[name='service'][value='" + code + "']")).getDomAttribute("id");
	}

}
