package org.cabildo.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * What residents say of themselves when they report: counted apart from the report, shown by
 * district with no count below 11 shown, and none derivable from the totals shown; a report whose
 * author says nothing counts nowhere; bad values refused.
 */
@IntegrationTest
class ParticipationEquityTest {

	@LocalServerPort
	int port;

	@Test
	void countsBySaidGenderAndAgeWithSmallCountsNeitherShownNorDerivable() {
		String prefix = "00E" + UUID.randomUUID().toString().substring(0, 8);
		String a = prefix + "a";
		// lat 19.56 to 19.59: above where the other Open311 tests file
		double lon = ThreadLocalRandom.current().nextDouble(-99.38, -98.95);
		double lat = ThreadLocalRandom.current().nextDouble(19.561, 19.585);
		Api.Response imported = new Api(port).put("/api/districts", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
				+ "\"Feature\",\"properties\":{\"district_id\":\"" + a + "\",\"population_2020\":1000},\"geometry\":{\"type\":"
				+ "\"Polygon\",\"coordinates\":[[[" + lon + "," + lat + "],[" + (lon + 0.01) + "," + lat + "],[" + (lon + 0.01)
				+ "," + (lat + 0.01) + "],[" + lon + "," + (lat + 0.01) + "],[" + lon + "," + lat + "]]]}}]}");
		assertThat(imported.status()).as("%s", imported).isEqualTo(200);

		Map<String, Integer> gender = Map.of("woman", 14, "man", 3);
		Map<String, Integer> age = Map.of("60-74", 12, "18-29", 2);
		int i = 0;
		for (var g : gender.entrySet()) {
			for (int n = 0; n < g.getValue(); n++, i++) {
				Map<String, String> report = new LinkedHashMap<>(Map.of("service_code", "pothole", "lat",
						Double.toString(lat + 0.005), "long", Double.toString(lon + 0.0001 * i), "declared_gender", g.getKey()));
				if (i < 12) {
					report.put("declared_age_band", "60-74");
				}
				else if (i < 14) {
					report.put("declared_age_band", "18-29");
				}
				assertThat(Open311Forms.post(port, "json", report, null, null).status()).isEqualTo(201);
			}
		}
		// saying nothing counts nowhere
		assertThat(Open311Forms.post(port, "json", Map.of("service_code", "pothole", "lat", Double.toString(lat + 0.005),
				"long", Double.toString(lon + 0.005)), null, null).status()).isEqualTo(201);

		JsonNode answer = Api.anonymous(port).get("/api/participation/demographics?kind=report").json();
		assertThat(answer.path("threshold").asLong()).isEqualTo(11);
		JsonNode byGender = row(answer.path("byGender"), a);
		assertThat(cell(byGender, "woman")).isIn(14L, null);
		assertThat(cell(byGender, "man")).as("3 is below 11").isNull();
		assertThat(cell(byGender, "non-binary")).isZero();
		// the total would give the 3 away with the 14 shown: one of them is hidden too
		assertThat(cell(byGender, "woman") == null || byGender.path("total").path("suppressed").asBoolean()).isTrue();
		JsonNode byAge = row(answer.path("byAgeBand"), a);
		assertThat(cell(byAge, "18-29")).isNull();
		assertThat(cell(byAge, "60-74") == null || byAge.path("total").path("suppressed").asBoolean()).isTrue();
		for (JsonNode table : new JsonNode[] { answer.path("byGender"), answer.path("byAgeBand") }) {
			noCountBelowElevenAndNoneDerivable(table);
		}

		Api.Response bad = Open311Forms.post(port, "json", Map.of("service_code", "pothole", "lat", Double.toString(lat),
				"long", Double.toString(lon), "declared_gender", "robot"), null, null);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get(0).path("description").asString()).contains("declared_gender");
		assertThat(Api.anonymous(port).get("/api/participation/demographics?kind=votes").status()).isEqualTo(400);
		assertThat(Api.anonymous(port).get("/api/participation/demographics?from=2020-01&to=2023-01").status()).isEqualTo(400);
	}

	/** In every line (a district with its total; a category with the city's), no hidden cell stands alone. */
	private static void noCountBelowElevenAndNoneDerivable(JsonNode table) {
		int categories = table.path("categories").size();
		java.util.List<JsonNode> rows = new java.util.ArrayList<>();
		table.path("districts").forEach(rows::add);
		rows.add(table.path("city"));
		for (JsonNode row : rows) {
			int hidden = 0;
			for (JsonNode c : row.path("cells")) {
				hidden += shownOrHidden(c);
			}
			hidden += shownOrHidden(row.path("total"));
			assertThat(hidden).as("hidden cells of %s", row).isNotEqualTo(1);
		}
		for (int j = 0; j < categories; j++) {
			int hidden = 0;
			for (JsonNode row : rows) {
				hidden += shownOrHidden(row.path("cells").get(j));
			}
			assertThat(hidden).as("hidden cells of category %s", j).isNotEqualTo(1);
		}
	}

	private static int shownOrHidden(JsonNode cell) {
		if (cell.path("suppressed").asBoolean()) {
			assertThat(cell.path("count").isNull()).isTrue();
			return 1;
		}
		long count = cell.path("count").asLong();
		assertThat(count == 0 || count >= 11).as("a count shown: %s", cell).isTrue();
		return 0;
	}

	private static JsonNode row(JsonNode table, String district) {
		for (JsonNode row : table.path("districts")) {
			if (district.equals(row.path("district").asString(null))) {
				return row;
			}
		}
		throw new AssertionError("no district " + district + " in " + table);
	}

	private static Long cell(JsonNode row, String category) {
		for (JsonNode c : row.path("cells")) {
			if (c.path("category").asString().equals(category)) {
				return c.path("suppressed").asBoolean() ? null : c.path("count").asLong();
			}
		}
		throw new AssertionError("no category " + category);
	}

}
