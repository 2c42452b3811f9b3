package org.cabildo.indicators.air;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The NOM-172-SEMARNAT-2019 band tables, every boundary: a value equal to a band's upper limit is
 * in that band, the next value the table can be written with (its last decimal plus one) in the
 * next. The table below is written out again from the sources named in {@link Indices}, not read
 * from the code.
 */
class IndicesTest {

	private static final Index NOM = Indices.NOM_172_SEMARNAT_2019;

	private static final List<String> CATEGORIES = List.of("buena", "aceptable", "mala", "muy-mala",
			"extremadamente-mala");

	/** pollutant, averaging, unit, then the upper limits of Buena, Aceptable, Mala and Muy mala. */
	private static final String TABLE = """
			O3    HOUR                   PPM                         0.051 0.095 0.135 0.175
			O3    EIGHT_HOURS            PPM                         0.051 0.070 0.092 0.114
			NO2   HOUR                   PPM                         0.107 0.210 0.230 0.250
			SO2   DAY                    PPM                         0.008 0.110 0.165 0.220
			CO    EIGHT_HOURS            PPM                         8.75  11.00 13.30 15.50
			PM10  TWELVE_HOURS_WEIGHTED  MICROGRAMS_PER_CUBIC_METRE  50    75    155   235
			PM2_5 TWELVE_HOURS_WEIGHTED  MICROGRAMS_PER_CUBIC_METRE  25    45    79    147
			""";

	@Test
	void everyBoundaryOfEveryTableFallsInTheRightBand() {
		List<String> rows = TABLE.lines().filter(line -> !line.isBlank()).toList();
		assertThat(NOM.scales()).hasSize(rows.size());
		for (String row : rows) {
			String[] cells = row.trim().split("\\s+");
			Pollutant pollutant = Pollutant.valueOf(cells[0]);
			Averaging averaging = Averaging.valueOf(cells[1]);
			Unit unit = Unit.valueOf(cells[2]);
			Scale scale = NOM.scales()
				.stream()
				.filter(s -> s.pollutant() == pollutant && s.averaging() == averaging)
				.findFirst()
				.orElseThrow(() -> new AssertionError("no table for " + row));
			assertThat(scale.unit()).as(row).isEqualTo(unit);
			assertThat(category(scale, "0", unit)).as(row + " at zero").isEqualTo("buena");
			for (int i = 0; i < 4; i++) {
				BigDecimal limit = new BigDecimal(cells[3 + i]);
				BigDecimal next = limit.add(BigDecimal.ONE.movePointLeft(limit.scale()));
				assertThat(category(scale, limit.toPlainString(), unit)).as(row + " at " + limit)
					.isEqualTo(CATEGORIES.get(i));
				assertThat(category(scale, next.toPlainString(), unit)).as(row + " at " + next)
					.isEqualTo(CATEGORIES.get(i + 1));
			}
			assertThat(category(scale, "100000", unit)).as(row + " far above").isEqualTo("extremadamente-mala");
		}
	}

	@Test
	void anHourlyValueInPpbIsHeldAgainstTheTablesInPpmExactly() {
		// the demo city's gases come in ppb: 51 ppb of ozone is 0.051 ppm, still Buena
		assertThat(hourly(Pollutant.O3, "51", Unit.PPB)).isEqualTo("buena");
		assertThat(hourly(Pollutant.O3, "52", Unit.PPB)).isEqualTo("aceptable");
		assertThat(hourly(Pollutant.O3, "95", Unit.PPB)).isEqualTo("aceptable");
		assertThat(hourly(Pollutant.O3, "96", Unit.PPB)).isEqualTo("mala");
		assertThat(hourly(Pollutant.O3, "176", Unit.PPB)).isEqualTo("extremadamente-mala");
		assertThat(hourly(Pollutant.NO2, "107", Unit.PPB)).isEqualTo("buena");
		assertThat(hourly(Pollutant.NO2, "108", Unit.PPB)).isEqualTo("aceptable");
		assertThat(hourly(Pollutant.SO2, "8", Unit.PPB)).isEqualTo("buena");
		assertThat(hourly(Pollutant.SO2, "9", Unit.PPB)).isEqualTo("aceptable");
		assertThat(hourly(Pollutant.CO, "8.75", Unit.PPM)).isEqualTo("buena");
		assertThat(hourly(Pollutant.CO, "8.76", Unit.PPM)).isEqualTo("aceptable");
		assertThat(hourly(Pollutant.PM10, "155", Unit.MICROGRAMS_PER_CUBIC_METRE)).isEqualTo("mala");
		assertThat(hourly(Pollutant.PM2_5, "45.5", Unit.MICROGRAMS_PER_CUBIC_METRE)).isEqualTo("mala");
		// ozone in µg/m³, through its molar mass at 25 °C: 100 µg/m³ is about 50.9 ppb
		assertThat(hourly(Pollutant.O3, "100", Unit.MICROGRAMS_PER_CUBIC_METRE)).isEqualTo("buena");
		assertThat(hourly(Pollutant.O3, "110", Unit.MICROGRAMS_PER_CUBIC_METRE)).isEqualTo("aceptable");
	}

	@Test
	void anHourlyValueIsHeldAgainstThePollutantsShortestTable() {
		assertThat(NOM.scaleForHourlyValue(Pollutant.O3).orElseThrow().averaging()).isEqualTo(Averaging.HOUR);
		assertThat(NOM.scaleForHourlyValue(Pollutant.CO).orElseThrow().averaging()).isEqualTo(Averaging.EIGHT_HOURS);
		assertThat(NOM.scaleForHourlyValue(Pollutant.PM2_5).orElseThrow().averaging())
			.isEqualTo(Averaging.TWELVE_HOURS_WEIGHTED);
		// particles are never in ppb: no category rather than a guess
		assertThat(NOM.classifyHourlyValue(Pollutant.PM10, Concentration.of("30", Unit.PPB))).isEmpty();
	}

	@Test
	void aCityNamesItsIndexOrNone() {
		assertThat(Indices.named("nom-172-semarnat-2019")).contains(NOM);
		assertThat(Indices.named("none")).isEmpty();
		assertThat(Indices.named("")).isEmpty();
		assertThat(Indices.named(null)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> Indices.named("nom-172"))
			.withMessageContaining("cabildo.city.air-index")
			.withMessageContaining("CABILDO_CITY_AIR_INDEX")
			.withMessageContaining("nom-172-semarnat-2019")
			.withMessageContaining("none");
	}

	@Test
	void aTableWithAGapOrWithoutAnOpenEndIsRefused() {
		Category good = new Category("good", 1);
		Category bad = new Category("bad", 2);
		assertThatIllegalArgumentException().isThrownBy(() -> new Scale(Pollutant.O3, Averaging.HOUR, Unit.PPM,
				List.of(new Band(good, null, new BigDecimal("0.05")), new Band(bad, new BigDecimal("0.06"), null))));
		assertThatIllegalArgumentException().isThrownBy(() -> new Scale(Pollutant.O3, Averaging.HOUR, Unit.PPM,
				List.of(new Band(good, null, new BigDecimal("0.05")),
						new Band(bad, new BigDecimal("0.05"), new BigDecimal("0.1")))));
		assertThatIllegalArgumentException().isThrownBy(() -> new Band(good, new BigDecimal("2"), BigDecimal.ONE));
	}

	private static String category(Scale scale, String value, Unit unit) {
		return scale.band(Concentration.of(value, unit)).orElseThrow().category().id();
	}

	private static String hourly(Pollutant pollutant, String value, Unit unit) {
		return NOM.classifyHourlyValue(pollutant, Concentration.of(value, unit)).orElseThrow().category().id();
	}

}
