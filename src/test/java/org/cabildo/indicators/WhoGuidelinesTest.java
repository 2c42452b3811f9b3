package org.cabildo.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.cabildo.indicators.air.Averaging;
import org.cabildo.indicators.air.Pollutant;
import org.cabildo.indicators.air.Unit;
import org.junit.jupiter.api.Test;

/**
 * The catalogue against WHO 2021, Table 0.1, written out again here from the table (not read
 * from the code), and the ppb conversion against the factors WHO's reference conditions give.
 */
class WhoGuidelinesTest {

	/** code, pollutant, averaging, level in µg/m³. */
	private static final String TABLE = """
			who-2021-pm25-24h        PM2_5  DAY                        15
			who-2021-pm25-annual     PM2_5  YEAR                        5
			who-2021-pm10-24h        PM10   DAY                        45
			who-2021-pm10-annual     PM10   YEAR                       15
			who-2021-no2-24h         NO2    DAY                        25
			who-2021-no2-annual      NO2    YEAR                       10
			who-2021-o3-8h           O3     EIGHT_HOURS               100
			who-2021-o3-peak-season  O3     PEAK_SEASON                60
			""";

	@Test
	void everyLevelOfTheTableIsInTheCatalogueAndNothingElse() {
		List<String> rows = TABLE.lines().filter(line -> !line.isBlank()).toList();
		assertThat(WhoGuidelines.ALL).hasSize(rows.size());
		for (String row : rows) {
			String[] cells = row.trim().split("\\s+");
			WhoGuideline guideline = WhoGuidelines.byCode(cells[0]).orElseThrow(() -> new AssertionError(row));
			assertThat(guideline.pollutant()).as(row).isEqualTo(Pollutant.valueOf(cells[1]));
			assertThat(guideline.averaging()).as(row).isEqualTo(Averaging.valueOf(cells[2]));
			assertThat(guideline.level()).as(row).isEqualTo(Double.parseDouble(cells[3]));
			assertThat(guideline.unit()).as(row).isEqualTo("µg/m³");
			assertThat(guideline.reference()).as(row).contains("9789240034228").contains("Table 0.1");
		}
	}

	@Test
	void aPollutantHasItsShortAndLongTermLevels() {
		assertThat(WhoGuidelines.of(Pollutant.O3)).containsExactly(WhoGuidelines.O3_EIGHT_HOURS,
				WhoGuidelines.O3_PEAK_SEASON);
		assertThat(WhoGuidelines.of(Pollutant.O3)).extracting(WhoGuideline::isShortTerm)
			.containsExactly(true, false);
		assertThat(WhoGuidelines.byCode("who-2021-so2-24h")).isEmpty();
	}

	@Test
	void aPartPerBillionIsWhatWhoSaysAt25DegreesAndOneAtmosphere() {
		assertThat(microgramsOf(1, Pollutant.NO2)).isCloseTo(1.88, within(0.005));
		assertThat(microgramsOf(1, Pollutant.O3)).isCloseTo(1.96, within(0.005));
		// 46.01 g/mol / 24.45 L/mol × 10 ppb
		assertThat(microgramsOf(10, Pollutant.NO2)).isCloseTo(18.818, within(0.001));
		// 100 µg/m³ × 24.45 / 48.00
		assertThat(WhoGuidelines.O3_EIGHT_HOURS.levelInPpb().getAsDouble()).isCloseTo(50.9375, within(1e-9));
		assertThat(WhoGuidelines.NO2_DAY.levelInPpb().getAsDouble()).isCloseTo(13.285, within(0.001));
	}

	@Test
	void particlesHaveNoMixingRatio() {
		assertThat(HourMean.inMicrograms(List.of(new HourMean(java.time.Instant.EPOCH, 1)), Pollutant.PM2_5, Unit.PPB))
			.isEmpty();
		assertThat(WhoGuidelines.PM10_DAY.levelInPpb()).isEmpty();
	}

	private static double microgramsOf(double ppb, Pollutant pollutant) {
		return HourMean.inMicrograms(List.of(new HourMean(java.time.Instant.EPOCH, ppb)), pollutant, Unit.PPB)
			.orElseThrow()
			.getFirst()
			.mean();
	}

}
