package org.cabildo.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.cabildo.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** The city's districts ({@code cabildo.city.districts}) are imported at start, and again to no change. */
@IntegrationTest
@TestPropertySource(properties = "cabildo.city.districts=classpath:demo/mexico-city/districts.geojson")
class DistrictsAtStartTest {

	@Autowired
	DistrictRegister register;

	@Autowired
	DistrictImport imports;

	@Test
	void theCitysFileIsImportedAtStartAndAgainChangesNothing() throws Exception {
		District cuauhtemoc = register.byId("09015").orElseThrow();
		assertThat(cuauhtemoc.name()).isEqualTo("Cuauhtémoc");
		assertThat(cuauhtemoc.population()).isEqualTo(545884L);
		assertThat(register.population("09007")).hasValue(1_835_486L);
		byte[] file;
		try (InputStream in = getClass().getResourceAsStream("/demo/mexico-city/districts.geojson")) {
			file = in.readAllBytes();
		}
		DistrictImport.Imported again = imports.put(file, DistrictsFile.DEFAULT);
		assertThat(again.unchanged()).isEqualTo(16);
		assertThat(again.added() + again.changed()).isZero();
	}

}
