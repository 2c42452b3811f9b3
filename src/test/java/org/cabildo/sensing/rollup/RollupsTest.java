package org.cabildo.sensing.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

import org.cabildo.IntegrationTest;
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
 * Rollups over HTTP, compared with rollups the test computes itself from the rows it knows are
 * stored: rows sent out of order and late, corrected by re-sending, changed by PATCH, moved in
 * time and removed, around the day São Paulo's clocks went forward (2018-11-04 had 23 hours).
 */
@IntegrationTest
@TestPropertySource(properties = { "cabildo.city.time-zone=America/Sao_Paulo",
		"cabildo.sensing.rollups.interval=100000h" })
class RollupsTest {

	private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

	@LocalServerPort
	int port;

	@Autowired
	Rollups rollups;

	private Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	/** One expected interval. */
	record Expected(Instant start, int hours, long count, double min, double max, double mean) {
	}

	@Test
	@DisplayName("hours, local days and months equal what the stored rows give, after late rows, corrections, changes and removals")
	void rollupsEqualTheRawRows() {
		long datastream = datastream("rollups");
		Random random = new Random(13);
		Instant first = Instant.parse("2018-11-02T00:00:00-03:00");
		Map<Instant, Double> stored = new TreeMap<>();
		while (stored.size() < 300) {
			// four days and a half around the change of clocks, several rows in some hours
			Instant time = first.plusSeconds(random.nextInt(108 * 3600)).truncatedTo(ChronoUnit.SECONDS);
			stored.put(time, Math.round(random.nextDouble() * 10_000) / 100.0);
		}
		List<Instant> order = new ArrayList<>(stored.keySet());
		Collections.shuffle(order, random);
		send(datastream, order.subList(0, 150), stored);
		rollups.refresh();
		// the rest arrives late, into hours already rolled up
		send(datastream, order.subList(150, 300), stored);
		rollups.refresh();

		for (Instant time : order.subList(0, 10)) {
			stored.put(time, stored.get(time) + 1000);
		}
		send(datastream, order.subList(0, 10), stored);
		for (Instant time : order.subList(10, 13)) {
			stored.put(time, -5.5);
			assertThat(api.patch("/v1.1/Observations(" + id(datastream, time) + ")", Map.of("result", -5.5)).status())
				.isEqualTo(200);
		}
		Instant moved = order.get(13);
		Instant movedTo = Instant.parse("2018-11-06T23:30:00-03:00");
		assertThat(api.patch("/v1.1/Observations(" + id(datastream, moved) + ")", Map.of("phenomenonTime",
				movedTo.toString())).status()).isEqualTo(200);
		stored.put(movedTo, stored.remove(moved));
		for (Instant time : order.subList(14, 16)) {
			assertThat(api.delete("/v1.1/Observations(" + id(datastream, time) + ")").status()).isEqualTo(200);
			stored.remove(time);
		}
		rollups.refresh();

		Instant from = Instant.parse("2018-11-01T00:00:00-03:00");
		Instant to = Instant.parse("2018-12-01T00:00:00-02:00");
		Map<Instant, Expected> hours = expected(stored, this::hourOf);
		assertSeries(datastream, "hour", from, to, hours);
		assertSeries(datastream, "day", from, to, ofHours(hours, hour -> hour.atZone(ZONE).toLocalDate()
			.atStartOfDay(ZONE).toInstant()));
		assertSeries(datastream, "month", from, to, ofHours(hours, hour -> YearMonth.from(hour.atZone(ZONE)).atDay(1)
			.atStartOfDay(ZONE).toInstant()));
		assertEightHourMeans(datastream, hours, from, to);
		// a late row in a day's last hours changes the next day's first 8-hour means, and only those
		Instant lateEvening = Instant.parse("2018-11-05T23:30:00-02:00");
		stored.put(lateEvening, 100_000.0);
		send(datastream, List.of(lateEvening), stored);
		rollups.refresh();
		assertEightHourMeans(datastream, expected(stored, this::hourOf), from, to);
		JsonNode days = api.get("/api/series/" + datastream, "interval", "day", "from", "2018-11-04", "to", "2018-11-05")
			.json();
		assertThat(days.get("values")).hasSize(1);
		assertThat(days.get("values").get(0).get("start").asString()).as("the local day starts at 01:00, clocks forward")
			.isEqualTo("2018-11-04T03:00:00Z");
		assertThat(days.get("values").get(0).get("end").asString()).isEqualTo("2018-11-05T02:00:00Z");
	}

	@Test
	@DisplayName("a stream that is removed takes its rollups with it; streams that do not exist are 404, bad parameters 400")
	void refusals() {
		long datastream = datastream("rollups-removed");
		Map<Instant, Double> stored = Map.of(Instant.parse("2018-11-02T10:00:00Z"), 1.0);
		send(datastream, List.copyOf(stored.keySet()), stored);
		rollups.refresh();
		assertThat(api.get("/api/series/" + datastream, "interval", "hour").json().get("values")).hasSize(1);
		assertThat(api.delete("/v1.1/Datastreams(" + datastream + ")").status()).isEqualTo(200);
		assertThat(api.get("/api/series/" + datastream).status()).isEqualTo(404);

		long other = datastream("rollups-bad");
		Api.Response interval = api.get("/api/series/" + other, "interval", "week");
		assertThat(interval.status()).isEqualTo(400);
		assertThat(interval.json().get("parameter").asString()).isEqualTo("interval");
		Api.Response time = api.get("/api/series/" + other, "from", "yesterday");
		assertThat(time.status()).isEqualTo(400);
		assertThat(time.json().get("parameter").asString()).isEqualTo("from");
		Api.Response tooMany = api.get("/api/series/" + other, "interval", "hour", "from", "2000-01-01", "to",
				"2020-01-01");
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.body()).contains("10000");
		assertThat(api.get("/api/series/" + other, "from", "2020-01-02", "to", "2020-01-01").status()).isEqualTo(400);
		assertThat(api.get("/api/series/" + other, "format", "xml").status()).isEqualTo(400);
		assertThat(api.get("/api/series/99999999999").status()).isEqualTo(404);
	}

	@Test
	@DisplayName("the series as CSV: one line per interval, as in JSON")
	void csv() {
		long datastream = datastream("rollups-csv");
		Map<Instant, Double> stored = Map.of(Instant.parse("2018-11-02T10:15:00Z"), 1.0,
				Instant.parse("2018-11-02T10:45:00Z"), 3.0);
		send(datastream, List.copyOf(stored.keySet()), stored);
		rollups.refresh();
		Api.Response csv = api.get("/api/series/" + datastream, "interval", "hour", "format", "csv");
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.body()).isEqualTo("start,end,local_start,hours,count,min,max,mean,max_8h,means_8h\n"
				+ "2018-11-02T10:00:00Z,2018-11-02T11:00:00Z,2018-11-02T07:00-03:00,1,2,1.0,3.0,2.0,,0\n");
	}

	private void assertSeries(long datastream, String interval, Instant from, Instant to,
			Map<Instant, Expected> expected) {
		Api.Response response = api.get("/api/series/" + datastream, "interval", interval, "from", from.toString(),
				"to", to.toString());
		assertThat(response.status()).as("%s", response).isEqualTo(200);
		JsonNode values = response.json().get("values");
		assertThat(values).as(interval).hasSize(expected.size());
		int i = 0;
		for (Expected want : expected.values()) {
			JsonNode got = values.get(i++);
			String what = interval + " " + want.start();
			assertThat(Instant.parse(got.get("start").asString())).as(what).isEqualTo(want.start());
			assertThat(got.get("hours").asInt()).as(what).isEqualTo(want.hours());
			assertThat(got.get("count").asLong()).as(what).isEqualTo(want.count());
			assertThat(got.get("min").asDouble()).as(what).isEqualTo(want.min());
			assertThat(got.get("max").asDouble()).as(what).isEqualTo(want.max());
			assertThat(got.get("mean").asDouble()).as(what).isCloseTo(want.mean(), within(1e-9));
		}
	}

	/**
	 * Each day's greatest 8-hour mean of hours' means, over the windows ending in the day (its first
	 * ends at 01:00) that have 6 of their 8 hours, and how many do.
	 */
	private void assertEightHourMeans(long datastream, Map<Instant, Expected> hours, Instant from, Instant to) {
		TreeMap<Instant, Double> means = new TreeMap<>();
		hours.forEach((start, hour) -> means.put(start, hour.mean()));
		JsonNode values = api.get("/api/series/" + datastream, "interval", "day", "from", from.toString(), "to",
				to.toString()).json().get("values");
		assertThat(values).isNotEmpty();
		for (JsonNode day : values) {
			Instant start = Instant.parse(day.get("start").asString());
			Instant end = Instant.parse(day.get("end").asString());
			int windows = 0;
			Double max = null;
			for (Instant last = start.plusSeconds(3600); !last.isAfter(end); last = last.plusSeconds(3600)) {
				var window = means.subMap(last.minusSeconds(8 * 3600), true, last, false).values();
				if (window.size() >= 6) {
					windows++;
					double mean = window.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
					max = max == null ? mean : Math.max(max, mean);
				}
			}
			assertThat(day.get("eightHourMeans").asInt()).as("8-hour means of %s", start).isEqualTo(windows);
			if (max == null) {
				assertThat(day.get("maxEightHourMean").isNull()).as("%s", start).isTrue();
			}
			else {
				assertThat(day.get("maxEightHourMean").asDouble()).as("%s", start).isCloseTo(max, within(1e-9));
			}
		}
	}

	private Instant hourOf(Instant time) {
		return time.atZone(ZONE).truncatedTo(ChronoUnit.HOURS).toInstant();
	}

	/** Rows grouped into hours: count, min, max, mean of the values. */
	private static Map<Instant, Expected> expected(Map<Instant, Double> rows, Function<Instant, Instant> hour) {
		Map<Instant, List<Double>> grouped = new TreeMap<>();
		rows.forEach((time, value) -> grouped.computeIfAbsent(hour.apply(time), k -> new ArrayList<>()).add(value));
		Map<Instant, Expected> expected = new TreeMap<>();
		grouped.forEach((start, values) -> expected.put(start, new Expected(start, 1, values.size(),
				values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
				values.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
				values.stream().mapToDouble(Double::doubleValue).average().orElseThrow())));
		return expected;
	}

	/** Hours grouped into days or months: hours with a value, count, min, max, mean of the hours' means. */
	private static Map<Instant, Expected> ofHours(Map<Instant, Expected> hours, Function<Instant, Instant> interval) {
		Map<Instant, List<Expected>> grouped = new TreeMap<>();
		hours.forEach((start, hour) -> grouped.computeIfAbsent(interval.apply(start), k -> new ArrayList<>()).add(hour));
		Map<Instant, Expected> expected = new TreeMap<>();
		grouped.forEach((start, list) -> expected.put(start, new Expected(start, list.size(),
				list.stream().mapToLong(Expected::count).sum(), list.stream().mapToDouble(Expected::min).min().orElseThrow(),
				list.stream().mapToDouble(Expected::max).max().orElseThrow(),
				list.stream().mapToDouble(Expected::mean).average().orElseThrow())));
		return expected;
	}

	private void send(long datastream, List<Instant> times, Map<Instant, Double> values) {
		List<List<Object>> rows = new ArrayList<>();
		for (Instant time : times) {
			rows.add(List.of(time.toString(), values.get(time)));
		}
		Api.Response response = api.post("/v1.1/CreateObservations", List.of(Map.of("Datastream",
				Map.of("@iot.id", datastream), "components", List.of("phenomenonTime", "result"), "dataArray", rows)));
		assertThat(response.status()).as("%s", response).isEqualTo(201);
		assertThat(response.body()).doesNotContain("error");
	}

	private long id(long datastream, Instant time) {
		return api.get("/v1.1/Datastreams(" + datastream + ")/Observations", "$filter", "phenomenonTime eq " + time,
				"$select", "id").json().get("value").get(0).get("@iot.id").asLong();
	}

	private long datastream(String name) {
		return datastream(api, name);
	}

	/** A new Thing with a Location and one Datastream of measurements, declared by the test city's policy. */
	static long datastream(Api api, String name) {
		Api.Response created = api.post("/v1.1/Things", Map.of("name", name, "description", "r", "Locations",
				List.of(Map.of("name", "l", "description", "l", "encodingType", "application/geo+json", "location",
						Map.of("type", "Point", "coordinates", List.of(1, 2)))), "Datastreams",
				List.of(Map.of("name", name, "description", "d", "observationType",
						"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement", "unitOfMeasurement",
						Map.of(), "Sensor", Map.of("name", "s", "description", "s", "encodingType", "text/plain",
								"metadata", "m"),
						"ObservedProperty", Map.of("name", "o", "definition", "x", "description", "o")))));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		return api.get("/v1.1/Things(" + created.id() + ")/Datastreams").json().get("value").get(0).get("@iot.id")
			.asLong();
	}

}
