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
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Who is heard, checked against figures the test works out itself from the reports it filed and
 * answered in two districts of its own (in a strip of the test jurisdiction where no other test
 * files reports): reports per 100,000 inhabitants, share answered, median time to answer; the
 * office of each report is its district's.
 */
@IntegrationTest
class WhoIsHeardTest {

	@LocalServerPort
	int port;

	@Test
	void eachDistrictsReportsAnswersAndTimeToAnswerAreTheReportsOwn() {
		Api admin = new Api(port);
		String prefix = "W" + UUID.randomUUID().toString().substring(0, 8);
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
