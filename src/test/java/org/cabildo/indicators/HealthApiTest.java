package org.cabildo.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Health series over HTTP, for anyone: a small series for three districts this test imports
 * itself, read per district and per week with its small counts suppressed, as JSON and CSV,
 * beside an air indicator, and refused when asked wrongly.
 */
@IntegrationTest
class HealthApiTest {

	@LocalServerPort
	int port;

	@Autowired
	HealthSeriesRegister register;

	private Api anonymous;

	private String prefix;

	private String code;

	private static final LocalDate W1 = LocalDate.of(2020, 1, 5);

	private static final LocalDate W2 = W1.plusWeeks(1);

	@BeforeEach
	void setUp() {
		anonymous = Api.anonymous(port);
		prefix = "H" + UUID.randomUUID().toString().substring(0, 8);
		code = "test-" + prefix.toLowerCase();
		double lon = ThreadLocalRandom.current().nextDouble(-170, 160);
		double lat = ThreadLocalRandom.current().nextDouble(-70, -50);
		String features = String.join(",", feature(prefix + "a", 100_000, lon, lat), feature(prefix + "b", 50_000, lon + 0.1, lat),
				feature(prefix + "c", 200_000, lon + 0.2, lat));
		Api.Response put = new Api(port).put("/api/districts", "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}");
		assertThat(put.status()).as("%s", put).isEqualTo(200);
		// a: 30, 40; b: 5 (below 11), 50; c: 20, 25. Worked out by hand: b's 5 hides b's 50 (its row) and c's 20
		// (its column, the smallest there); c's 20 then hides c's 25, which closes the cycle b-w1-c-w2.
		register.replace(new HealthSeries(code, "test cases", "reported cases", "the test", "counted", "a test"),
				List.of(count("a", W1, 30), count("a", W2, 40), count("b", W1, 5), count("b", W2, 50), count("c", W1, 20),
						count("c", W2, 25)));
	}

	@Test
	void districtsOverTheWholeSeriesShowTotalsThatFollowFromTheProtectedTable() {
		JsonNode table = anonymous.get("/api/health/series/" + code + "/districts").json();
		assertThat(table.get("from").asString()).isEqualTo("2020-01-05");
		assertThat(table.get("to").asString()).isEqualTo("2020-01-19");
		assertThat(table.get("periods").asInt()).isEqualTo(2);
		assertThat(table.get("suppression").asString()).contains("below 11").contains("complementary");
		assertThat(table.get("series").get("source").asString()).isEqualTo("the test");
		JsonNode b = district(table, prefix + "b");
		// b's two weeks are hidden, its total (55) is the table's own: shown
		assertThat(b.get("cases").asLong()).isEqualTo(55);
		assertThat(b.get("per100k").asDouble()).isEqualTo(110.0);
		assertThat(district(table, prefix + "a").get("cases").asLong()).isEqualTo(70);
		assertThat(district(table, prefix + "c").get("per100k").asDouble()).isEqualTo(22.5);
		assertThat(table.get("city").get("cases").asLong()).isEqualTo(170);
		assertThat(table.get("city").get("population").asLong()).isEqualTo(350_000);
	}

	@Test
	void aWeekHidesTheDistrictsWhoseCountCouldBeWorkedOut() {
		JsonNode table = anonymous.get("/api/health/series/" + code + "/districts", "from", "2020-01-05", "to",
				"2020-01-12").json();
		assertThat(table.get("coveredFrom").asString()).isEqualTo("2020-01-05");
		assertThat(table.get("coveredTo").asString()).isEqualTo("2020-01-11");
		assertThat(district(table, prefix + "a").get("cases").asLong()).isEqualTo(30);
		JsonNode b = district(table, prefix + "b");
		assertThat(b.get("suppressed").asBoolean()).isTrue();
		assertThat(b.get("cases").isNull()).isTrue();
		assertThat(b.get("per100k").isNull()).isTrue();
		// c's 20 is 11 or more, but shown it would give b's 5 away (the city's 55 minus 30 and 20)
		assertThat(district(table, prefix + "c").get("suppressed").asBoolean()).isTrue();
		assertThat(table.get("city").get("cases").asLong()).isEqualTo(55);

		Api.Response csv = anonymous.get("/api/health/series/" + code + "/districts", "from", "2020-01-05", "to",
				"2020-01-12", "format", "csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.body()).startsWith("district,name,population,cases,per_100k,suppressed\n")
			.contains(prefix + "a,\"" + prefix + "a\",100000,30,30.0,false\n")
			.contains(prefix + "b,\"" + prefix + "b\",50000,,,true\n")
			.contains(prefix + "c,\"" + prefix + "c\",200000,,,true\n")
			.endsWith("city,,350000,55,15.71,false\n");
	}

	@Test
	void aDistrictsWeeksAreSuppressedAsItsTotals() {
		JsonNode weeks = anonymous.get("/api/health/series/" + code + "/districts/" + prefix + "b/weeks").json();
		assertThat(weeks.get("weeks")).hasSize(2);
		for (JsonNode week : weeks.get("weeks")) {
			assertThat(week.get("suppressed").asBoolean()).isTrue();
			assertThat(week.get("cases").isNull()).isTrue();
			assertThat(week.get("days").asInt()).isEqualTo(7);
		}
		assertThat(weeks.get("cases").asLong()).isEqualTo(55);
		JsonNode a = anonymous.get("/api/health/series/" + code + "/districts/" + prefix + "a/weeks").json();
		assertThat(a.get("weeks").get(0).get("cases").asLong()).isEqualTo(30);
		assertThat(a.get("weeks").get(1).get("cases").asLong()).isEqualTo(40);
		assertThat(a.get("weeks").get(1).get("end").asString()).isEqualTo("2020-01-18");

		String csv = anonymous.get("/api/health/series/" + code + "/districts/" + prefix + "b/weeks", "format", "csv").body();
		assertThat(csv).isEqualTo("start,end,days,cases,per_100k,suppressed\n2020-01-05,2020-01-11,7,,,true\n"
				+ "2020-01-12,2020-01-18,7,,,true\ntotal,,,55,110.0,false\n");
		// over one week, b's total is its hidden week: hidden
		JsonNode one = anonymous.get("/api/health/series/" + code + "/districts/" + prefix + "b/weeks", "from",
				"2020-01-12", "to", "2020-01-19").json();
		assertThat(one.get("suppressed").asBoolean()).isTrue();
		assertThat(one.get("cases").isNull()).isTrue();
	}

	@Test
	void besideAnAirIndicatorItSaysWhatItIsNot() {
		JsonNode answer = anonymous.get("/api/health/series/" + code + "/association", "indicator",
				"who-2021-pm25-annual", "indicatorFrom", "2024-01-01", "indicatorTo", "2025-01-01").json();
		assertThat(answer.get("periodsOverlap").asBoolean()).isFalse();
		assertThat(answer.get("caveat").asString()).contains("not a cause").contains("Ecological")
			.contains("do not overlap").contains("Sentinel").contains("left out");
		// no monitor in these districts: no indicator value, nothing to correlate
		assertThat(answer.get("correlation").get("n").asInt()).isZero();
		assertThat(answer.get("correlation").get("rho").isNull()).isTrue();
		assertThat(answer.get("correlation").get("method").asString()).contains("Spearman");
		assertThat(answer.get("districts")).hasSize(3);
		Api.Response csv = anonymous.get("/api/health/series/" + code + "/association", "indicator",
				"who-2021-pm25-annual", "indicatorFrom", "2024-01-01", "indicatorTo", "2025-01-01", "format", "csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).startsWith("district,name,per_100k,suppressed,indicator_value,in_correlation\n");
	}

	@Test
	void badRequestsAreRefusedWithAReason() {
		assertThat(anonymous.get("/api/health/series").json().findValues("code").stream().map(JsonNode::asString))
			.contains(code);
		assertThat(anonymous.get("/api/health/series/no-such-series/districts").status()).isEqualTo(404);
		assertThat(anonymous.get("/api/health/series/no-such-series/districts/x/weeks").status()).isEqualTo(404);
		assertThat(anonymous.get("/api/health/series/" + code + "/districts/" + prefix + "z/weeks").status())
			.isEqualTo(404);
		Api.Response badDate = anonymous.get("/api/health/series/" + code + "/districts", "from", "2020-13-01");
		assertThat(badDate.status()).isEqualTo(400);
		assertThat(badDate.json().get("detail").asString()).contains("not a date");
		assertThat(anonymous.get("/api/health/series/" + code + "/districts", "from", "2020-02-01", "to", "2020-01-01")
			.status()).isEqualTo(400);
		assertThat(anonymous.get("/api/health/series/" + code + "/districts", "format", "xml").status()).isEqualTo(400);
		assertThat(anonymous.get("/api/health/series/" + code + "/association", "indicator", "no-such").status())
			.isEqualTo(404);
		assertThat(anonymous.get("/api/health/series/" + code + "/association", "indicator", "who-2021-pm25-annual",
				"indicatorFrom", "2024-01-01", "indicatorTo", "2026-01-01").status()).isEqualTo(400);
		assertThat(anonymous.get("/api/health/series/" + code + "/association").status()).isEqualTo(400);
	}

	private HealthCount count(String district, LocalDate start, long cases) {
		return new HealthCount(prefix + district, start, start.plusDays(6), cases);
	}

	private static JsonNode district(JsonNode table, String id) {
		List<JsonNode> found = new ArrayList<>();
		table.get("districts").forEach(row -> {
			if (row.get("district").asString().equals(id)) {
				found.add(row);
			}
		});
		assertThat(found).as(id).hasSize(1);
		return found.getFirst();
	}

	private static String feature(String id, long population, double lon, double lat) {
		return "{\"type\":\"Feature\",\"properties\":{\"district_id\":\"" + id + "\",\"name\":\"" + id
				+ "\",\"population_2020\":" + population + "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[["
				+ lon + "," + lat + "],[" + (lon + 0.1) + "," + lat + "],[" + (lon + 0.1) + "," + (lat + 0.1) + "],[" + lon
				+ "," + (lat + 0.1) + "],[" + lon + "," + lat + "]]]}}";
	}

}
