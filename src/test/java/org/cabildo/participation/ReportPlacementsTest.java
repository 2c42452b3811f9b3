package org.cabildo.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Reports filed before their district existed are placed when districts are imported: the
 * district is set, and a report not yet answered goes to the new district's office while an
 * answered one keeps the office that answered it.
 */
@IntegrationTest
class ReportPlacementsTest {

	@LocalServerPort
	int port;

	@Test
	void districtsImportedLaterPlaceTheReportsAndRouteTheUnansweredOnes() {
		// lon -99.399 to -99.392: west of where the other Open311 tests file, and west of the city
		double lon = ThreadLocalRandom.current().nextDouble(-99.399, -99.392);
		double lat = ThreadLocalRandom.current().nextDouble(19.1, 19.5);
		String waiting = file(lat, lon);
		String answered = file(lat + 0.02, lon);
		Api office = new Api(port);
		assertThat(office.post("/api/participation/requests/" + answered + "/notes",
				Map.of("status", "closed", "note", "resuelto")).status()).isEqualTo(200);
		assertThat(request(waiting).path("agency_responsible").asString()).isEqualTo("Secretaría de Obras y Servicios");

		String prefix = "00R" + UUID.randomUUID().toString().substring(0, 8);
		Api.Response imported = office.put("/api/districts", "{\"type\":\"FeatureCollection\",\"features\":["
				+ square(prefix + "a", "Zeta " + prefix, lon - 0.005, lat - 0.005) + ","
				+ square(prefix + "b", "Eta " + prefix, lon - 0.005, lat + 0.015) + "]}");
		assertThat(imported.status()).as("%s", imported).isEqualTo(200);

		assertThat(request(waiting).path("agency_responsible").asString())
			.isEqualTo("Alcaldía Zeta " + prefix + " · Obras y Servicios Urbanos");
		assertThat(request(answered).path("agency_responsible").asString()).isEqualTo("Secretaría de Obras y Servicios");
		JsonNode heard = Api.anonymous(port).get("/api/participation/districts").json();
		assertThat(reports(heard, prefix + "a")).isEqualTo(1);
		assertThat(reports(heard, prefix + "b")).isEqualTo(1);
	}

	private String file(double lat, double lon) {
		Api.Response created = Open311Forms.post(port, "json", Map.of("service_code", "pothole", "lat", Double.toString(lat),
				"long", Double.toString(lon)), null, null);
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		return created.json().get(0).path("service_request_id").asString();
	}

	private JsonNode request(String id) {
		return Api.anonymous(port).get("/open311/v2/requests/" + id + ".json").json().get(0);
	}

	private static long reports(JsonNode heard, String district) {
		for (JsonNode d : heard.path("districts")) {
			if (d.path("district").asString().equals(district)) {
				return d.path("reports").asLong();
			}
		}
		throw new AssertionError("no district " + district);
	}

	private static String square(String id, String name, double lon, double lat) {
		return "{\"type\":\"Feature\",\"properties\":{\"district_id\":\"" + id + "\",\"name\":\"" + name
				+ "\",\"population_2020\":10000},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + lon + "," + lat
				+ "],[" + (lon + 0.01) + "," + lat + "],[" + (lon + 0.01) + "," + (lat + 0.01) + "],[" + lon + ","
				+ (lat + 0.01) + "],[" + lon + "," + lat + "]]]}}";
	}

}
