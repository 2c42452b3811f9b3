package org.cabildo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cabildo.IntegrationTest;
import org.cabildo.participation.Filing;
import org.cabildo.participation.Reports;
import org.cabildo.sensing.geo.GeoJson;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo city's sample reports: each one a report the gate takes (its service and answers
 * valid), each labelled synthetic, each inside an alcaldía (read here from the shipped boundaries
 * on their own), and spread unevenly as the file says: none in four of the outer alcaldías.
 */
@IntegrationTest
class DemoReportsTest {

	@Autowired
	Reports reports;

	@Test
	void everySampleIsLabelledInsideAnAlcaldiaAndTakenByTheGate() throws IOException {
		List<Filing> samples = DemoReports.samples();
		assertThat(samples).hasSize(18);
		Map<String, Geometry> alcaldias = new LinkedHashMap<>();
		JsonNode file = JsonMapper.shared()
			.readTree(Files.readString(Path.of("src/main/resources/demo/mexico-city/districts.geojson")));
		for (JsonNode feature : file.path("features")) {
			alcaldias.put(feature.path("properties").path("district_id").asString(), GeoJson.read(feature.path("geometry")));
		}
		GeometryFactory points = new GeometryFactory();
		Map<String, Integer> perAlcaldia = new TreeMap<>();
		for (Filing sample : samples) {
			assertThat(sample.description()).startsWith("[Ejemplo sintético] ");
			var point = points.createPoint(new Coordinate(Double.parseDouble(sample.lon()), Double.parseDouble(sample.lat())));
			String in = alcaldias.entrySet()
				.stream()
				.filter(a -> a.getValue().covers(point))
				.map(Map.Entry::getKey)
				.findFirst()
				.orElseThrow(() -> new AssertionError("outside every alcaldía: " + sample));
			perAlcaldia.merge(in, 1, Integer::sum);
			Reports.Filed filed = reports.file(sample, id -> "unused");
			assertThat(filed.report().description()).isEqualTo(sample.description());
		}
		assertThat(perAlcaldia).doesNotContainKeys("09004", "09008", "09009", "09011");
		assertThat(perAlcaldia.get("09015")).isGreaterThanOrEqualTo(4);
		assertThat(perAlcaldia.size()).isGreaterThanOrEqualTo(10);
	}

}
