package org.cabildo.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.cabildo.support.TestMailbox;
import org.cabildo.support.TestResidents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Who is heard, checked against figures the test works out itself from the reports it filed and
 * answered in two districts of its own (in a strip of the test jurisdiction where no other test
 * files reports): reports per 100,000 inhabitants, share answered, median time to answer; the
 * office of each report is its district's; and the proposals made about each district per
 * 100,000 inhabitants, with the supports given to them.
 */
@IntegrationTest
class WhoIsHeardTest {

	@LocalServerPort
	int port;

	@Autowired
	TestMailbox mailbox;

	@Test
	void eachDistrictsReportsAnswersAndTimeToAnswerAreTheReportsOwn() {
		// codes that sort before the city's ("09..."): where a district imported by another test
		// overlaps, a point is placed in the lowest code's
		Api admin = new Api(port);
		String prefix = "00W" + UUID.randomUUID().toString().substring(0, 8);
		String a = prefix + "a";
		String b = prefix + "b";
		// lat 19.00 to 19.04: below where the other Open311 tests file
		double lon = ThreadLocalRandom.current().nextDouble(-99.38, -98.95);
		double lat = ThreadLocalRandom.current().nextDouble(19.001, 19.025);
		Api.Response imported = admin.put("/api/districts", "{\"type\":\"FeatureCollection\",\"features\":["
				+ feature(a, "Alfa " + prefix, 100_000, lon, lat) + "," + feature(b, "Beta " + prefix, 50_000, lon + 0.011, lat)
				+ "]}");
		assertThat(imported.status()).as("%s", imported).isEqualTo(200);

		List<String> inA = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			inA.add(file(lon + 0.002 + i * 0.002, lat + 0.005));
		}
		String inB = file(lon + 0.015, lat + 0.005);
		JsonNode first = Api.anonymous(port).get("/open311/v2/requests/" + inA.get(0) + ".json").json().get(0);
		assertThat(first.path("agency_responsible").asString()).isEqualTo("Alcaldía Alfa " + prefix + " · Obras y Servicios Urbanos");

		assertThat(admin.post("/api/participation/requests/" + inA.get(0) + "/notes", Map.of("status", "closed", "note",
				"reparado")).status()).isEqualTo(200);
		assertThat(admin.post("/api/participation/requests/" + inA.get(1) + "/notes", Map.of("status", "open", "note",
				"programado")).status()).isEqualTo(200);
		// a second note does not change when the report was first answered
		assertThat(admin.post("/api/participation/requests/" + inA.get(1) + "/notes", Map.of("status", "closed", "note",
				"reparado")).status()).isEqualTo(200);
		List<Double> hours = new ArrayList<>();
		for (String id : inA.subList(0, 2)) {
			Instant filed = OffsetDateTime.parse(Api.anonymous(port).get("/open311/v2/requests/" + id + ".json").json().get(0)
				.path("requested_datetime").asString()).toInstant();
			Instant answered = Instant.parse(Api.anonymous(port).get("/api/participation/requests/" + id + "/notes").json()
				.get(0).path("at").asString());
			hours.add(Duration.between(filed, answered).toMillis() / 3_600_000.0);
		}
		double median = (hours.get(0) + hours.get(1)) / 2;

		JsonNode answer = Api.anonymous(port).get("/api/participation/districts").json();
		JsonNode alfa = district(answer, a);
		assertThat(alfa.path("population").asLong()).isEqualTo(100_000);
		assertThat(alfa.path("reports").asLong()).isEqualTo(3);
		assertThat(alfa.path("reportsPer100k").asDouble()).isEqualTo(3.0);
		assertThat(alfa.path("answered").asLong()).isEqualTo(2);
		assertThat(alfa.path("answeredShare").asDouble()).isCloseTo(2 / 3.0, within(1e-9));
		assertThat(alfa.path("open").asLong()).isEqualTo(1);
		// the requested time is read back cut to the second, so the test's times are up to a second longer
		assertThat(alfa.path("medianHoursToAnswer").asDouble()).isBetween(median - 1.0 / 3600, median + 0.001 / 3600);
		JsonNode beta = district(answer, b);
		assertThat(beta.path("reports").asLong()).isEqualTo(1);
		assertThat(beta.path("reportsPer100k").asDouble()).isEqualTo(2.0);
		assertThat(beta.path("answered").asLong()).isZero();
		assertThat(beta.path("medianHoursToAnswer").isNull()).isTrue();
		assertThat(answer.path("city").path("reports").asLong()).isGreaterThanOrEqualTo(4);

		assertThat(Api.anonymous(port).get("/api/participation/districts?from=2024-01-01&to=2025-06-01").status())
			.isEqualTo(400);
		assertThat(Api.anonymous(port).get("/api/participation/districts?from=May").status()).isEqualTo(400);
		JsonNode past = Api.anonymous(port).get("/api/participation/districts?from=2001-01-01&to=2001-12-31").json();
		assertThat(district(past, a).path("reports").asLong()).isZero();
		assertThat(inB).isNotEmpty();
		// no proposal is about these districts
		assertThat(alfa.path("proposals").asLong()).isZero();
		assertThat(alfa.path("proposalsPer100k").asDouble()).isZero();
		assertThat(alfa.path("supports").asLong()).isZero();
	}

	@Test
	void eachDistrictsProposalsAndTheirSupportsAreCountedAndHiddenOnesAreNot() {
		Api admin = new Api(port);
		String prefix = "H" + UUID.randomUUID().toString().substring(0, 8);
		String c = prefix + "c";
		String d = prefix + "d";
		// far from the test jurisdiction's box: no report is placed in them
		double lon = ThreadLocalRandom.current().nextDouble(3.0, 4.0);
		double lat = ThreadLocalRandom.current().nextDouble(40.0, 41.0);
		Api.Response imported = admin.put("/api/districts", "{\"type\":\"FeatureCollection\",\"features\":["
				+ feature(c, "Gamma " + prefix, 200_000, lon, lat) + "," + feature(d, "Delta " + prefix, 50_000, lon + 0.011,
						lat)
				+ "]}");
		assertThat(imported.status()).as("%s", imported).isEqualTo(200);
		JsonNode before = Api.anonymous(port).get("/api/participation/districts").json();
		Api author = TestResidents.verified(port, mailbox);
		long first = propose(author, c);
		propose(author, c);
		long hidden = propose(author, c);
		long inD = propose(author, d);
		long citywide = propose(author, null);
		for (long supported : List.of(first, first, inD, hidden, citywide)) {
			Api.Response support = TestResidents.verified(port, mailbox)
				.post("/api/participation/proposals/" + supported + "/supports", null);
			assertThat(support.status()).as("%s", support).isEqualTo(201);
		}
		// a withdrawn support is no longer counted
		Api changed = TestResidents.verified(port, mailbox);
		changed.post("/api/participation/proposals/" + inD + "/supports", null);
		assertThat(changed.delete("/api/participation/proposals/" + inD + "/supports").status()).isEqualTo(204);
		assertThat(admin.post("/api/participation/proposals/" + hidden + "/hide", Map.of("reason", "duplicada"))
			.status()).isEqualTo(204);

		JsonNode answer = Api.anonymous(port).get("/api/participation/districts").json();
		JsonNode gamma = district(answer, c);
		assertThat(gamma.path("proposals").asLong()).isEqualTo(2);
		assertThat(gamma.path("proposalsPer100k").asDouble()).isEqualTo(1.0);
		assertThat(gamma.path("supports").asLong()).isEqualTo(2);
		JsonNode delta = district(answer, d);
		assertThat(delta.path("proposals").asLong()).isEqualTo(1);
		assertThat(delta.path("proposalsPer100k").asDouble()).isEqualTo(2.0);
		assertThat(delta.path("supports").asLong()).isEqualTo(1);
		assertThat(delta.path("reports").asLong()).isZero();
		// the city counts the proposal about no district too (other tests' as well: at least)
		assertThat(answer.path("unplacedProposals").asLong())
			.isGreaterThanOrEqualTo(before.path("unplacedProposals").asLong() + 1);
		assertThat(answer.path("city").path("proposals").asLong())
			.isGreaterThanOrEqualTo(before.path("city").path("proposals").asLong() + 4);
		assertThat(answer.path("city").path("supports").asLong())
			.isGreaterThanOrEqualTo(before.path("city").path("supports").asLong() + 4);
		JsonNode past = Api.anonymous(port).get("/api/participation/districts?from=2001-01-01&to=2001-12-31").json();
		assertThat(district(past, c).path("proposals").asLong()).isZero();
		assertThat(district(past, c).path("supports").asLong()).isZero();
	}

	private long propose(Api author, String district) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("title", "¿Quién es escuchado?", "text",
				"Una propuesta para contar.", "category", "medio-ambiente"));
		if (district != null) {
			body.put("district", district);
		}
		Api.Response made = author.post("/api/participation/proposals", body);
		assertThat(made.status()).as("%s", made).isEqualTo(201);
		return made.json().path("id").asLong();
	}

	private String file(double lon, double lat) {
		Api.Response created = Open311Forms.post(port, "json", Map.of("service_code", "pothole", "lat", Double.toString(lat),
				"long", Double.toString(lon), "description", "who is heard"), null, null);
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		return created.json().get(0).path("service_request_id").asString();
	}

	private static JsonNode district(JsonNode answer, String id) {
		for (JsonNode d : answer.path("districts")) {
			if (d.path("district").asString().equals(id)) {
				return d;
			}
		}
		throw new AssertionError("no district " + id + " in " + answer);
	}

	private static String feature(String id, String name, long population, double lon, double lat) {
		double size = 0.01;
		return "{\"type\":\"Feature\",\"properties\":{\"district_id\":\"" + id + "\",\"name\":\"" + name
				+ "\",\"population_2020\":" + population + "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + lon + ","
				+ lat + "],[" + (lon + size) + "," + lat + "],[" + (lon + size) + "," + (lat + size) + "],[" + lon + ","
				+ (lat + size) + "],[" + lon + "," + lat + "]]]}}";
	}

}
