package org.cabildo.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.cabildo.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * A Thing's {@code district} in the SensorThings API: filtered on from Things, Datastreams and
 * Observations, ordered on, read only with {@code $select}, and ignored when written. Each test
 * imports two squares of its own (districts a and b, side by side), somewhere no other test
 * places a Thing, and a Thing in each, two in a, and one outside both.
 */
@IntegrationTest
class DistrictFilterTest {

	@LocalServerPort
	int port;

	private Api admin;

	private double lon;

	private double lat;

	private String prefix;

	private String a;

	private String b;

	/** Each Thing's id, Datastream's id and Observation's id, by their name's suffix. */
	private final Map<String, long[]> made = new HashMap<>();

	@BeforeEach
	void setUp() {
		admin = new Api(port);
		lon = ThreadLocalRandom.current().nextDouble(-170, 160);
		lat = ThreadLocalRandom.current().nextDouble(40, 60);
		prefix = "F" + UUID.randomUUID().toString().substring(0, 8);
		a = prefix + "a";
		b = prefix + "b";
		Api.Response imported = admin.put("/api/districts", DistrictsFileTest.collection(
				DistrictsFileTest.feature("{\"district_id\":\"" + a + "\"}", square(0)),
				DistrictsFileTest.feature("{\"district_id\":\"" + b + "\"}", square(1))));
		assertThat(imported.status()).as("%s", imported).isEqualTo(200);
		make("a1", 0.05, 0.05);
		make("a2", 0.02, 0.08);
		make("b1", 0.15, 0.05);
		make("out", 0.55, 0.55);
	}

	@Test
	void thingsDatastreamsAndObservationsAreFilteredByTheThingsDistrict() {
		assertThat(ids("Things", "district eq '" + a + "'")).containsExactlyInAnyOrder(thing("a1"), thing("a2"));
		assertThat(ids("Things", "district eq '" + b + "'")).containsExactly(thing("b1"));
		assertThat(ids("Datastreams", "Thing/district eq '" + a + "'")).containsExactlyInAnyOrder(datastream("a1"),
				datastream("a2"));
		assertThat(ids("Observations", "Datastream/Thing/district eq '" + b + "'")).containsExactly(observation("b1"));
		assertThat(ids("Observations", "Datastream/Thing/district eq '" + a + "'"))
			.containsExactlyInAnyOrder(observation("a1"), observation("a2"));

		assertThat(ids("Things", "district eq '" + a + "' or district eq '" + b + "'"))
			.containsExactlyInAnyOrder(thing("a1"), thing("a2"), thing("b1"));
		assertThat(ids("Datastreams", "Thing/district eq '" + b + "' or Thing/district eq '" + prefix + "zz'"))
			.containsExactly(datastream("b1"));
		assertThat(ids("Things", "district eq '" + prefix + "zz'")).as("no such district").isEmpty();
		assertThat(ids("Observations", "Datastream/Thing/district eq '" + prefix + "zz'")).isEmpty();
		// A Thing in no district has none: ne leaves it out (as it does a JSON member it lacks), eq null finds it.
		assertThat(ids("Things", "district ne '" + a + "' and startswith(name, '" + prefix + "')"))
			.containsExactly(thing("b1"));
		assertThat(ids("Things", "district eq null and startswith(name, '" + prefix + "')"))
			.containsExactly(thing("out"));
	}

	@Test
	void orderedOnAndReadOnlyWhenSelected() {
		Api.Response ordered = admin.get("/v1.1/Datastreams", "$filter", "startswith(name, '" + prefix + "')",
				"$orderby", "Thing/district desc, id", "$select", "id");
		assertThat(ordered.status()).as("%s", ordered).isEqualTo(200);
		assertThat(ids(ordered.json())).containsExactly(datastream("b1"), datastream("a1"), datastream("a2"),
				datastream("out"));

		JsonNode plain = admin.get("/v1.1/Things(" + thing("a1") + ")").json();
		assertThat(plain.has("district")).as("not in the standard's Thing: %s", plain).isFalse();
		assertThat(plain.get("name").asString()).isEqualTo(prefix + "a1");
		JsonNode selected = admin.get("/v1.1/Things(" + thing("a1") + ")", "$select", "name,district").json();
		assertThat(selected.get("district").asString()).isEqualTo(a);
		assertThat(selected.get("name").asString()).isEqualTo(prefix + "a1");
		JsonNode expanded = admin.get("/v1.1/Datastreams(" + datastream("b1") + ")", "$expand",
				"Thing($select=district)").json();
		assertThat(expanded.get("Thing").get("district").asString()).isEqualTo(b);
		assertThat(admin.get("/v1.1/Things(" + thing("a2") + ")/district").json().get("district").asString())
			.isEqualTo(a);
		assertThat(admin.get("/v1.1/Things(" + thing("out") + ")", "$select", "district").json().has("district"))
			.as("in no district").isFalse();

		Api.Response wrongType = admin.get("/v1.1/Datastreams", "$filter", "district eq '" + a + "'");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.json().get("detail").asString()).contains("'district' is not a property of Datastream");
	}

	@Test
	void aWrittenDistrictIsIgnoredLikeEveryPropertyTheServerMaintains() {
		// Placed in a by its Location, whatever district it says it is in.
		Map<String, Object> body = new HashMap<>(thingBody(prefix + "says-b", 0.05, 0.05));
		body.put("district", b);
		Api.Response created = admin.post("/v1.1/Things", body);
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		assertThat(created.json().has("district")).isFalse();
		assertThat(district(created.id())).isEqualTo(a);

		Api.Response patched = admin.patch("/v1.1/Things(" + created.id() + ")", Map.of("district", b,
				"description", "still in a"));
		assertThat(patched.status()).as("%s", patched).isEqualTo(200);
		assertThat(district(created.id())).isEqualTo(a);
		assertThat(admin.get("/v1.1/Things(" + created.id() + ")").json().get("description").asString())
			.isEqualTo("still in a");
	}

	private String district(long thing) {
		return admin.get("/v1.1/Things(" + thing + ")", "$select", "district").json().get("district").asString();
	}

	/** The ids of the entities of a set the filter keeps (all of them: fewer than a page). */
	private List<Long> ids(String set, String filter) {
		Api.Response response = admin.get("/v1.1/" + set, "$filter", filter, "$select", "id", "$top", "1000");
		assertThat(response.status()).as("%s?$filter=%s: %s", set, filter, response).isEqualTo(200);
		assertThat(response.json().has("@iot.nextLink")).as("one page").isFalse();
		return ids(response.json());
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("value").forEach(entity -> ids.add(entity.get("@iot.id").asLong()));
		return ids;
	}

	private long thing(String suffix) {
		return made.get(suffix)[0];
	}

	private long datastream(String suffix) {
		return made.get(suffix)[1];
	}

	private long observation(String suffix) {
		return made.get(suffix)[2];
	}

	/** A Datastream (declared open by the test city) with its Thing at (dx, dy) from this test's corner, and one Observation. */
	private void make(String suffix, double dx, double dy) {
		String name = prefix + suffix;
		Map<String, Object> body = new HashMap<>(Fixtures.datastreamWithThing(name));
		body.put("Thing", thingBody(name, dx, dy));
		Api.Response created = admin.post("/v1.1/Datastreams", body);
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		long datastream = created.id();
		long thing = admin.get("/v1.1/Datastreams(" + datastream + ")/Thing").json().get("@iot.id").asLong();
		Api.Response observed = admin.post("/v1.1/Datastreams(" + datastream + ")/Observations",
				Map.of("phenomenonTime", "2024-01-01T00:00:00Z", "result", 1.5));
		assertThat(observed.status()).as("%s", observed).isEqualTo(201);
		made.put(suffix, new long[] { thing, datastream, observed.id() });
	}

	private Map<String, Object> thingBody(String name, double dx, double dy) {
		return Map.of("name", name, "description", "a thing", "Locations",
				List.of(Map.of("name", name, "description", "a place", "encodingType", "application/geo+json",
						"location", Map.of("type", "Point", "coordinates", List.of(lon + dx, lat + dy)))));
	}

	/** A square 0.1° wide whose south-west corner is i squares east of this test's corner. */
	private String square(int i) {
		double x = lon + i * 0.1;
		List<String> corners = new ArrayList<>();
		for (double[] c : new double[][] { { x, lat }, { x + 0.1, lat }, { x + 0.1, lat + 0.1 }, { x, lat + 0.1 },
				{ x, lat } }) {
			corners.add("[" + c[0] + "," + c[1] + "]");
		}
		return "{\"type\":\"Polygon\",\"coordinates\":[[" + String.join(",", corners) + "]]}";
	}

}
