package org.cabildo.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.cabildo.platform.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class DistrictsFileTest {

	private static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}";

	@Test
	void readsCodeNamePopulationAndKeepsTheOtherProperties() {
		List<DistrictsFile.Feature> read = DistrictsFile.DEFAULT.read(bytes(collection(
				feature("{\"district_id\":\"09015\",\"name\":\"Cuauhtémoc\",\"population_2020\":545884,\"area_km2\":32.4}",
						SQUARE),
				feature("{\"district_id\":7,\"population_2020\":\"1200\"}", SQUARE.replace("[0,0]", "[0,0.0]")))));
		assertThat(read).hasSize(2);
		assertThat(read.get(0).id()).isEqualTo("09015");
		assertThat(read.get(0).name()).isEqualTo("Cuauhtémoc");
		assertThat(read.get(0).population()).isEqualTo(545884L);
		assertThat(read.get(0).properties()).isEqualTo("{\"area_km2\":32.4}");
		assertThat(read.get(1).id()).isEqualTo("7");
		assertThat(read.get(1).name()).as("no name: its code").isEqualTo("7");
		assertThat(read.get(1).population()).isEqualTo(1200L);
		assertThat(read.get(0).areaKm2()).isBetween(12_300.0, 12_400.0);
	}

	@Test
	void readsTheDemoCitysSixteenAlcaldias() throws Exception {
		byte[] file;
		try (var in = getClass().getResourceAsStream("/demo/mexico-city/districts.geojson")) {
			file = in.readAllBytes();
		}
		List<DistrictsFile.Feature> read = DistrictsFile.DEFAULT.read(file);
		assertThat(read).hasSize(16);
		DistrictsFile.Feature cuauhtemoc = read.stream().filter(f -> f.id().equals("09015")).findFirst().orElseThrow();
		assertThat(cuauhtemoc.name()).isEqualTo("Cuauhtémoc");
		assertThat(cuauhtemoc.population()).isEqualTo(545884L);
		// the file says about 32.62 km²
		assertThat(cuauhtemoc.areaKm2()).isBetween(31.0, 34.0);
		assertThat(read.stream().mapToLong(DistrictsFile.Feature::population).sum()).as("CDMX 2020").isEqualTo(9209944L);
	}

	@Test
	void otherPropertyNamesMayBeChosen() {
		List<DistrictsFile.Feature> read = new DistrictsFile("cve", "nom", "pob").read(bytes(collection(
				feature("{\"cve\":\"A1\",\"nom\":\"Uno\",\"pob\":10}", SQUARE))));
		assertThat(read.get(0)).extracting(DistrictsFile.Feature::id, DistrictsFile.Feature::name,
				DistrictsFile.Feature::population).containsExactly("A1", "Uno", 10L);
	}

	@Test
	void refusesWhatIsNotAFeatureCollectionOfValidDistricts() {
		refused("{not json", null, "not JSON");
		refused("[]", null, "FeatureCollection");
		refused("{\"type\":\"Feature\"}", null, "FeatureCollection");
		refused(collection(), null, "no features");
		refused(collection(feature("{\"district_id\":\"a\"}", SQUARE), feature("{\"name\":\"x\"}", SQUARE)), 1,
				"no district code");
		refused(collection(feature("{\"district_id\":\"a\"}", SQUARE), feature("{\"district_id\":\"a\"}", SQUARE)), 1,
				"also feature 0");
		refused(collection(feature("{\"district_id\":\"a\"}",
				"{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}")), 0, "not a valid polygon");
		refused(collection(feature("{\"district_id\":\"a\"}", "{\"type\":\"Point\",\"coordinates\":[0,0]}")), 0,
				"Polygon or MultiPolygon");
		refused(collection(feature("{\"district_id\":\"a\"}",
				"{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[2,0],[0,0]]]}")), 0, "not a valid polygon");
		refused(collection(feature("{\"district_id\":\"a\"}",
				"{\"type\":\"Polygon\",\"coordinates\":[[[500000,0],[500001,0],[500001,1],[500000,1],[500000,0]]]}")), 0,
				"WGS84");
		refused(collection(feature("{\"district_id\":\"a\"}", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0]]]}")),
				0, "ring");
		refused(collection(feature("{\"district_id\":\"a\",\"population_2020\":-3}", SQUARE)), 0, "population");
		refused(collection(feature("{\"district_id\":\"" + "x".repeat(33) + "\"}", SQUARE)), 0, "longer than 32");
		refused(collection(feature("{\"district_id\":\"a\"}", "null")), 0, "GeoJSON");
	}

	private static void refused(String body, Integer feature, String says) {
		ApiException refused = catchThrowableOfType(ApiException.class, () -> DistrictsFile.DEFAULT.read(bytes(body)));
		assertThat(refused).as(body).isNotNull();
		assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getMessage()).as(body).contains(says);
		assertThat(refused.details().get("feature")).as(body).isEqualTo(feature);
	}

	static String collection(String... features) {
		return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
	}

	static String feature(String properties, String geometry) {
		return "{\"type\":\"Feature\",\"properties\":" + properties + ",\"geometry\":" + geometry + "}";
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
