package org.cabildo.indicators.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

/** Units of air-quality values, and the conversions between them at 25 °C and 1 atm (24.45 L/mol). */
class ConcentrationTest {

	@Test
	void ppbAndPpmAreAPowerOfTenApartExactly() {
		assertThat(Concentration.of("51", Unit.PPB).in(Unit.PPM, Pollutant.O3).orElseThrow().value())
			.isEqualByComparingTo("0.051");
		assertThat(Concentration.of("0.23", Unit.PPM).in(Unit.PPB, Pollutant.CO).orElseThrow().value())
			.isEqualByComparingTo("230");
		assertThat(Concentration.of("4", Unit.MILLIGRAMS_PER_CUBIC_METRE)
			.in(Unit.MICROGRAMS_PER_CUBIC_METRE, Pollutant.CO)
			.orElseThrow()
			.value()).isEqualByComparingTo("4000");
	}

	@Test
	void mixingRatiosBecomeMassesThroughTheMolarMass() {
		// µg/m³ = ppb × M / 24.45
		assertThat(rounded(Concentration.of("10", Unit.PPB).in(Unit.MICROGRAMS_PER_CUBIC_METRE, Pollutant.NO2)))
			.isEqualByComparingTo("18.82");
		assertThat(rounded(Concentration.of("100", Unit.MICROGRAMS_PER_CUBIC_METRE).in(Unit.PPB, Pollutant.O3)))
			.isEqualByComparingTo("50.94");
		assertThat(rounded(Concentration.of("1", Unit.PPM).in(Unit.MILLIGRAMS_PER_CUBIC_METRE, Pollutant.CO)))
			.isEqualByComparingTo("1.15");
		assertThat(rounded(Concentration.of("40", Unit.MICROGRAMS_PER_CUBIC_METRE).in(Unit.PPB, Pollutant.SO2)))
			.isEqualByComparingTo("15.26");
	}

	@Test
	void particlesHaveNoMixingRatio() {
		assertThat(Concentration.of("30", Unit.PPB).in(Unit.MICROGRAMS_PER_CUBIC_METRE, Pollutant.PM10)).isEmpty();
		assertThat(Concentration.of("30", Unit.MICROGRAMS_PER_CUBIC_METRE).in(Unit.MICROGRAMS_PER_CUBIC_METRE,
				Pollutant.PM10)).isPresent();
	}

	@Test
	void unitsAndPollutantsAreRecognisedAsDatastreamsWriteThem() {
		assertThat(Unit.of("[ppb]")).contains(Unit.PPB);
		assertThat(Unit.of("ppm")).contains(Unit.PPM);
		assertThat(Unit.of("ug/m3")).contains(Unit.MICROGRAMS_PER_CUBIC_METRE);
		assertThat(Unit.of("µg/m³")).contains(Unit.MICROGRAMS_PER_CUBIC_METRE);
		assertThat(Unit.of("degC")).isEmpty();
		assertThat(Pollutant.named("PM2.5")).contains(Pollutant.PM2_5);
		assertThat(Pollutant.named("pm25")).contains(Pollutant.PM2_5);
		assertThat(Pollutant.named(" o3 ")).contains(Pollutant.O3);
		assertThat(Pollutant.named("Temperature")).isEmpty();
	}

	@Test
	void theWhoGuidelinesOf2021() {
		Guidelines who = Guidelines.WHO_2021;
		assertThat(guideline(who.shortTerm(Pollutant.PM2_5).orElseThrow())).isEqualTo("DAY 15 MICROGRAMS_PER_CUBIC_METRE");
		assertThat(guideline(who.longTerm(Pollutant.PM2_5).orElseThrow())).isEqualTo("YEAR 5 MICROGRAMS_PER_CUBIC_METRE");
		assertThat(guideline(who.shortTerm(Pollutant.PM10).orElseThrow())).isEqualTo("DAY 45 MICROGRAMS_PER_CUBIC_METRE");
		assertThat(guideline(who.longTerm(Pollutant.PM10).orElseThrow())).isEqualTo("YEAR 15 MICROGRAMS_PER_CUBIC_METRE");
		assertThat(guideline(who.shortTerm(Pollutant.NO2).orElseThrow())).isEqualTo("DAY 25 MICROGRAMS_PER_CUBIC_METRE");
		assertThat(guideline(who.longTerm(Pollutant.NO2).orElseThrow())).isEqualTo("YEAR 10 MICROGRAMS_PER_CUBIC_METRE");
		assertThat(guideline(who.shortTerm(Pollutant.O3).orElseThrow()))
			.isEqualTo("EIGHT_HOURS 100 MICROGRAMS_PER_CUBIC_METRE");
		assertThat(guideline(who.longTerm(Pollutant.O3).orElseThrow()))
			.isEqualTo("PEAK_SEASON 60 MICROGRAMS_PER_CUBIC_METRE");
		assertThat(guideline(who.shortTerm(Pollutant.SO2).orElseThrow())).isEqualTo("DAY 40 MICROGRAMS_PER_CUBIC_METRE");
		assertThat(who.longTerm(Pollutant.SO2)).isEmpty();
		assertThat(guideline(who.shortTerm(Pollutant.CO).orElseThrow())).isEqualTo("DAY 4 MILLIGRAMS_PER_CUBIC_METRE");
	}

	private static String guideline(Guideline guideline) {
		return guideline.averaging() + " " + guideline.value().value().toPlainString() + " " + guideline.value().unit();
	}

	private static BigDecimal rounded(java.util.Optional<Concentration> value) {
		return value.orElseThrow().value().setScale(2, RoundingMode.HALF_UP);
	}

}
