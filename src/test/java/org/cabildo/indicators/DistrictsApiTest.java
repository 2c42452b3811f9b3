package org.cabildo.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.cabildo.IntegrationTest;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Person;
import org.cabildo.identity.Role;
import org.cabildo.identity.Tokens;
import org.cabildo.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Districts over HTTP: imported by admins (all or nothing), read as JSON and GeoJSON by anyone,
 * and Things placed in them when created and when their Location moves. The test server has no
 * districts of its own: each test imports squares with codes of its own, somewhere random.
 */
@IntegrationTest
@TestPropertySource(properties = "cabildo.indicators.max-districts-bytes=200000")
class DistrictsApiTest {

	@LocalServerPort
	int port;

	@Autowired
	DistrictRegister register;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	Tokens tokens;

	private Api admin;

	private Api anonymous;

	/** The south-west corner of this test's squares: 0.1° apart, somewhere no other test places a Thing. */
	private double lon;

	private double lat;

	private String prefix;

	@BeforeEach
	void setUp() {
		admin = new Api(port);
		anonymous = Api.anonymous(port);
		lon = ThreadLocalRandom.current().nextDouble(-170, 160);
		lat = ThreadLocalRandom.current().nextDouble(-70, -50);
		prefix = "T" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void importedDistrictsAreReadAsJsonAndGeoJson() {
		String a = prefix + "a";
		String b = prefix + "b";
		String body = DistrictsFileTest.collection(
				feature("{\"district_id\":\"" + a + "\",\"name\":\"Ada\",\"population_2020\":120000,\"kind\":\"alcaldía\"}",
						square(0, 0)),
				feature("{\"district_id\":\"" + b + "\",\"name\":\"Bea\"}", multi(1, 0, 3, 0)));
		Api.Response put = admin.put("/api/districts", body);
		assertThat(put.status()).as("%s", put).isEqualTo(200);
		assertThat(put.json().get("added").asInt()).isEqualTo(2);

		JsonNode one = anonymous.get("/api/districts/" + a).json();
		assertThat(one.get("name").asString()).isEqualTo("Ada");
		assertThat(one.get("population").asLong()).isEqualTo(120000);
		assertThat(one.get("things").asLong()).isZero();
		double expected = Math.pow(SphericalArea.RADIUS_KM, 2) * Math.toRadians(0.1)
				* (Math.sin(Math.toRadians(lat + 0.1)) - Math.sin(Math.toRadians(lat)));
		assertThat(one.get("areaKm2").asDouble()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
		JsonNode list = anonymous.get("/api/districts").json();
		JsonNode bea = find(list, b);
		assertThat(bea.get("population").isNull()).isTrue();
		assertThat(bea.get("areaKm2").asDouble()).as("two squares").isGreaterThan(1.9 * expected);

		Api.Response geojson = anonymous.get("/api/districts.geojson");
		assertThat(geojson.status()).isEqualTo(200);
		assertThat(geojson.header("Content-Type")).startsWith("application/geo+json");
		JsonNode feature = null;
		for (JsonNode f : geojson.json().get("features")) {
			if (f.get("properties").get("id").asString().equals(b)) {
				feature = f;
			}
		}
		assertThat(feature).isNotNull();
		assertThat(feature.get("geometry").get("type").asString()).isEqualTo("MultiPolygon");
		assertThat(feature.get("properties").get("name").asString()).isEqualTo("Bea");
		assertThat(feature.get("properties").has("things")).isTrue();

		Api.Response unknown = anonymous.get("/api/districts/" + prefix + "zz");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().get("detail").asString()).contains("no district");

		// The same file again changes nothing; a changed name is a change.
		Api.Response again = admin.put("/api/districts", body);
		assertThat(again.json().get("unchanged").asInt()).isEqualTo(2);
		Api.Response renamed = admin.put("/api/districts", body.replace("\"Ada\"", "\"Adela\""));
		assertThat(renamed.json().get("changed").asInt()).isEqualTo(1);
		assertThat(register.byId(a).orElseThrow().name()).isEqualTo("Adela");
	}

	@Test
	void propertyNamesAreChosenByTheQuery() {
		String c = prefix + "c";
		Api.Response put = admin.put("/api/districts?id=cve&name=nom&population=pob",
				DistrictsFileTest.collection(feature("{\"cve\":\"" + c + "\",\"nom\":\"Cira\",\"pob\":77}", square(0, 0))));
		assertThat(put.status()).as("%s", put).isEqualTo(200);
		assertThat(register.byId(c).orElseThrow()).extracting(District::name, District::population)
			.containsExactly("Cira", 77L);
		assertThat(register.population(c)).hasValue(77);
	}

	@Test
	void aBadFileIsRefusedAndNothingOfItIsStored() {
		String good = feature("{\"district_id\":\"" + prefix + "ok\"}", square(0, 0));
		Map<String, String> bad = Map.of(
				"not JSON", "{\"type\": ",
				"not a FeatureCollection", "{\"type\":\"Feature\",\"geometry\":" + square(0, 0) + "}",
				"no id", DistrictsFileTest.collection(good, feature("{\"name\":\"x\"}", square(1, 0))),
				"invalid polygon", DistrictsFileTest.collection(good, feature("{\"district_id\":\"" + prefix + "v\"}",
						"{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}")),
				"duplicate id", DistrictsFileTest.collection(good, good));
		bad.forEach((what, body) -> {
			Api.Response refused = admin.put("/api/districts", body);
			assertThat(refused.status()).as("%s: %s", what, refused).isEqualTo(400);
			assertThat(refused.header("Content-Type")).as(what).contains("json");
			assertThat(refused.json().get("detail").asString()).as(what).isNotBlank();
			if (body.contains("ok\"")) {
				assertThat(refused.json().get("feature").asInt()).as(what).isEqualTo(1);
			}
		});
		StringBuilder big = new StringBuilder(DistrictsFileTest.collection(good));
		big.append(" ".repeat(200_001));
		Api.Response tooLarge = admin.put("/api/districts", big.toString());
		assertThat(tooLarge.status()).as("%s", tooLarge).isEqualTo(413);
		assertThat(tooLarge.json().get("limit").asLong()).isEqualTo(200_000);
		assertThat(anonymous.get("/api/districts/" + prefix + "ok").status()).as("nothing stored").isEqualTo(404);
		assertThat(register.byId(prefix + "ok")).isEmpty();
	}

	@Test
	void onlyAdminsImport() {
		String body = DistrictsFileTest.collection(feature("{\"district_id\":\"" + prefix + "n\"}", square(0, 0)));
		Api.Response anyone = anonymous.put("/api/districts", body);
		assertThat(anyone.status()).as("%s", anyone).isEqualTo(401);
		var office = organisations.create("districts " + prefix);
		Person person = people.create("op-" + prefix, null, office.id(), "test");
		people.grant(person.id(), office.id(), Role.OPERATOR, "test");
		people.grant(person.id(), office.id(), Role.STEWARD, "test");
		Api operator = anonymous.as(Api.bearer(tokens.create(person.id(), "districts", null, "test").secret()));
		Api.Response refused = operator.put("/api/districts", body);
		assertThat(refused.status()).as("%s", refused).isEqualTo(403);
		assertThat(refused.header("Content-Type")).contains("json");
		assertThat(register.byId(prefix + "n")).isEmpty();
	}

	@Test
	void aThingIsPlacedWhereItsLocationIsAndMovesWithIt() {
		String a = prefix + "a";
		String b = prefix + "b";
		assertThat(admin.put("/api/districts", DistrictsFileTest.collection(
				feature("{\"district_id\":\"" + a + "\"}", square(0, 0)),
				feature("{\"district_id\":\"" + b + "\"}", multi(1, 0, 3, 0)))).status()).isEqualTo(200);
		long thing = thing("placed " + prefix, 0.05, 0.05);
		assertThat(register.districtOfThing(thing)).contains(a);
		assertThat(register.thingsIn(a)).containsExactly(thing);
		assertThat(anonymous.get("/api/districts/" + a).json().get("things").asLong()).isEqualTo(1);

		long location = admin.get("/v1.1/Things(" + thing + ")/Locations").json().get("value").get(0).get("@iot.id").asLong();
		// into the second part of b's MultiPolygon
		Api.Response moved = admin.patch("/v1.1/Locations(" + location + ")", Map.of("location", point(0.35, 0.05)));
		assertThat(moved.status()).as("%s", moved).isEqualTo(200);
		assertThat(register.districtOfThing(thing)).contains(b);
		assertThat(register.thingsIn(a)).isEmpty();
		assertThat(anonymous.get("/api/districts/" + b).json().get("things").asLong()).isEqualTo(1);

		admin.patch("/v1.1/Locations(" + location + ")", Map.of("location", point(0.25, 0.05)));
		assertThat(register.districtOfThing(thing)).as("between b's parts").isEmpty();

		// A Thing created before its district is placed by the import.
		long early = thing("early " + prefix, 0.55, 0.55);
		assertThat(register.districtOfThing(early)).isEmpty();
		String late = prefix + "l";
		admin.put("/api/districts", DistrictsFileTest.collection(feature("{\"district_id\":\"" + late + "\"}",
				square(5, 5))));
		assertThat(register.districtOfThing(early)).contains(late);
	}

	/** Creates a Thing with one Location at (lon, lat) + offsets in tenths of this test's squares. */
	private long thing(String name, double dx, double dy) {
		Api.Response created = admin.post("/v1.1/Things", Map.of("name", name, "description", "a thing", "Locations",
				List.of(Map.of("name", name, "description", "a place", "encodingType", "application/geo+json",
						"location", point(dx, dy)))));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		return created.id();
	}

	private Map<String, Object> point(double dx, double dy) {
		return Map.of("type", "Point", "coordinates", List.of(lon + dx, lat + dy));
	}

	private static JsonNode find(JsonNode list, String id) {
		for (JsonNode district : list) {
			if (district.get("id").asString().equals(id)) {
				return district;
			}
		}
		throw new AssertionError(id + " is not listed");
	}

	static String feature(String properties, String geometry) {
		return DistrictsFileTest.feature(properties, geometry);
	}

	/** A square 0.1° wide whose south-west corner is (i, j) squares from this test's corner. */
	private String square(int i, int j) {
		return "{\"type\":\"Polygon\",\"coordinates\":[" + ring(i, j) + "]}";
	}

	private String multi(int i1, int j1, int i2, int j2) {
		return "{\"type\":\"MultiPolygon\",\"coordinates\":[[" + ring(i1, j1) + "],[" + ring(i2, j2) + "]]}";
	}

	private String ring(int i, int j) {
		double x = lon + i * 0.1;
		double y = lat + j * 0.1;
		List<String> corners = new ArrayList<>();
		for (double[] c : new double[][] { { x, y }, { x + 0.1, y }, { x + 0.1, y + 0.1 }, { x, y + 0.1 }, { x, y } }) {
			corners.add("[" + c[0] + "," + c[1] + "]");
		}
		return "[" + String.join(",", corners) + "]";
	}


}
