package org.cabildo.sensing.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;

import javax.measure.Unit;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/** UCUM units through the units library, and a gas's ppb to ug/m3 at 25 °C and 1 atm. */
class UnitChangeTest {

	private static final Optional<Gas> OZONE = Gas.of("O3", null, null);

	private static Unit<?> unit(String symbol) {
		return UcumUnits.parse(symbol).orElseThrow();
	}

	private static Conversion possible(String from, String to, Optional<Gas> gas) {
		UnitChange change = UnitChange.of(from, unit(to), gas);
		assertThat(change).isInstanceOf(UnitChange.Possible.class);
		return ((UnitChange.Possible) change).conversion();
	}

	// ---- published figures (WHO air quality guidelines, 25 °C and 1 atm) ----

	@Test
	void onePpbOfOzoneIs196MicrogramsPerCubicMetre() {
		assertThat(possible("[ppb]", "ug/m3", OZONE).apply(1)).isCloseTo(1.96, within(0.005));
	}

	@Test
	void onePpbOfNitrogenDioxideIs188MicrogramsPerCubicMetre() {
		Optional<Gas> no2 = Gas.of("Nitrogen dioxide", "http://dd.eionet.europa.eu/vocabulary/aq/pollutant/8", null);
		assertThat(possible("[ppb]", "ug/m3", no2).apply(1)).isCloseTo(1.88, within(0.005));
	}

	@Test
	void onePpbOfSulphurDioxideIs262MicrogramsPerCubicMetre() {
		Optional<Gas> so2 = Gas.of("whatever", "http://dd.eionet.europa.eu/vocabulary/aq/pollutant/1", null);
		assertThat(possible("[ppb]", "ug/m3", so2).apply(1)).isCloseTo(2.62, within(0.005));
	}

	@Test
	void onePpmOfCarbonMonoxideIs1145MilligramsPerCubicMetre() {
		Optional<Gas> co = Gas.of("carbon monoxide", null, null);
		assertThat(possible("[ppm]", "mg/m3", co).apply(1)).isCloseTo(1.145, within(0.001));
		assertThat(possible("[ppm]", "ug/m3", co).apply(1)).isCloseTo(1145.6, within(0.5));
	}

	@Test
	void oneHundredMicrogramsOfOzoneAreAbout51Ppb() {
		// The WHO 8-hour ozone guideline, 100 ug/m3, is "about 51 ppb".
		assertThat(possible("ug/m3", "[ppb]", OZONE).apply(100)).isCloseTo(50.9, within(0.1));
	}

	@Test
	void aMolarMassPropertyNamesAnyOtherGas() {
		Optional<Gas> methane = Gas.of("Methane", "http://example.org/ch4", 16.04);
		assertThat(possible("[ppm]", "mg/m3", methane).apply(1)).isCloseTo(16.04 / 24.45, within(1e-9));
	}

	// ---- the library's dimensions ----

	@Test
	void celsiusToKelvinAndFahrenheitKeepTheirOffsets() {
		assertThat(possible("Cel", "K", Optional.empty()).apply(25)).isCloseTo(298.15, within(1e-9));
		assertThat(possible("Cel", "[degF]", Optional.empty()).apply(100)).isCloseTo(212, within(1e-9));
	}

	@Test
	void speedsAndPartsConvertWithoutAGas() {
		assertThat(possible("m/s", "km/h", Optional.empty()).apply(10)).isCloseTo(36, within(1e-9));
		assertThat(possible("[ppm]", "[ppb]", Optional.empty()).apply(1)).isCloseTo(1000, within(1e-9));
	}

	@Test
	void displaySymbolsWithMicroAndSuperscriptsAreRead() {
		assertThat(UcumUnits.parse("µg/m³")).isPresent();
		assertThat(possible("µg/m³", "mg/m3", Optional.empty()).apply(1000)).isCloseTo(1, within(1e-12));
	}

	@Test
	void whatCannotBeConvertedSaysWhy() {
		assertThat(UnitChange.of("ppb", unit("ug/m3"), OZONE)).isInstanceOfSatisfying(UnitChange.Impossible.class,
				impossible -> assertThat(impossible.reason()).contains("'ppb' is not a UCUM unit"));
		assertThat(UnitChange.of("Cel", unit("ug/m3"), OZONE)).isInstanceOfSatisfying(UnitChange.Impossible.class,
				impossible -> assertThat(impossible.reason()).contains("not of one dimension"));
		// Particulate matter has no molar mass.
		Optional<Gas> pm10 = Gas.of("PM10", "http://dd.eionet.europa.eu/vocabulary/aq/pollutant/5", null);
		assertThat(pm10).isEmpty();
		assertThat(UnitChange.of("ug/m3", unit("[ppb]"), pm10)).isInstanceOfSatisfying(UnitChange.Impossible.class,
				impossible -> assertThat(impossible.reason()).contains("molar mass"));
		// A logarithmic unit is of dimension one but no straight multiple of a ratio.
		assertThat(UnitChange.of("dB", unit("%"), Optional.empty())).isInstanceOf(UnitChange.Impossible.class);
	}

	@Test
	void unparseableSymbolsAreNoUnitRatherThanAnError() {
		assertThat(UcumUnits.parse("nonsense")).isEmpty();
		assertThat(UcumUnits.parse("")).isEmpty();
		assertThat(UcumUnits.parse(null)).isEmpty();
		assertThat(UcumUnits.parse("((")).isEmpty();
	}

	// ---- properties ----

	@Provide
	Arbitrary<String[]> pairs() {
		return Arbitraries.of(new String[] { "[ppb]", "ug/m3" }, new String[] { "[ppm]", "mg/m3" },
				new String[] { "[ppm]", "ug/m3" }, new String[] { "ug/m3", "[ppb]" }, new String[] { "Cel", "K" },
				new String[] { "Cel", "[degF]" }, new String[] { "m/s", "km/h" }, new String[] { "[ppb]", "[ppm]" },
				new String[] { "mg/m3", "[ppb]" });
	}

	@Provide
	Arbitrary<Optional<Gas>> gases() {
		return Arbitraries.of("O3", "NO2", "SO2", "CO", "NO", "NH3", "H2S", "C6H6")
			.map(formula -> Gas.of(formula, null, null));
	}

	@Property
	void conversionsRoundTrip(@ForAll("pairs") String[] pair, @ForAll("gases") Optional<Gas> gas,
			@ForAll @DoubleRange(min = -1e6, max = 1e6) double value) {
		Conversion there = possible(pair[0], pair[1], gas);
		Conversion back = possible(pair[1], pair[0], gas);
		assertThat(back.apply(there.apply(value))).isCloseTo(value, within(1e-9 * Math.max(1, Math.abs(value))));
		assertThat(there.inverse().apply(there.apply(value)))
			.isCloseTo(value, within(1e-9 * Math.max(1, Math.abs(value))));
	}

	@Property
	void conversionsAreLinear(@ForAll("pairs") String[] pair, @ForAll("gases") Optional<Gas> gas,
			@ForAll @DoubleRange(min = -1e4, max = 1e4) double a, @ForAll @DoubleRange(min = -1e4, max = 1e4) double b,
			@ForAll @DoubleRange(min = -10, max = 10) double k) {
		Conversion change = possible(pair[0], pair[1], gas);
		double zero = change.apply(0);
		// Straight lines: differences scale and add.
		double tolerance = 1e-9 * Math.max(1, Math.abs(change.factor()) * (Math.abs(a) + Math.abs(b)) * 10);
		assertThat(change.apply(a + b) - zero).isCloseTo((change.apply(a) - zero) + (change.apply(b) - zero),
				within(tolerance));
		assertThat(change.apply(k * a) - zero).isCloseTo(k * (change.apply(a) - zero), within(tolerance));
	}

	@Property
	void aGasConvertsInProportionToItsMolarMass(@ForAll @DoubleRange(min = 1, max = 500) double molarMass,
			@ForAll @DoubleRange(min = 0, max = 1e5) double ppb) {
		Optional<Gas> gas = Gas.of("X", null, molarMass);
		assertThat(possible("[ppb]", "ug/m3", gas).apply(ppb))
			.isCloseTo(ppb * molarMass / 24.45, within(1e-9 * Math.max(1, ppb * molarMass)));
	}

}
