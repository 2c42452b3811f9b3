package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.cabildo.platform.CitySettings;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygonal;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo city's 16 alcaldías, simplified for the map: every one still a valid polygon, its
 * area nearly the same, its boundary far lighter to send; and a place found in its district.
 */
class DistrictsTest {

	private static final String DEMO = "classpath:demo/mexico-city/districts.geojson";

	@Test
	void simplifyingKeepsEveryDistrictValidAndItsArea() {
		List<Districts.District> surveyed = Districts.read(new ClassPathResource("demo/mexico-city/districts.geojson"));
		List<Districts.District> simplified = Districts.simplify(surveyed);

		assertThat(simplified).hasSize(16);
		int before = 0;
		int after = 0;
		for (int i = 0; i < surveyed.size(); i++) {
			Districts.District original = surveyed.get(i);
			Districts.District light = simplified.get(i);
			assertThat(light.id()).isEqualTo(original.id());
			assertThat(light.name()).isEqualTo(original.name());
			assertThat(light.area().isValid()).as(light.name()).isTrue();
			assertThat(light.area().isEmpty()).as(light.name()).isFalse();
			assertThat(light.area()).as(light.name()).isInstanceOf(Polygonal.class);
			assertThat(light.area().getArea()).as(light.name()).isCloseTo(original.area().getArea(),
					org.assertj.core.data.Percentage.withPercentage(1));
			// no boundary strays far from the surveyed one: within twice the tolerance (about 100 m)
			assertThat(DiscreteHausdorffDistance.distance(light.area().getBoundary(), original.area().getBoundary()))
				.as(light.name())
				.isLessThanOrEqualTo(2 * Districts.TOLERANCE);
			for (Coordinate point : light.area().getCoordinates()) {
				assertThat(point.x * 10_000).as("four decimals").isCloseTo(Math.rint(point.x * 10_000),
						org.assertj.core.data.Offset.offset(1e-6));
			}
			before += original.area().getNumPoints();
			after += light.area().getNumPoints();
		}
		assertThat(after).as("points after simplifying %d", before).isLessThan(before / 5);
	}

	@Test
	void servesASmallGeoJsonWithEachDistrictsNameAndFindsWhereAPlaceIs() throws IOException {
		Districts districts = new Districts(new CitySettings("UTC", DEMO, "INEGI", "none"), new DefaultResourceLoader());
		byte[] served = districts.simplifiedGeoJson();
		long raw = new ClassPathResource("demo/mexico-city/districts.geojson").contentLength();
		assertThat(served.length).as("served %d of %d bytes", served.length, raw).isLessThan(40_000);
		assertThat(gzipped(served)).isLessThan(15_000);
		JsonNode collection = JsonMapper.shared().readTree(served);
		assertThat(collection.get("features")).hasSize(16);
		assertThat(collection.get("features").get(0).get("properties").get("name").asString()).isEqualTo("Azcapotzalco");

		assertThat(districts.any()).isTrue();
		assertThat(districts.attribution()).isEqualTo("INEGI");
		// the Zócalo is in Cuauhtémoc; Toluca is in none of the city's districts
		assertThat(districts.at(new double[] { -99.1332, 19.4326 })).contains("Cuauhtémoc");
		assertThat(districts.at(new double[] { -99.6557, 19.2826 })).isEmpty();
		assertThat(districts.at(null)).isEmpty();
	}

	@Test
	void aCityWithoutDistrictsHasAnEmptyCollectionAndABadFileStopsTheStart() {
		Districts none = new Districts(new CitySettings("UTC", "", "", "none"), new DefaultResourceLoader());
		assertThat(none.any()).isFalse();
		assertThat(new String(none.simplifiedGeoJson())).isEqualTo("{\"type\":\"FeatureCollection\",\"features\":[]}");
		assertThat(none.at(new double[] { -99.1332, 19.4326 })).isEmpty();

		assertThatThrownBy(() -> new Districts(new CitySettings("UTC", "classpath:no/such/file.geojson", "", "none"),
				new DefaultResourceLoader())).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("cabildo.city.districts");
		assertThatThrownBy(() -> new Districts(new CitySettings("UTC", "classpath:i18n/map.properties", "", "none"),
				new DefaultResourceLoader())).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("cabildo.city.districts");
	}

	private static int gzipped(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		return out.size();
	}

}
