package org.cabildo.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.cabildo.IntegrationTest;
import org.cabildo.governance.AccessLevel;
import org.cabildo.governance.Declaration;
import org.cabildo.governance.Register;
import org.cabildo.indicators.air.Concentration;
import org.cabildo.indicators.air.Index;
import org.cabildo.indicators.air.Indices;
import org.cabildo.indicators.air.Pollutant;
import org.cabildo.indicators.air.Unit;
import org.cabildo.sensing.Rollups;
import org.cabildo.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Air indicators by district over HTTP, each number compared with one the test computes itself
 * from the hourly values it wrote: station days, their validity, district days, days above the
 * guideline, means over the period, the local index's categories, and the spread between
 * districts. Three districts of its own somewhere no other test places anything: two with
 * stations, one without.
 */
@IntegrationTest
@TestPropertySource(properties = { "cabildo.city.time-zone=America/Mexico_City",
		"cabildo.city.air-index=nom-172-semarnat-2019", "cabildo.sensing.rollups.interval=100000h",
		// every test reads the same periods anonymously, each with data of its own
		"cabildo.indicators.public-kept=0s" })
class AirIndicatorsTest {

	private static final ZoneId ZONE = ZoneId.of("America/Mexico_City");

	private static final LocalDate FROM = LocalDate.of(2023, 3, 1);

	private static final int DAYS = 4;

	private static final double NO2_UG_PER_PPB = 46.01 / 24.45;

	@LocalServerPort
	int port;

	@Autowired
	Rollups rollups;

	@Autowired
	Register register;

	private Api admin;

	private Api anonymous;

	private double lon;

	private double lat;

	private String d1;

	private String d2;

	private String d3;

	/** Per station, its hourly values by hour start. */
	private final Map<String, TreeMap<Instant, Double>> written = new LinkedHashMap<>();

	private final Map<String, Long> datastreams = new HashMap<>();

	@BeforeEach
	void setUp() {
		admin = new Api(port);
		anonymous = Api.anonymous(port);
		lon = ThreadLocalRandom.current().nextDouble(-170, 160);
		lat = ThreadLocalRandom.current().nextDouble(-70, -50);
		String prefix = "A" + UUID.randomUUID().toString().substring(0, 8);
		d1 = prefix + "1";
		d2 = prefix + "2";
		d3 = prefix + "3";
		Api.Response put = admin.put("/api/districts", DistrictsFileTest.collection(
				DistrictsFileTest.feature(properties(d1, "Uno", 100_000), square(0)),
				DistrictsFileTest.feature(properties(d2, "Dos", 300_000), square(1)),
				DistrictsFileTest.feature(properties(d3, "Tres", 50_000), square(2))));
		assertThat(put.status()).as("%s", put).isIn(200, 201);
		Random random = new Random(41);
		// A: PM2.5 in Uno, 17 hours on its second day (not valid), 18 on its third (valid)
		station("A", 0, "PM2.5", "http://dd.eionet.europa.eu/vocabulary/aq/pollutant/6001", "ug/m3", random, 5, 40,
				day -> day == 1 ? 17 : day == 2 ? 18 : 24);
		// B about 5, C about 20: their mean stays below 15 where their sum or either alone would not
		station("B", 1, "PM2.5", "http://dd.eionet.europa.eu/vocabulary/aq/pollutant/6001", "ug/m3", random, 0, 10,
				day -> 24);
		station("C", 1, "PM25", "urn:example:not-the-eea", "µg/m³", random, 10, 30, day -> day == 0 ? 20 : 24);
		station("N", 0, "NO2", "http://dd.eionet.europa.eu/vocabulary/aq/pollutant/8", "[ppb]", random, 5, 25,
				day -> 24);
		// O: ozone in Uno, about the 8-hour guideline (100 µg/m³ is 51 ppb), 15 hours on its last day
		station("O", 0, "O3", "http://dd.eionet.europa.eu/vocabulary/aq/pollutant/7", "[ppb]", random, 20, 75,
				day -> day == DAYS - 1 ? 15 : 24);
		rollups.refresh();
	}

	@Test
	@DisplayName("PM2.5 days above 15 µg/m³ per district: station days valid with 18 hours, a district's day the mean of its valid ones")
	void daysAboveTheGuideline() {
		JsonNode table = table("who-2021-pm25-24h");
		Map<LocalDate, Double> uno = districtDays(List.of("A"), 1);
		Map<LocalDate, Double> dos = districtDays(List.of("B", "C"), 1);
		JsonNode one = row(table, d1);
		assertThat(one.get("value").asDouble()).isEqualTo(above(uno, 15));
		assertThat(one.get("validDays").asInt()).as("the day of 17 hours is not valid").isEqualTo(3);
		assertThat(one.get("days").asInt()).isEqualTo(DAYS);
		assertThat(one.get("stations").asInt()).isEqualTo(1);
		assertThat(one.get("hoursWithData").asLong()).isEqualTo(written.get("A").size());
		assertThat(one.get("hoursPossible").asLong()).isEqualTo(DAYS * 24);
		JsonNode two = row(table, d2);
		assertThat(two.get("value").asDouble()).isEqualTo(above(dos, 15));
		assertThat(above(districtDays(List.of("C"), 1), 15)).as("the test's data: C alone is above").isEqualTo(DAYS);
		assertThat(two.get("stations").asInt()).as("the stream named PM25 counts as PM2.5").isEqualTo(2);
		assertThat(two.get("exposure").asDouble()).isEqualTo(above(dos, 15) * 300_000);
		JsonNode three = row(table, d3);
		assertThat(three.get("value").isNull()).as("no station, no value").isTrue();
		assertThat(three.get("stations").asInt()).isZero();
		assertThat(table.get("equity").get("withoutValue").toString()).contains(d3);
	}

	@Test
	@DisplayName("means over the period, with the city's population-weighted value, the best and worst district, ratio, gap and Theil")
	void meansAndTheirSpread() {
		JsonNode table = table("who-2021-pm25-annual");
		double a = mean(written.get("A").values());
		double b = mean(written.get("B").values());
		double c = mean(written.get("C").values());
		double uno = a;
		double dos = (b + c) / 2;
		assertThat(row(table, d1).get("value").asDouble()).isCloseTo(uno, within(1e-9));
		assertThat(row(table, d2).get("value").asDouble()).isCloseTo(dos, within(1e-9));
		// the equity figures are over every district with a value: ours only if no other test's are in the table
		JsonNode ours = table("who-2021-pm25-annual");
		assertThat(ours.get("districts").size()).isGreaterThanOrEqualTo(3);
		EquityFigures expected = Equity.of(List.of(new DistrictValue(d1, 100_000, uno),
				new DistrictValue(d2, 300_000, dos)), EquityDirection.LOWER_IS_BETTER);
		double mu = (uno * 100_000 + dos * 300_000) / 400_000;
		double theil = 0.25 * (uno / mu) * Math.log(uno / mu) + 0.75 * (dos / mu) * Math.log(dos / mu);
		assertThat(expected.cityValue()).isCloseTo(mu, within(1e-9));
		assertThat(expected.theil()).isCloseTo(theil, within(1e-12));
		assertThat(expected.ratio()).isCloseTo(Math.max(uno, dos) / Math.min(uno, dos), within(1e-12));
		if (onlyOurs(table)) {
			JsonNode equity = table.get("equity");
			assertThat(equity.get("cityValue").asDouble()).isCloseTo(mu, within(1e-9));
			assertThat(equity.get("theil").asDouble()).isCloseTo(theil, within(1e-9));
			assertThat(equity.get("gap").asDouble()).isCloseTo(Math.abs(uno - dos), within(1e-9));
			assertThat(equity.get("best").asString()).isEqualTo(uno < dos ? d1 : d2);
		}
	}

	@Test
	@DisplayName("ozone: days whose greatest 8-hour mean (6 of 8 hours, 18 of the day's 24 means) is above 100 µg/m³")
	void ozoneEightHourMeans() {
		double factor = 48.00 / 24.45;
		TreeMap<Instant, Double> hours = written.get("O");
		int above = 0;
		int valid = 0;
		for (int day = 0; day < DAYS; day++) {
			Instant start = FROM.plusDays(day).atStartOfDay(ZONE).toInstant();
			int windows = 0;
			double max = Double.NEGATIVE_INFINITY;
			for (int end = 1; end <= 24; end++) {
				Instant to = start.plusSeconds(3600L * end);
				java.util.Collection<Double> window = hours.subMap(to.minusSeconds(8 * 3600), true, to, false).values();
				if (window.size() >= 6) {
					windows++;
					max = Math.max(max, mean(window));
				}
			}
			if (windows >= 18) {
				valid++;
				if (max * factor > 100) {
					above++;
				}
			}
		}
		JsonNode one = row(table("who-2021-o3-8h"), d1);
		assertThat(one.get("validDays").asInt()).as("the day of 15 hours has 17 means of 6 hours or more: not 18").isEqualTo(valid)
			.isEqualTo(DAYS - 1);
		assertThat(one.get("value").asDouble()).isEqualTo(above);
		assertThat(above).as("the test's data: some days above, some not").isBetween(1, DAYS - 2);
	}

	@Test
	@DisplayName("NO2 in ppb is held against 25 µg/m³ once converted at 25 °C and 1 atm")
	void gasesInPpb() {
		JsonNode table = table("who-2021-no2-24h");
		Map<LocalDate, Double> uno = districtDays(List.of("N"), NO2_UG_PER_PPB);
		assertThat(row(table, d1).get("value").asDouble()).isEqualTo(above(uno, 25));
		assertThat(row(table, d2).get("value").isNull()).isTrue();
	}

	@Test
	@DisplayName("days per category of the city's index: a district's day takes the worst of its stations' and pollutants' daily maxima")
	void localIndexCategories() {
		Index index = Indices.named("nom-172-semarnat-2019").orElseThrow();
		JsonNode table = table(IndicatorCatalogue.LOCAL_INDEX);
		Map<LocalDate, Integer> worst = new TreeMap<>();
		Map<String, Pollutant> pollutants = Map.of("A", Pollutant.PM2_5, "N", Pollutant.NO2, "O", Pollutant.O3);
		for (String station : List.of("A", "N", "O")) {
			Pollutant pollutant = pollutants.get(station);
			Unit unit = station.equals("A") ? Unit.MICROGRAMS_PER_CUBIC_METRE : Unit.PPB;
			Map<LocalDate, Double> maxima = new TreeMap<>();
			written.get(station).forEach((hour, value) -> maxima.merge(hour.atZone(ZONE).toLocalDate(), value, Math::max));
			maxima.forEach((day, max) -> index
				.classifyHourlyValue(pollutant, new Concentration(BigDecimal.valueOf(max), unit))
				.ifPresent(found -> worst.merge(day, found.category().level(), Math::max)));
		}
		JsonNode one = row(table, d1);
		assertThat(one.get("validDays").asInt()).isEqualTo(worst.size());
		assertThat(one.get("value").asDouble()).as("days of the third category or worse")
			.isEqualTo(worst.values().stream().filter(level -> level >= 3).count());
		for (JsonNode category : one.get("categories")) {
			int level = category.get("level").asInt();
			assertThat(category.get("days").asLong()).as(category.toString())
				.isEqualTo(worst.values().stream().filter(l -> l == level).count());
		}
		Api.Response csv = anonymous.get("/api/indicators/" + IndicatorCatalogue.LOCAL_INDEX + "/districts", "from",
				FROM.toString(), "to", FROM.plusDays(DAYS).toString(), "format", "csv");
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.body().lines().findFirst().orElseThrow()).startsWith("district,name,population,value,")
			.contains("days_buena");
		assertThat(csv.body()).contains(d1 + ",\"Uno\",100000," + one.get("value").asDouble() + ",3,");
	}

	@Test
	@DisplayName("a stream the reader may not read is left out and counted; its organisation reads it for a declared purpose")
	void readAsTheReaderMay() {
		long c = datastreams.get("C");
		Declaration open = register.current(c).orElseThrow();
		register.saveVersion(new Declaration(open.datastreamId(), open.version(), open.organisationId(),
				open.organisation(), open.contact(), open.purposes(), open.technology(), open.dataTypes(),
				open.processing(), open.access(), open.storage(), open.retention(), open.personalDataClass(),
				open.legalBasis(), open.privacyStatementUrl(), AccessLevel.of("restricted").orElseThrow(), open.sharing(),
				open.stage(), open.pilot(), open.impactAssessment(), open.summary(), open.consultation(),
				open.declaredAt(), "tests"), "declaration", "restricted for a test");
		JsonNode public_ = table("who-2021-pm25-annual");
		assertThat(public_.get("notReadable").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(row(public_, d2).get("value").asDouble()).isCloseTo(mean(written.get("B").values()), within(1e-9));
		JsonNode own = admin.get("/api/indicators/who-2021-pm25-annual/districts", "from", FROM.toString(), "to",
				FROM.plusDays(DAYS).toString(), "purpose", "ecology").json();
		assertThat(row(own, d2).get("value").asDouble()).isCloseTo(
				(mean(written.get("B").values()) + mean(written.get("C").values())) / 2, within(1e-9));
	}

	@Test
	@DisplayName("a district month by month: each month a period of its own, across a month's edge in the city's time zone")
	void monthByMonth() {
		// M: PM10 in Tres from the last day of January to the end of February, local time
		LocalDate first = LocalDate.of(2023, 1, 31);
		station("M", 2, "PM10", "http://dd.eionet.europa.eu/vocabulary/aq/pollutant/5", "ug/m3", new Random(7), 20, 70,
				day -> 24, first, 29);
		rollups.refresh();
		Map<LocalDate, Double> days = districtDays(List.of("M"), 1);
		JsonNode exceedances = months("who-2021-pm10-24h", d3, 2023);
		assertThat(exceedances.get("months").size()).isEqualTo(12);
		JsonNode january = exceedances.get("months").get(0);
		JsonNode february = exceedances.get("months").get(1);
		assertThat(january.get("month").asString()).isEqualTo("2023-01");
		assertThat(january.get("validDays").asInt()).as("only the 31st has data").isEqualTo(1);
		assertThat(january.get("value").asDouble()).isEqualTo(days.get(first) > 45 ? 1 : 0);
		assertThat(february.get("validDays").asInt()).isEqualTo(28);
		assertThat(february.get("value").asDouble()).isEqualTo(days.entrySet().stream()
			.filter(day -> day.getKey().getMonthValue() == 2 && day.getValue() > 45).count());
		assertThat(february.get("hoursWithData").asLong()).isEqualTo(28 * 24);
		assertThat(exceedances.get("months").get(2).get("value").isNull()).as("no data in March").isTrue();
		assertThat(exceedances.get("months").get(2).get("stations").asInt()).isEqualTo(1);
		// the month's mean: February's hours, valid; January's single day is below 75 % of its hours
		JsonNode means = months("who-2021-pm10-annual", d3, 2023);
		double februaryMean = mean(written.get("M").entrySet().stream()
			.filter(hour -> hour.getKey().atZone(ZONE).getMonthValue() == 2)
			.map(Map.Entry::getValue)
			.toList());
		assertThat(means.get("months").get(1).get("value").asDouble()).isCloseTo(februaryMean, within(1e-9));
		assertThat(means.get("months").get(0).get("value").isNull()).isTrue();
		// the month of the districts' table: March's days above the guideline in Uno are the table's
		JsonNode march = months("who-2021-pm25-24h", d1, 2023).get("months").get(2);
		assertThat(march.get("value").asDouble()).isEqualTo(above(districtDays(List.of("A"), 1), 15));
		assertThat(march.get("validDays").asInt()).isEqualTo(3);
		JsonNode index = months(IndicatorCatalogue.LOCAL_INDEX, d1, 2023).get("months").get(2);
		assertThat(index.get("value").asDouble()).isEqualTo(row(table(IndicatorCatalogue.LOCAL_INDEX), d1).get("value")
			.asDouble());
		// CSV, and refusals
		String path = "/api/indicators/who-2021-pm10-24h/districts/" + d3 + "/months";
		Api.Response csv = anonymous.get(path, "year", "2023", "format", "csv");
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.body().lines().toList()).hasSize(13)
			.element(2)
			.asString()
			.startsWith("2023-02,2023-02-01,2023-03-01," + february.get("value").asDouble() + ",1,1,28,28,672,672");
		assertThat(anonymous.get("/api/indicators/who-2021-pm10-24h/districts/no-such/months").status()).isEqualTo(404);
		assertThat(anonymous.get(path, "year", "12").json().get("parameter").asString()).isEqualTo("year");
		assertThat(anonymous.get(path, "format", "xml").status()).isEqualTo(400);
	}

	private JsonNode months(String code, String district, int year) {
		Api.Response response = anonymous.get("/api/indicators/" + code + "/districts/" + district + "/months", "year",
				Integer.toString(year));
		assertThat(response.status()).as("%s", response).isEqualTo(200);
		return response.json();
	}

	@Test
	@DisplayName("the catalogue says what each indicator is; bad periods and codes are 4xx with the parameter named")
	void catalogueAndRefusals() {
		JsonNode catalogue = anonymous.get("/api/indicators").json();
		assertThat(catalogue.toString()).contains("who-2021-pm25-24h").contains("who-2021-o3-8h")
			.contains(IndicatorCatalogue.LOCAL_INDEX).contains("9789240034228");
		JsonNode one = anonymous.get("/api/indicators/who-2021-pm10-24h").json();
		assertThat(one.get("level").asDouble()).isEqualTo(45);
		assertThat(one.get("unit").asString()).isEqualTo("days");
		assertThat(one.get("standards").toString()).contains("U4SSC EN: EN: AQ: 1C").doesNotContain("SDG");
		assertThat(anonymous.get("/api/indicators/who-2021-pm25-annual").json().get("standards").toString())
			.contains("SDG 11.6.2");
		assertThat(anonymous.get("/api/indicators/who-2021-no2-annual").json().get("standards").toString())
			.doesNotContain("SDG");
		assertThat(anonymous.get("/api/indicators/who-2021-pm10-1h").status()).isEqualTo(404);
		String path = "/api/indicators/who-2021-pm25-24h/districts";
		assertThat(anonymous.get(path, "year", "2024", "from", "2024-01-01").json().get("parameter").asString())
			.isEqualTo("year");
		assertThat(anonymous.get(path, "from", "2024-02-01", "to", "2024-01-01").status()).isEqualTo(400);
		assertThat(anonymous.get(path, "from", "2023-01-01", "to", "2024-06-01").json().get("parameter").asString())
			.isEqualTo("to");
		assertThat(anonymous.get(path, "from", "1 March").json().get("parameter").asString()).isEqualTo("from");
		assertThat(anonymous.get(path, "year", "12").status()).isEqualTo(400);
		assertThat(anonymous.get(path, "format", "xml").status()).isEqualTo(400);
		assertThat(anonymous.get("/api/indicators/nothing/districts").status()).isEqualTo(404);
	}

	private JsonNode table(String code) {
		Api.Response response = anonymous.get("/api/indicators/" + code + "/districts", "from", FROM.toString(), "to",
				FROM.plusDays(DAYS).toString());
		assertThat(response.status()).as("%s", response).isEqualTo(200);
		return response.json();
	}

	private static JsonNode row(JsonNode table, String district) {
		for (JsonNode row : table.get("districts")) {
			if (row.get("district").asString().equals(district)) {
				return row;
			}
		}
		throw new AssertionError(district + " is not in " + table);
	}

	private boolean onlyOurs(JsonNode table) {
		int valued = 0;
		for (JsonNode row : table.get("districts")) {
			if (!row.get("value").isNull() && !row.get("population").isNull()) {
				valued++;
			}
		}
		return valued == 2;
	}

	/** A district's valid days: the mean of its stations' valid day means (18 of 24 hours), times the factor. */
	private Map<LocalDate, Double> districtDays(List<String> stations, double factor) {
		Map<LocalDate, List<Double>> valid = new TreeMap<>();
		for (String station : stations) {
			Map<LocalDate, List<Double>> byDay = new TreeMap<>();
			written.get(station).forEach((hour, value) -> byDay.computeIfAbsent(hour.atZone(ZONE).toLocalDate(),
					d -> new ArrayList<>()).add(value));
			byDay.forEach((day, values) -> {
				if (values.size() >= 18) {
					valid.computeIfAbsent(day, d -> new ArrayList<>()).add(mean(values) * factor);
				}
			});
		}
		Map<LocalDate, Double> days = new TreeMap<>();
		valid.forEach((day, means) -> days.put(day, mean(means)));
		return days;
	}

	private static double above(Map<LocalDate, Double> days, double level) {
		return days.values().stream().filter(value -> value > level).count();
	}

	private static double mean(java.util.Collection<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
	}

	/** A station in a square with one stream, given hourly values for the test's days. */
	private void station(String name, int square, String property, String definition, String unit, Random random,
			double low, double high, java.util.function.IntUnaryOperator hoursOfDay) {
		station(name, square, property, definition, unit, random, low, high, hoursOfDay, FROM, DAYS);
	}

	/** The same from another first day, for some days. */
	private void station(String name, int square, String property, String definition, String unit, Random random,
			double low, double high, java.util.function.IntUnaryOperator hoursOfDay, LocalDate from, int days) {
		Api.Response created = admin.post("/v1.1/Things", Map.of("name", "station " + name, "description", "s",
				"Locations", List.of(Map.of("name", name, "description", "here", "encodingType", "application/geo+json",
						"location", Map.of("type", "Point", "coordinates", List.of(lon + square * 0.1 + 0.05, lat + 0.05)))),
				"Datastreams", List.of(Map.of("name", property + " at " + name, "description", "d", "observationType",
						"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement", "unitOfMeasurement",
						Map.of("name", unit, "symbol", unit, "definition", "x"), "Sensor", Map.of("name", "s",
								"description", "s", "encodingType", "text/plain", "metadata", "m"),
						"ObservedProperty", Map.of("name", property, "definition", definition, "description", "p")))));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		long datastream = admin.get("/v1.1/Things(" + created.id() + ")/Datastreams").json().get("value").get(0)
			.get("@iot.id")
			.asLong();
		datastreams.put(name, datastream);
		TreeMap<Instant, Double> values = new TreeMap<>();
		List<List<Object>> rows = new ArrayList<>();
		for (int day = 0; day < days; day++) {
			for (int hour = 0; hour < hoursOfDay.applyAsInt(day); hour++) {
				Instant start = from.plusDays(day).atStartOfDay(ZONE).plusHours(hour).toInstant();
				double value = Math.round((low + random.nextDouble() * (high - low)) * 10) / 10.0;
				values.put(start, value);
				rows.add(List.of(start.toString(), value));
			}
		}
		written.put(name, values);
		Api.Response sent = admin.post("/v1.1/CreateObservations", List.of(Map.of("Datastream",
				Map.of("@iot.id", datastream), "components", List.of("phenomenonTime", "result"), "dataArray", rows)));
		assertThat(sent.status()).as("%s", sent).isEqualTo(201);
		assertThat(sent.body()).doesNotContain("error");
	}

	private static String properties(String id, String name, long population) {
		return "{\"district_id\":\"" + id + "\",\"name\":\"" + name + "\",\"population_2020\":" + population + "}";
	}

	private String square(int i) {
		double x = lon + i * 0.1;
		double y = lat;
		List<String> corners = new ArrayList<>();
		for (double[] c : new double[][] { { x, y }, { x + 0.1, y }, { x + 0.1, y + 0.1 }, { x, y + 0.1 }, { x, y } }) {
			corners.add("[" + c[0] + "," + c[1] + "]");
		}
		return "{\"type\":\"Polygon\",\"coordinates\":[[" + String.join(",", corners) + "]]}";
	}

}
