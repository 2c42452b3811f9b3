package org.cabildo.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.importing.ImportMapping.Convention;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The mapping reader, both CSV shapes, the time conventions and sentinels, without a server. */
class MappingAndFilesTest {

	private static final String PARAMETERS = """
			parameters:
			  O3:
			    observed_property: {name: O3, definition: "urn:o3"}
			    unit: {code: "[ppb]"}
			  PM10:
			    column: pm10
			    observed_property: {name: PM10, definition: "urn:pm10"}
			    unit: {code: ug/m3}
			""";

	@Test
	@DisplayName("the shipped demo mapping reads, with its six pollutants and their UCUM units")
	void demoMapping() {
		ImportMapping mapping = MappingReader.read(getClass().getResourceAsStream("/demo/mexico-city/mapping.yaml"),
				"mapping.yaml");
		assertThat(mapping.parameters()).containsOnlyKeys("O3", "NO2", "SO2", "CO", "PM10", "PM2.5");
		assertThat(mapping.parameters().get("CO").unit().code()).isEqualTo("[ppm]");
		assertThat(mapping.readings().convention()).isEqualTo(Convention.HOUR_ENDING);
		assertThat(mapping.things().properties().get("inCdmx").type()).isEqualTo("boolean");
		assertThat(mapping.declaration().template()).containsEntry("accessLevel", "open");
	}

	@Test
	@DisplayName("a misspelt key and a wrong value are one-line errors with file:line:column")
	void invalidMappings() {
		assertThatThrownBy(() -> read("""
				things: {file: s.csv, id: id, name: name, latitude: lat, longitude: lon}
				readings:
				  file: r.csv
				  station: station
				  time: time
				  parameter: p
				  value: v
				  tme_zone: UTC
				""" + PARAMETERS)).isInstanceOf(InvalidInput.class).hasMessageMatching("m\\.yaml:(8|9):\\d+: unknown key 'tme_zone' .*")
			.hasMessageContaining("time_zone").satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
		assertThatThrownBy(() -> read("""
				things: {file: s.csv, id: id, name: name, latitude: lat, longitude: lon}
				readings:
				  file: r.csv
				  station: station
				  time: time
				  parameter: p
				  value: v
				  time_zone: America/Mexico
				""" + PARAMETERS)).isInstanceOf(InvalidInput.class).hasMessageMatching("m\\.yaml:\\d+:\\d+: .*")
			.hasMessageContaining("'America/Mexico' is no IANA time zone");
		assertThatThrownBy(() -> read("""
				things: {file: s.csv, id: id, name: name, latitude: lat, longitude: lon}
				readings: {file: r.csv, station: s, time: t, shape: long}
				""" + PARAMETERS)).isInstanceOf(InvalidInput.class).hasMessageContaining("need 'parameter' and 'value'");
		assertThatThrownBy(() -> read("""
				things: {file: s.csv, id: id, name: name, latitude: lat, longitude: lon}
				readings: {file: r.csv, station: s, time: t, convention: hour-middle, parameter: p, value: v}
				""" + PARAMETERS)).isInstanceOf(InvalidInput.class).hasMessageStartingWith("m.yaml:2:")
			.hasMessageContaining("hour-middle");
	}

	@Test
	@DisplayName("hour-ending: 24:00 is the next day's 00:00; a local time takes the zone's offset; never UTC silently")
	void timeConventions() throws Exception {
		TimeReading ending = new TimeReading("iso", "America/Mexico_City", Convention.HOUR_ENDING);
		assertThat(ending.read("2024-01-31T24:00")).isEqualTo(OffsetDateTime.parse("2024-02-01T00:00-06:00"));
		assertThat(ending.read("2024-01-31T24:00:00-06:00")).isEqualTo(OffsetDateTime.parse("2024-02-01T00:00-06:00"));
		assertThat(ending.read("2024-01-31T13:00")).isEqualTo(OffsetDateTime.parse("2024-01-31T13:00-06:00"));
		assertThat(ending.read("2024-01-31T13:00+02:00")).as("an offset written is kept")
			.isEqualTo(OffsetDateTime.parse("2024-01-31T13:00+02:00"));
		TimeReading madrid = new TimeReading("dd/MM/yyyy HH:mm", "Europe/Madrid", Convention.HOUR_ENDING);
		assertThat(madrid.read("15/07/2024 24:00")).isEqualTo(OffsetDateTime.parse("2024-07-16T00:00+02:00"));
		assertThat(madrid.read("15/01/2024 09:00")).isEqualTo(OffsetDateTime.parse("2024-01-15T09:00+01:00"));
		assertThatThrownBy(() -> madrid.read("31/03/2024 02:30")).hasMessageContaining("does not exist in Europe/Madrid");
		assertThatThrownBy(() -> madrid.read("30/02/2024 01:00")).hasMessageContaining("not of the mapping's time_format");
		TimeReading beginning = new TimeReading("iso", "UTC", Convention.HOUR_BEGINNING);
		assertThatThrownBy(() -> beginning.read("2024-01-31T24:00")).hasMessageContaining("hour-ending convention only");
		TimeReading noZone = new TimeReading("iso", null, Convention.INSTANT);
		assertThatThrownBy(() -> noZone.read("2024-01-31T13:00")).hasMessageContaining("no offset")
			.hasMessageContaining("no time_zone");
	}

	@Test
	@DisplayName("a time read again (as a file repeats it for every station) reads the same, a refused one is refused again")
	void timesReadAgain() throws Exception {
		TimeReading ending = new TimeReading("iso", "America/Mexico_City", Convention.HOUR_ENDING);
		for (int round = 0; round < 3; round++) {
			// more distinct times than it remembers, so that it also forgets and reads them anew
			for (int hour = 0; hour < 240_000; hour += 7) {
				OffsetDateTime expected = OffsetDateTime.parse("2024-01-01T00:00-06:00").plusHours(hour);
				assertThat(ending.read(expected.toLocalDateTime().toString())).isEqualTo(expected);
			}
			assertThatThrownBy(() -> ending.read("2024-02-30T01:00")).as("a time refused once").isInstanceOf(Exception.class)
				.hasMessageContaining("2024-02-30T01:00");
		}
	}

	@Test
	@DisplayName("a long CSV: sentinels, empty cells, words and wrong units are refused with their reason")
	void longReadings() {
		ImportMapping mapping = read("""
				things: {file: s.csv, id: id, name: name, latitude: lat, longitude: lon}
				readings:
				  file: r.csv
				  station: station
				  time: time
				  parameter: parameter
				  value: value
				  unit: unit
				  time_zone: America/Mexico_City
				  convention: hour-ending
				  sentinels: ["-99", NA]
				""" + PARAMETERS);
		List<Row> rows = rows(mapping, """
				station,time,parameter,value,unit
				A,2024-01-01T24:00,O3,41.5,[ppb]
				A,2024-01-02T01:00,O3,-99,[ppb]
				A,2024-01-02T02:00,O3,-99.0,[ppb]
				A,2024-01-02T03:00,O3,NA,[ppb]
				A,2024-01-02T04:00,O3,,[ppb]
				A,2024-01-02T05:00,O3,abc,[ppb]
				A,2024-01-02T06:00,O3,30,ug/m3
				A,2024-01-02T07:00,CO,1.2,[ppm]
				"B, the second",2024-01-02T08:00,PM10,12,ug/m3
				""");
		assertThat(rows).hasSize(9);
		Row.Candidate first = (Row.Candidate) rows.get(0);
		assertThat(first.time()).isEqualTo(OffsetDateTime.parse("2024-01-02T00:00-06:00"));
		assertThat(first.value()).isEqualTo(41.5);
		assertThat(first.line()).isEqualTo(2);
		assertThat(reasons(rows)).containsExactly(null, "missing value (sentinel '-99')", "missing value (sentinel '-99')",
				"missing value (sentinel 'NA')", "missing value (empty)", "value 'abc' is not a number",
				"unit 'ug/m3' is not the mapping's unit of O3 ('[ppb]')", "parameter 'CO' is not in the mapping", null);
		assertThat(((Row.Candidate) rows.get(8)).station()).as("a quoted cell").isEqualTo("B, the second");
	}

	@Test
	@DisplayName("a wide CSV: one value per parameter column, each refused or kept on its own")
	void wideReadings() {
		ImportMapping mapping = read("""
				things: {file: s.csv, id: id, name: name, latitude: lat, longitude: lon}
				readings: {file: r.csv, shape: wide, station: site, time: when, time_zone: Europe/Madrid, sentinels: ["-99"]}
				""" + PARAMETERS);
		List<Row> rows = rows(mapping, """
				site,when,O3,pm10,ignored
				X,2024-07-01T10:00,55,-99,z
				X,2024-07-01T11:00+00:00,56,20,z
				""");
		assertThat(rows).hasSize(4);
		assertThat(rows).extracting(Row::parameter).containsExactly("O3", "PM10", "O3", "PM10");
		assertThat(reasons(rows)).containsExactly(null, "missing value (sentinel '-99')", null, null);
		assertThat(((Row.Candidate) rows.get(0)).time()).isEqualTo(OffsetDateTime.parse("2024-07-01T10:00+02:00"));
		assertThat(((Row.Candidate) rows.get(3)).value()).isEqualTo(20.0);
		assertThat(rows.get(3).record()).isEqualTo(1);
	}

	@Test
	@DisplayName("a missing column of the mapping stops before any row, naming the file and the header")
	void missingColumn() {
		ImportMapping mapping = read("""
				things: {file: s.csv, id: id, name: name, latitude: lat, longitude: lon}
				readings: {file: r.csv, station: station, time: time, parameter: parameter, value: value}
				""" + PARAMETERS);
		assertThatThrownBy(() -> rows(mapping, "station,time,param,value\n")).isInstanceOf(InvalidInput.class)
			.hasMessageStartingWith("r.csv:1:1: there is no column 'parameter'");
	}

	@Test
	@DisplayName("stations from GeoJSON and from CSV, with typed properties")
	void stations() {
		ImportMapping fromGeoJson = read("""
				things: {file: s.geojson, id: code, name: label, properties: {height: {column: h, type: number}}}
				readings: {file: r.csv, station: station, time: time, parameter: parameter, value: value}
				""" + PARAMETERS);
		Map<String, String> files = Map.of("s.geojson", """
				{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point",
				"coordinates":[-3.7,40.4,650]},"properties":{"code":"M1","label":"Madrid 1","h":4}}]}""");
		List<Site> sites = SitesFile.read(fromGeoJson, source(files));
		assertThat(sites).singleElement().satisfies(site -> {
			assertThat(site.id()).isEqualTo("M1");
			assertThat(site.longitude()).isEqualTo(-3.7);
			assertThat(site.altitude()).isEqualTo(650.0);
			assertThat(site.properties()).containsEntry("height", 4.0);
		});
	}

	private static List<String> reasons(List<Row> rows) {
		List<String> reasons = new ArrayList<>();
		rows.forEach(row -> reasons.add(row instanceof Row.Refused refused ? refused.reason() : null));
		return reasons;
	}

	private static List<Row> rows(ImportMapping mapping, String csv) {
		List<Row> rows = new ArrayList<>();
		try (ReadingsFile file = new ReadingsFile(mapping, source(Map.of(mapping.readings().file(), csv)))) {
			while (file.next(rows)) {
				// all of them
			}
		}
		return rows;
	}

	static Source source(Map<String, String> files) {
		Map<String, String> copy = new HashMap<>(files);
		return name -> {
			String text = copy.get(name);
			if (text == null) {
				throw new InvalidInput(name + ": there is no such file");
			}
			return (InputStream) new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
		};
	}

	private static ImportMapping read(String yaml) {
		return MappingReader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "m.yaml");
	}

}
