package org.cabildo.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The city-level mobility indicators over HTTP, for anyone: a small cyclist series this test
 * loads itself (an outage left out by the rule as it is loaded), as JSON and CSV, and refusals.
 */
@IntegrationTest
class MobilityApiTest {

	private static final String CYCLISTS = "/api/indicators/mobility-cyclists-daily/city";

	@LocalServerPort
	int port;

	@Autowired
	MobilitySeriesRegister register;

	private Api anonymous;

	private String code;

	@BeforeEach
	void setUp() {
		anonymous = Api.anonymous(port);
		code = "test-" + UUID.randomUUID().toString().substring(0, 8);
		// January 2021 (from Friday the 1st: 21 weekdays, 10 weekend days). C1: 100 on weekdays, 40 at weekends,
		// 0 on Tuesday the 12th (below a quarter of its median of 100: an outage). C2: 200 and 60.
		List<MobilityCount> counts = new ArrayList<>();
		for (LocalDate day = LocalDate.of(2021, 1, 1); day.getMonthValue() == 1; day = day.plusDays(1)) {
			boolean weekend = CounterOutages.weekend(day);
			counts.add(new MobilityCount("C1", "C1", day, day.getDayOfMonth() == 12 ? 0L : weekend ? 40L : 100L));
			counts.add(new MobilityCount("C2", "C2", day, weekend ? 60L : 200L));
		}
		register.replace(new MobilitySeries(code, MobilitySeries.Kind.CYCLISTS, "test counters", "cyclists per day",
				"the test", "a test"), counts);
	}

	@Test
	void theCatalogueSaysMobilityIsCityLevel() {
		JsonNode catalogue = anonymous.get("/api/indicators").json();
		JsonNode cyclists = null;
		for (JsonNode indicator : catalogue) {
			if (indicator.get("code").asString().equals("mobility-cyclists-daily")) {
				cyclists = indicator;
			}
			if (indicator.get("code").asString().equals("who-2021-pm25-24h")) {
				assertThat(indicator.get("scope").asString()).isEqualTo("districts");
			}
		}
		assertThat(cyclists).isNotNull();
		assertThat(cyclists.get("scope").asString()).isEqualTo("city");
		assertThat(cyclists.get("method").asString()).contains("outage").contains("weekends");
		assertThat(anonymous.get("/api/indicators/mobility-transit-ridership").json().get("coverage").asString())
			.contains("75 %");
	}

	@Test
	void monthsAndYearsAsJsonWithTheOutageLeftOutAndCounted() {
		JsonNode table = anonymous.get(CYCLISTS, "series", code, "from", "2021-01-01", "to", "2021-02-01").json();
		assertThat(table.get("scope").asString()).isEqualTo("city");
		assertThat(table.get("scopeNote").asString()).contains("no district");
		assertThat(table.get("series").get("source").asString()).isEqualTo("the test");
		assertThat(table.get("leftOut")).hasSize(1);
		assertThat(table.get("leftOut").get(0).get("reason").asString()).isEqualTo("outage");
		assertThat(table.get("leftOut").get(0).get("counts").asLong()).isEqualTo(1);
		JsonNode weekdays = table.get("months").get(0);
		assertThat(weekdays.get("period").asString()).isEqualTo("2021-01");
		assertThat(weekdays.get("group").asString()).isEqualTo("weekdays");
		// (20 x 100 + 21 x 200) / 41 = 6200 / 41 = 151.22
		assertThat(weekdays.get("value").asDouble()).isEqualTo(151.2);
		assertThat(weekdays.get("counts").asLong()).isEqualTo(41);
		assertThat(weekdays.get("leftOut").asLong()).isEqualTo(1);
		assertThat(weekdays.get("days").asInt()).isEqualTo(21);
		assertThat(weekdays.get("coverage").asDouble()).isEqualTo(1.0);
		// weekends: (10 x 40 + 10 x 60) / 20 = 50
		assertThat(table.get("months").get(1).get("value").asDouble()).isEqualTo(50.0);
		assertThat(table.get("years").get(0).get("period").asString()).isEqualTo("2021");
		assertThat(table.get("years").get(0).get("days").asInt()).isEqualTo(21);
		// by default, the whole series
		JsonNode whole = anonymous.get(CYCLISTS, "series", code).json();
		assertThat(whole.get("from").asString()).isEqualTo("2021-01-01");
		assertThat(whole.get("to").asString()).isEqualTo("2021-02-01");
	}

	@Test
	void csvHasOneLinePerMonthAndGroupThenPerYear() {
		Api.Response csv = anonymous.get(CYCLISTS, "series", code, "from", "2021-01-01", "to", "2021-02-01", "format",
				"csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.body()).isEqualTo(
				"interval,period,from,to,group,value,baseline,change_percent,days_with_data,days,coverage,counts,left_out\n"
						+ "month,2021-01,2021-01-01,2021-02-01,\"weekdays\",151.2,,,21,21,1.0,41,1\n"
						+ "month,2021-01,2021-01-01,2021-02-01,\"weekends\",50.0,,,10,10,1.0,20,0\n"
						+ "month,2021-01,2021-01-01,2021-02-01,\"all\",118.0,,,31,31,1.0,61,1\n"
						+ "year,2021,2021-01-01,2021-02-01,\"weekdays\",151.2,,,21,21,1.0,41,1\n"
						+ "year,2021,2021-01-01,2021-02-01,\"weekends\",50.0,,,10,10,1.0,20,0\n"
						+ "year,2021,2021-01-01,2021-02-01,\"all\",118.0,,,31,31,1.0,61,1\n");
	}

	@Test
	void badRequestsAreRefusedInWords() {
		assertRefused(anonymous.get(CYCLISTS, "series", code, "from", "2021-13-01", "to", "2021-02-01"), 400, "from");
		assertRefused(anonymous.get(CYCLISTS, "series", code, "from", "2021-01-01"), 400, "to");
		assertRefused(anonymous.get(CYCLISTS, "series", code, "from", "2021-02-01", "to", "2021-01-01"), 400, "to");
		assertRefused(anonymous.get(CYCLISTS, "series", code, "from", "2000-01-01", "to", "2021-01-01"), 400, "to");
		assertRefused(anonymous.get(CYCLISTS, "series", code, "format", "xml"), 400, "format");
		assertRefused(anonymous.get(CYCLISTS, "series", "no-such-series"), 404, "series");
		// a cyclist series is not a ridership one
		assertRefused(anonymous.get("/api/indicators/mobility-transit-ridership/city", "series", code), 404, "series");
		assertRefused(anonymous.get("/api/indicators/no-such-indicator/city"), 404, "code");
		// an air indicator has districts, a mobility one has none
		assertRefused(anonymous.get("/api/indicators/who-2021-pm25-24h/city"), 400, "code");
		assertRefused(anonymous.get("/api/indicators/mobility-cyclists-daily/districts"), 400, "code");
	}

	private static void assertRefused(Api.Response response, int status, String parameter) {
		assertThat(response.status()).as("%s", response).isEqualTo(status);
		assertThat(response.json().get("parameter").asString()).as("%s", response).isEqualTo(parameter);
	}

}
