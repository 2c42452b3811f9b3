package org.cabildo.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.cabildo.IntegrationTest;
import org.cabildo.governance.Declaration;
import org.cabildo.governance.PersonalDataClass;
import org.cabildo.governance.Register;
import org.cabildo.governance.Stage;
import org.cabildo.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Measured vs watched by district, checked against counts the test makes itself from the streams
 * it created and declared: three districts of its own (two with a population), Things in each, and
 * streams of every personal-data class, purposes and a retired one.
 */
@IntegrationTest
// fresh counts for each read: the test reads them as anyone, after writing its own streams
@TestPropertySource(properties = { "cabildo.indicators.max-districts-bytes=200000", "cabildo.indicators.public-kept=0s" })
class SensingByDistrictTest {

	@LocalServerPort
	int port;

	@Autowired
	Register register;

	/** A stream the test creates: in which of its districts, declared how. */
	record Spec(String thing, String district, PersonalDataClass personal, List<String> purposes, boolean retired) {
	}

	@Test
	void countsTheDeclaredStreamsOfEachDistrictByClassAndPurpose() {
		Api admin = new Api(port);
		double lon = ThreadLocalRandom.current().nextDouble(-170, 160);
		double lat = ThreadLocalRandom.current().nextDouble(-70, -50);
		String prefix = "S" + UUID.randomUUID().toString().substring(0, 8);
		String p = prefix + "p";
		String q = prefix + "q";
		String r = prefix + "r";
		Map<String, Long> population = Map.of(p, 200_000L, q, 50_000L);
		Api.Response imported = admin.put("/api/districts", DistrictsFileTest.collection(
				DistrictsFileTest.feature("{\"district_id\":\"" + p + "\",\"population_2020\":200000}", square(lon, lat, 0)),
				DistrictsFileTest.feature("{\"district_id\":\"" + q + "\",\"population_2020\":50000}", square(lon, lat, 1)),
				DistrictsFileTest.feature("{\"district_id\":\"" + r + "\"}", square(lon, lat, 2))));
		assertThat(imported.status()).as("%s", imported).isEqualTo(200);

		List<Spec> specs = List.of(
				new Spec("t1", p, PersonalDataClass.NONE, List.of("ecology", "health"), false),
				new Spec("t1", p, PersonalDataClass.NONE, List.of("ecology"), false),
				new Spec("t2", p, PersonalDataClass.PERSONAL, List.of("security"), false),
				new Spec("t3", q, PersonalDataClass.SENSITIVE, List.of("security", "transit"), false),
				new Spec("t3", q, PersonalDataClass.PSEUDONYMOUS, List.of("transit"), false),
				new Spec("t4", q, PersonalDataClass.NONE, List.of("ecology"), true),
				new Spec("t5", r, PersonalDataClass.NONE, List.of("ecology"), false));
		Map<String, String> districtOf = new LinkedHashMap<>();
		specs.forEach(spec -> districtOf.put(spec.thing(), spec.district()));
		districtOf.put("t6", q);
		Map<String, List<Spec>> byThing = new LinkedHashMap<>();
		specs.forEach(spec -> byThing.computeIfAbsent(spec.thing(), t -> new ArrayList<>()).add(spec));
		byThing.putIfAbsent("t6", List.of());
		List<String> order = List.of(p, q, r);
		for (Map.Entry<String, List<Spec>> thing : byThing.entrySet()) {
			int square = order.indexOf(districtOf.get(thing.getKey()));
			List<Long> streams = thingWithStreams(admin, prefix + thing.getKey(), lon + square * 0.1 + 0.05, lat + 0.05,
					thing.getValue().size());
			for (int i = 0; i < streams.size(); i++) {
				redeclare(streams.get(i), thing.getValue().get(i));
			}
		}

		JsonNode answer = Api.anonymous(port).get("/api/indicators/sensing-by-district").json();
		assertThat(answer.get("method").asString()).contains("Per 100,000").contains("watches");
		for (String district : order) {
			JsonNode row = row(answer, district);
			Long people = population.get(district);
			assertThat(row.get("things").asLong()).as(district)
				.isEqualTo(districtOf.values().stream().filter(district::equals).count());
			List<Spec> counted = specs.stream().filter(s -> s.district().equals(district) && !s.retired()).toList();
			tally(row.get("measures"), counted.stream().filter(s -> s.personal() == PersonalDataClass.NONE).toList(),
					people, district + " measures");
			tally(row.get("watches"), counted.stream().filter(s -> s.personal() != PersonalDataClass.NONE).toList(),
					people, district + " watches");
			for (JsonNode byClass : row.get("byClass")) {
				PersonalDataClass personal = PersonalDataClass.of(byClass.get("personalDataClass").asString()).orElseThrow();
				tally(byClass.get("tally"), counted.stream().filter(s -> s.personal() == personal).toList(), people,
						district + " " + personal);
			}
			Set<String> purposes = new HashSet<>();
			for (JsonNode byPurpose : row.get("byPurpose")) {
				String purpose = byPurpose.get("purpose").asString();
				purposes.add(purpose);
				tally(byPurpose.get("tally"), counted.stream().filter(s -> s.purposes().contains(purpose)).toList(),
						people, district + " " + purpose);
			}
			assertThat(purposes).contains("ecology", "health", "security", "transit");
		}
		assertThat(row(answer, r).get("measures").get("datastreamsPer100k").isNull()).as("no population").isTrue();

		// The city: the districts' counts added up; its rates over the districts with a population.
		JsonNode city = answer.get("city");
		long measured = 0;
		long measuredRated = 0;
		long people = 0;
		for (JsonNode row : answer.get("districts")) {
			measured += row.get("measures").get("datastreams").asLong();
			if (!row.get("population").isNull() && row.get("population").asLong() > 0) {
				measuredRated += row.get("measures").get("datastreams").asLong();
				people += row.get("population").asLong();
			}
		}
		assertThat(city.get("measures").get("datastreams").asLong()).isEqualTo(measured);
		assertThat(city.get("measures").get("datastreamsPer100k").asDouble()).isCloseTo(measuredRated * 1e5 / people,
				offset(1e-9));

		// Spreads: the highest and lowest district of each figure, from the rows.
		for (JsonNode spread : answer.get("spreads")) {
			String figure = spread.get("figure").asString();
			String high = null;
			String low = null;
			double highest = 0;
			double lowest = 0;
			List<JsonNode> rated = new ArrayList<>();
			answer.get("districts").forEach(row -> {
				if (!row.get("population").isNull() && row.get("population").asLong() > 0) {
					rated.add(row);
				}
			});
			rated.sort(java.util.Comparator.comparing(row -> row.get("district").asString()));
			for (JsonNode row : rated) {
				double value = figure(row, figure);
				if (high == null || value > highest) {
					high = row.get("district").asString();
					highest = value;
				}
				if (low == null || value < lowest) {
					low = row.get("district").asString();
					lowest = value;
				}
			}
			assertThat(spread.get("highest").asString()).as(figure).isEqualTo(high);
			assertThat(spread.get("lowest").asString()).as(figure).isEqualTo(low);
			assertThat(spread.get("gap").asDouble()).as(figure).isCloseTo(highest - lowest, offset(1e-9));
			if (lowest == 0) {
				assertThat(spread.get("ratio").isNull()).as(figure).isTrue();
			}
			else {
				assertThat(spread.get("ratio").asDouble()).as(figure).isCloseTo(highest / lowest, offset(1e-9));
			}
		}
		assertThat(answer.get("spreads").valueStream().map(s -> s.get("figure").asString()))
			.contains("watches.datastreamsPer100k", "class.personal.thingsPer100k", "purpose.security.datastreamsPer100k");

		// CSV: the same counts, a row per district and the city's.
		for (String path : List.of("/api/indicators/sensing-by-district.csv", "/api/indicators/sensing-by-district?format=csv")) {
			Api.Response csv = Api.anonymous(port).get(path);
			assertThat(csv.status()).as(path).isEqualTo(200);
			assertThat(csv.header("Content-Type")).as(path).startsWith("text/csv");
			List<String> lines = csv.body().lines().toList();
			assertThat(lines.get(0)).startsWith("district,name,population,things,measures_datastreams,measures_things,"
					+ "measures_datastreams_per_100k,measures_things_per_100k,watches_datastreams");
			String pRow = lines.stream().filter(line -> line.startsWith("\"" + p + "\"")).findFirst().orElseThrow();
			// p: 2 measuring streams on 1 Thing, 1 watching stream on 1 Thing, of 200,000 people
			assertThat(pRow).startsWith("\"" + p + "\",\"" + p + "\",200000,2,2,1,1.0000,0.5000,1,1,0.5000,0.5000,");
			assertThat(lines).anyMatch(line -> line.startsWith("\"city\","));
		}
		assertThat(Api.anonymous(port).get("/api/indicators/sensing-by-district?format=xml").status()).isEqualTo(400);
	}

	private static double figure(JsonNode row, String figure) {
		String[] parts = figure.split("\\.");
		JsonNode tally = switch (parts[0]) {
			case "measures", "watches" -> row.get(parts[0]);
			case "class" -> find(row.get("byClass"), "personalDataClass", parts[1]).get("tally");
			case "purpose" -> find(row.get("byPurpose"), "purpose", parts[1]).get("tally");
			default -> throw new AssertionError(figure);
		};
		return tally.get(parts[parts.length - 1]).asDouble();
	}

	private static JsonNode find(JsonNode list, String field, String value) {
		for (JsonNode entry : list) {
			if (entry.get(field).asString().equals(value)) {
				return entry;
			}
		}
		throw new AssertionError(value + " not in " + list);
	}

	private static void tally(JsonNode tally, List<Spec> streams, Long people, String what) {
		long things = streams.stream().map(Spec::thing).distinct().count();
		assertThat(tally.get("datastreams").asLong()).as(what).isEqualTo(streams.size());
		assertThat(tally.get("things").asLong()).as(what).isEqualTo(things);
		if (people == null) {
			assertThat(tally.get("datastreamsPer100k").isNull()).as(what).isTrue();
		}
		else {
			assertThat(tally.get("datastreamsPer100k").asDouble()).as(what).isCloseTo(streams.size() * 1e5 / people,
					offset(1e-9));
			assertThat(tally.get("thingsPer100k").asDouble()).as(what).isCloseTo(things * 1e5 / people, offset(1e-9));
		}
	}

	private static JsonNode row(JsonNode answer, String district) {
		return find(answer.get("districts"), "district", district);
	}

	private void redeclare(long datastream, Spec spec) {
		Declaration d = register.current(datastream).orElseThrow();
		register.saveVersion(new Declaration(d.datastreamId(), d.version(), d.organisationId(), d.organisation(),
				d.contact(), spec.purposes(), d.technology(), d.dataTypes(), d.processing(), d.access(), d.storage(),
				d.retention(), spec.personal(), d.legalBasis(), d.privacyStatementUrl(), d.accessLevel(), d.sharing(),
				spec.retired() ? Stage.RETIRED : d.stage(), d.pilot(), d.impactAssessment(), d.summary(),
				d.consultation(), d.declaredAt(), "tests"), "declaration", "declared by SensingByDistrictTest");
	}

	/** A Thing at (lon, lat) with this many Datastreams; their ids in order. */
	private static List<Long> thingWithStreams(Api admin, String name, double lon, double lat, int streams) {
		List<Map<String, Object>> datastreams = new ArrayList<>();
		for (int i = 0; i < streams; i++) {
			datastreams.add(Map.of("name", name + " " + i, "description", "a stream", "observationType",
					"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement", "unitOfMeasurement",
					Map.of("name", "count", "symbol", "1", "definition", "ucum:1"), "Sensor",
					Map.of("name", name, "description", "a sensor", "encodingType", "text/plain", "metadata", "m"),
					"ObservedProperty", Map.of("name", name + " " + i, "description", "a property", "definition",
							"urn:" + name.replace(' ', '-') + "-" + i)));
		}
		Api.Response thing = admin.post("/v1.1/Things", Map.of("name", name, "description", "a thing", "Locations",
				List.of(Map.of("name", name, "description", "a place", "encodingType", "application/geo+json", "location",
						Map.of("type", "Point", "coordinates", List.of(lon, lat)))), "Datastreams", datastreams));
		assertThat(thing.status()).as("%s", thing).isEqualTo(201);
		List<Long> ids = new ArrayList<>();
		admin.get("/v1.1/Things(" + thing.id() + ")/Datastreams", "$select", "id", "$orderby", "id")
			.json()
			.get("value")
			.forEach(d -> ids.add(d.get("@iot.id").asLong()));
		assertThat(ids).hasSize(streams);
		return ids;
	}

	private static String square(double lon, double lat, int i) {
		double x = lon + i * 0.1;
		return "{\"type\":\"Polygon\",\"coordinates\":[[[" + x + "," + lat + "],[" + (x + 0.1) + "," + lat + "],["
				+ (x + 0.1) + "," + (lat + 0.1) + "],[" + x + "," + (lat + 0.1) + "],[" + x + "," + lat + "]]]}";
	}

}
