package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.cabildo.BrowserTest;
import org.cabildo.participation.Report;
import org.cabildo.participation.Reports;
import org.cabildo.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The report form's map, where the script runs and the city has districts (the demo city's, as
 * DistrictsAtStartTest loads them: the same server): a click puts a pin, which fills the hidden
 * latitude and longitude, names the district it falls in, and places the report there; removing
 * it leaves the district and the address to place it.
 */
@BrowserTest
@TestPropertySource(properties = "cabildo.city.districts=classpath:demo/mexico-city/districts.geojson")
class ReportMapBrowserTest {

	@Autowired
	ObjectionFormSettings form;

	@Autowired
	Reports reports;

	@Test
	void aPinOnTheMapPlacesTheReport(Browser browser) throws InterruptedException {
		browser.open("/report?lang=en");
		WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
		wait.until(d -> browser.find(By.id("report-map")).isDisplayed()
				&& !d.findElements(By.cssSelector("#report-map path.leaflet-interactive")).isEmpty());
		browser.assertAccessible();

		// the whole map in view, so that a click on it lands at its centre, in the city
		browser.driver().executeScript("arguments[0].scrollIntoView({ block: 'center' })", browser.find(By.id("report-map")));
		browser.find(By.id("report-map")).click();
		wait.until(d -> browser.find(By.id("pin-status")).isDisplayed());
		String lat = browser.find(By.id("lat")).getDomProperty("value");
		String lon = browser.find(By.id("lon")).getDomProperty("value");
		assertThat(Double.parseDouble(lat)).isBetween(19.0, 19.6);
		assertThat(Double.parseDouble(lon)).isBetween(-99.4, -98.9);
		assertThat(browser.find(By.id("pin-status")).getText()).isEqualTo("Pin placed at " + lat + ", " + lon
				+ ": the report will be placed there.");
		Select district = new Select(browser.find(By.id("district")));
		String named = district.getFirstSelectedOption().getText();
		assertThat(district.getFirstSelectedOption().getDomAttribute("value")).as("the district the pin is in").isNotEmpty();

		// removed, and put again: the last pin counts
		browser.find(By.id("pin-clear")).click();
		assertThat(browser.find(By.id("lat")).getDomProperty("value")).isEmpty();
		assertThat(browser.find(By.id("pin-status")).isDisplayed()).isFalse();
		browser.find(By.id("report-map")).click();
		wait.until(d -> browser.find(By.id("pin-status")).isDisplayed());

		browser.find(By.cssSelector("input[name='service'][value='pothole']")).click();
		browser.type(By.id("description"), "A pothole where the pin is.");
		Thread.sleep(form.minAge().toMillis() + 200);
		browser.follow(By.cssSelector("#form button[type=submit]"));

		assertThat(browser.path()).matches("/reports/\\d+");
		Report report = reports.byId(Long.parseLong(browser.path().substring("/reports/".length())));
		assertThat(report.place().lat()).isEqualTo(Double.parseDouble(lat));
		assertThat(report.place().lon()).isEqualTo(Double.parseDouble(lon));
		assertThat(browser.text()).contains(named).contains(lat.substring(0, 5));
		assertThat(browser.consoleErrors()).isEmpty();
	}

}
