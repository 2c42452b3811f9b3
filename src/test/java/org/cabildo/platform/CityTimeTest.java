package org.cabildo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CityTimeTest {

	@Test
	@DisplayName("an IANA name is the city's zone; anything else stops the start naming the setting and what it takes")
	void zoneNames() {
		assertThat(CityTime.of("America/Mexico_City").name()).isEqualTo("America/Mexico_City");
		assertThat(CityTime.of(" UTC ").name()).isEqualTo("UTC");
		assertThatIllegalArgumentException().isThrownBy(() -> CityTime.of("Mexico City"))
			.withMessageContaining("cabildo.city.time-zone")
			.withMessageContaining("CABILDO_CITY_TIME_ZONE")
			.withMessageContaining("'Mexico City' is not a time zone")
			.withMessageContaining("America/Mexico_City");
	}

}
