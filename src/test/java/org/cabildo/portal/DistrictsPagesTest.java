package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cabildo.IntegrationTest;
import org.cabildo.sensing.Rollups;
import org.cabildo.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The districts' pages, read as a browser without JavaScript reads them: an indicator's ranking
 * of districts (worst first) with the values the test expects from the hourly values it wrote,
 * the spread between districts in words, a map with one outline per district, a district without
 * a station said to have none, one district month by month; in three languages. Three districts
 * of its own where no other test places anything, in a year of their own for each test (anonymous
 * visitors' tables are kept for a minute per indicator and year).
 */
@IntegrationTest
@TestPropertySource(properties = { "cabildo.city.time-zone=America/Mexico_City",
		"cabildo.city.air-index=nom-172-semarnat-2019", "cabildo.sensing.rollups.interval=100000h" })
class DistrictsPagesTest {

	private static final ZoneId ZONE = ZoneId.of("America/Mexico_City");

	/** A year per test, none the other tests write in. */
	private static final AtomicInteger YEARS = new AtomicInteger(2001 + ThreadLocalRandom.current().nextInt(5) * 3);

	private static final int DAYS = 4;

	@LocalServerPort
	int port;

	@Autowired
	Rollups rollups;

	private Api admin;

	private Api anonymous;

	private double lon;

	private double lat;

	private String prefix;

	private int year;

	private LocalDate from;

	@BeforeEach
	void setUp() {
		admin = new Api(port);
		anonymous = Api.anonymous(port);
		lon = ThreadLocalRandom.current().nextDouble(-170, 160);
		lat = ThreadLocalRandom.current().nextDouble(50, 70);
		prefix = "P" + UUID.randomUUID().toString().substring(0, 8);
		year = YEARS.getAndIncrement();
		from = LocalDate.of(year, 3, 1);
		Api.Response put = admin.put("/api/districts", "{\"type\":\"FeatureCollection\",\"features\":["
				+ String.join(",", feature(1, "Uno", 100_000), feature(2, "Dos", 300_000), feature(3, "Tres", 50_000))
				+ "]}");
		assertThat(put.status()).as("%s", put).isIn(200, 201);
		// Uno: 30 µg/m³ every hour, 4 days above 15; Dos: 20 on the first day, then 5: 1 day above
		station(0, hour -> 30);
		station(1, hour -> hour < 24 ? 20 : 5);
		rollups.refresh();
	}

	@Test
	void ranksTheDistrictsWorstFirstAndSaysTheSpreadBetweenThem() {
		String body = page("/districts", "en", "indicator", "who-2021-pm25-24h", "year", Integer.toString(year));
		String ranking = table(body, "ranking-table");
		List<String> ours = new ArrayList<>();
		Matcher row = Pattern.compile("data-district=\"(" + prefix + "\\d)\"").matcher(ranking);
		while (row.find()) {
			ours.add(row.group(1));
		}
		assertThat(ours).as("worst first").containsExactly(id(1), id(2));
		assertThat(row(ranking, id(1))).contains("<td class=\"number value\">4</td>").contains(">100,000<")
			.contains(">400,000<").as("4 days of the year's hours").contains("<td class=\"number\">1 %</td>");
		assertThat(row(ranking, id(2))).contains("<td class=\"number value\">1</td>");
		assertThat(row(table(body, "without-table"), id(3))).contains("no station");
		// the city's value weighted by population, best and worst, ratio, gap and Theil (only our districts have values this year)
		double mu = (4 * 100_000 + 1 * 300_000) / 400_000.0;
		double theil = 0.25 * (4 / mu) * Math.log(4 / mu) + 0.75 * (1 / mu) * Math.log(1 / mu);
		NumberFormat three = NumberFormat.getNumberInstance(Locale.ENGLISH);
		three.setMaximumFractionDigits(3);
		assertThat(body).contains("The city&#39;s value, weighted by population: 1.8 days (for the 400,000 inhabitants")
			.contains("Best district: " + name(2) + " (1 days); worst: " + name(1) + " (4 days).")
			.contains("The worst district has 4 times the value of the best; the gap between them is 3 days.")
			.contains("Theil index: " + three.format(theil) + ".");
		// the map: one outline per district, named in its title, coloured by its class
		for (int i = 1; i <= 3; i++) {
			Matcher path = Pattern.compile("<path ([^>]*)><title>" + name(i) + ": ([^<]+)</title></path>").matcher(body);
			assertThat(path.find()).as("the outline of " + id(i)).isTrue();
			assertThat(path.group(1)).contains("data-district=\"" + id(i) + "\"").containsPattern(" d=\"M[0-9. LMZ]+\"")
				.contains("class=\"" + (i == 1 ? "map-class-5" : i == 2 ? "map-class-1" : "map-none") + "\"");
			assertThat(path.group(2)).isEqualTo(i == 1 ? "4 days" : i == 2 ? "1 days" : "no value");
			assertThat(path.find()).as("one outline of " + id(i)).isFalse();
		}
		assertThat(page("/districts", "es", "indicator", "who-2021-pm25-24h", "year", Integer.toString(year)))
			.contains("Distritos del peor valor al mejor").contains("sin estación").contains("Índice de Theil");
		assertThat(page("/districts", "pt", "indicator", "who-2021-pm25-24h", "year", Integer.toString(year)))
			.contains("Distritos do pior valor ao melhor").contains("sem estação").contains("Índice de Theil");
	}

	@Test
	void showsTheIndexCategoriesAndMeasuredAndWatched() {
		String body = page("/districts", "en", "indicator", "local-index-days", "year", Integer.toString(year));
		assertThat(body).contains("id=\"categories-heading\"");
		String ranking = table(body, "ranking-table");
		assertThat(ranking).contains("<th scope=\"col\">Good</th>");
		// Uno's four days, each in one category: the categories' days add up to the days with a category
		int sum = 0;
		Matcher cell = Pattern.compile("<td class=\"number\">(\\d+)</td>").matcher(
				row(ranking, id(1)).substring(row(ranking, id(1)).indexOf("</td><td class=\"number\">", row(ranking,
						id(1)).indexOf("value"))));
		List<Integer> numbers = new ArrayList<>();
		while (cell.find()) {
			numbers.add(Integer.parseInt(cell.group(1)));
		}
		for (int i = numbers.size() - 5; i < numbers.size(); i++) {
			sum += numbers.get(i);
		}
		assertThat(sum).isEqualTo(DAYS);
		assertThat(body).containsPattern("<text class=\"chart-label\" x=\"0\" y=\"\\d+\">" + name(1)
				+ "</text>\\s*<rect height=\"20\" class=\"air-fill-\\d\" x=\"180.0\" y=\"\\d+\" width=\"[0-9.]+\"><title>[^<]+: 4 days</title>");
		// measured and watched, counted afresh for a signed-in reader: each of our districts has its row
		Api.Response signedIn = admin.get("/districts?lang=en&indicator=local-index-days&year=" + year);
		assertThat(signedIn.status()).isEqualTo(200);
		String sensing = table(signedIn.body(), "sensing-table");
		assertThat(sensing).contains("<th scope=\"row\">" + name(1) + "</th><td class=\"number\">100,000</td>")
			.contains("<th scope=\"row\">" + name(3) + "</th><td class=\"number\">50,000</td>");
	}

	@Test
	void showsOneDistrictMonthByMonth() {
		String body = page("/districts/" + id(1), "en", "indicator", "who-2021-pm25-24h", "year", Integer.toString(year));
		assertThat(body).contains("<h1>" + name(1) + "</h1>");
		String months = table(body, "months-table");
		assertThat(row(months, "March " + year)).contains("<td class=\"number value\">4</td>")
			.contains("<td class=\"number\">4</td>");
		assertThat(row(months, "January " + year)).contains("too little data");
		assertThat(body).contains("<title>Mar: 4</title>");
		assertThat(row(table(body, "values-table"), "who-2021-pm25-24h")).contains("<td class=\"number value\">4</td>");
		String none = page("/districts/" + id(3), "en", "indicator", "who-2021-pm25-24h", "year", Integer.toString(year));
		assertThat(row(table(none, "values-table"), "who-2021-pm25-24h")).contains("no station");
		assertThat(row(table(none, "months-table"), "March " + year)).contains("no station");
		assertThat(page("/districts/" + id(1), "es", "year", Integer.toString(year))).contains("Mes a mes");
		// the index month by month: March's four days stacked in their category
		assertThat(page("/districts/" + id(1), "en", "indicator", "local-index-days", "year", Integer.toString(year)))
			.containsPattern("class=\"air-fill-\\d\"[^>]*><title>Mar · [^<]+: 4 days</title>");
		assertThat(anonymous.get("/districts/" + prefix + "9?lang=en").status()).isEqualTo(404);
		assertThat(anonymous.get("/districts?year=12&lang=en").status()).isEqualTo(400);
		assertThat(anonymous.get("/districts?indicator=nothing&lang=en").status()).isEqualTo(404);
	}

	private String page(String path, String lang, String... options) {
		String[] all = new String[options.length + 2];
		all[0] = "lang";
		all[1] = lang;
		System.arraycopy(options, 0, all, 2, options.length);
		Api.Response response = anonymous.get(path, all);
		assertThat(response.status()).as("%s", response).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("text/html");
		return response.body();
	}

	private static String table(String body, String id) {
		int at = body.indexOf("id=\"" + id + "\"");
		assertThat(at).as(id).isNotNegative();
		return body.substring(at, body.indexOf("</table>", at));
	}

	/** The row of a table that holds this text. */
	private static String row(String table, String text) {
		int at = table.indexOf(text);
		assertThat(at).as(text + " in " + table).isNotNegative();
		return table.substring(table.lastIndexOf("<tr", at), table.indexOf("</tr>", at));
	}

	private String id(int i) {
		return prefix + i;
	}

	private String name(int i) {
		return prefix + " " + List.of("Uno", "Dos", "Tres").get(i - 1);
	}

	private String feature(int i, String name, long population) {
		double x = lon + (i - 1) * 0.1;
		List<String> corners = new ArrayList<>();
		for (double[] c : new double[][] { { x, lat }, { x + 0.1, lat }, { x + 0.1, lat + 0.1 }, { x, lat + 0.1 },
				{ x, lat } }) {
			corners.add("[" + c[0] + "," + c[1] + "]");
		}
		return "{\"type\":\"Feature\",\"properties\":{\"district_id\":\"" + id(i) + "\",\"name\":\"" + prefix + " "
				+ name + "\",\"population_2020\":" + population + "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[["
				+ String.join(",", corners) + "]]}}";
	}

	/** A PM2.5 station in a square, 24 hours a day for the test's days, the value of each hour given. */
	private void station(int square, IntToDoubleFunction value) {
		Api.Response created = admin.post("/v1.1/Things", Map.of("name", "station " + prefix + square, "description", "s",
				"Locations", List.of(Map.of("name", "here", "description", "here", "encodingType", "application/geo+json",
						"location", Map.of("type", "Point", "coordinates", List.of(lon + square * 0.1 + 0.05, lat + 0.05)))),
				"Datastreams", List.of(Map.of("name", "PM2.5 " + prefix + square, "description", "d", "observationType",
						"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement", "unitOfMeasurement",
						Map.of("name", "ug/m3", "symbol", "ug/m3", "definition", "x"), "Sensor", Map.of("name", "s",
								"description", "s", "encodingType", "text/plain", "metadata", "m"),
						"ObservedProperty", Map.of("name", "PM2.5", "definition",
								"http://dd.eionet.europa.eu/vocabulary/aq/pollutant/6001", "description", "p")))));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		long datastream = admin.get("/v1.1/Things(" + created.id() + ")/Datastreams").json().get("value").get(0)
			.get("@iot.id")
			.asLong();
		List<List<Object>> rows = new ArrayList<>();
		for (int hour = 0; hour < DAYS * 24; hour++) {
			Instant start = from.atStartOfDay(ZONE).plusHours(hour).toInstant();
			rows.add(List.of(start.toString(), value.applyAsDouble(hour)));
		}
		Api.Response sent = admin.post("/v1.1/CreateObservations", List.of(Map.of("Datastream",
				Map.of("@iot.id", datastream), "components", List.of("phenomenonTime", "result"), "dataArray", rows)));
		assertThat(sent.status()).as("%s", sent).isEqualTo(201);
		assertThat(sent.body()).doesNotContain("error");
	}

}
