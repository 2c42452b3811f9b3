package org.cabildo.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cabildo.IntegrationTest;
import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Person;
import org.cabildo.identity.Role;
import org.cabildo.identity.Tokens;
import org.cabildo.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * {@code ./cabildo import} against a real server on a random port, as a city data officer runs
 * it: a mapping, a stations file, a long or a wide readings file; interrupted, resumed, run
 * again. Every expected value is written down here from the CSV, not computed by the import's
 * code. The organisation is new and has no template until the mapping's is published.
 */
@IntegrationTest
@TestPropertySource(properties = "cabildo.test.declare-datastreams=false")
class ImportCommandTest {

	private static final String PASSWORD = "import-steward-password-4c1e9a";

	@LocalServerPort
	int port;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	Tokens tokens;

	@TempDir
	Path folder;

	private Organisation city;

	private String steward;

	private String token;

	private String prefix;

	@BeforeEach
	void setUp() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		city = organisations.create("import city " + unique);
		steward = "import-" + unique;
		Person person = people.create(steward, PASSWORD, city.id(), "test");
		people.grant(person.id(), city.id(), Role.STEWARD, "test");
		people.grant(person.id(), city.id(), Role.OPERATOR, "test");
		token = tokens.create(person.id(), "import", null, "test").secret();
		prefix = unique + "-";
	}

	@Test
	@DisplayName("a long CSV in local hour-ending time: interrupted, resumed, run again; nothing stored twice, refusals with reasons")
	void longCsvResumedAndRunAgain() throws IOException {
		write("stations.csv", """
				code,label,lat,lon,kind
				%1$sS1,North,19.50,-99.10,urban
				%1$sS2,"South, the old one",19.30,-99.20,
				""".formatted(prefix));
		write("readings.csv", """
				station,time,parameter,value
				%1$sS1,2024-03-01T23:00,O3,40
				%1$sS1,2024-03-01T24:00,O3,41
				%1$sS1,2024-03-02T01:00,O3,-99
				%1$sS1,2024-03-02T02:00,O3,NA
				%1$sS1,2024-03-02T03:00,O3,
				%1$sS1,2024-03-02T04:00,O3,12.5
				%1$sS2,2024-03-01T23:00,PM10,55
				%1$sS2,2024-03-01T24:00,PM10,56
				%1$sS2,2024-03-02T25:00,PM10,5
				%1$sS9,2024-03-02T01:00,O3,3
				%1$sS2,2024-03-02T01:00,O3,7
				%1$sS1,2024-03-02T05:00,O3,13
				""".formatted(prefix));
		Path mapping = write("mapping.yaml", mapping("""
				readings:
				  file: readings.csv
				  station: station
				  time: time
				  parameter: parameter
				  value: value
				  time_zone: America/Mexico_City
				  convention: hour-ending
				  sentinels: ["-99", NA]
				"""));
		// Mexico City has kept UTC-6 all year since 2022: local hour-ending times, by hand
		Map<String, Map<Instant, Double>> expected = new LinkedHashMap<>();
		expected.put("S1/O3", Map.of(Instant.parse("2024-03-02T05:00:00Z"), 40.0, Instant.parse("2024-03-02T06:00:00Z"), 41.0,
				Instant.parse("2024-03-02T10:00:00Z"), 12.5, Instant.parse("2024-03-02T11:00:00Z"), 13.0));
		expected.put("S2/PM10", Map.of(Instant.parse("2024-03-02T05:00:00Z"), 55.0, Instant.parse("2024-03-02T06:00:00Z"), 56.0));
		expected.put("S2/O3", Map.of(Instant.parse("2024-03-02T07:00:00Z"), 7.0));

		Run stopped = run(mapping, "--max-rows", "5");
		assertThat(stopped.status).as("%s", stopped).isZero();
		assertThat(stopped.err).contains("stopped after 5 of 12 records");
		assertThat(stopped.out).contains("Import not finished");
		assertThat(stored("S1", "O3")).as("the first five records: two values, three refused").hasSize(2);

		Run resumed = run(mapping);
		assertThat(resumed.status).as("%s", resumed).isZero();
		assertThat(resumed.err).contains("continuing after record 5");
		assertThat(resumed.out).contains("Import done: 12 records read, 7 observations created, 0 duplicates")
			.contains("5 refused").contains("2 Things and 3 Datastreams created")
			.contains("refused 2: missing value (sentinel '…')").contains("refused 1: missing value (empty)")
			.contains("refused 1: station '…' is not in the stations file");
		expected.forEach((key, values) -> assertThat(stored(key.split("/")[0], key.split("/")[1])).as(key)
			.isEqualTo(values));

		List<String> refused = Files.readAllLines(folder.resolve("state/mapping.refused.csv"));
		assertThat(refused.get(0)).isEqualTo("line,parameter,reason,station,time,parameter,value");
		assertThat(refused).hasSize(6).as("each refused row once, though the run was interrupted")
			.anyMatch(line -> line.startsWith("4,O3,") && line.contains("missing value (sentinel '-99')")
					&& line.endsWith(prefix + "S1,2024-03-02T01:00,O3,-99"))
			.anyMatch(line -> line.startsWith("5,O3,") && line.contains("missing value (sentinel 'NA')"))
			.anyMatch(line -> line.startsWith("10,PM10,") && line.contains("time '2024-03-02T25:00'"))
			.anyMatch(line -> line.contains(prefix + "S9"));

		JsonNode datastream = api().get("/v1.1/Datastreams", "$filter", "properties/siteCode eq '" + prefix
				+ "S1' and properties/parameter eq 'O3'", "$expand", "Thing").json().get("value").get(0);
		assertThat(datastream.get("unitOfMeasurement").get("symbol").asString()).isEqualTo("[ppb]");
		assertThat(datastream.get("name").asString()).isEqualTo("O3 at North");
		assertThat(datastream.get("Thing").get("properties").get("kind").asString()).isEqualTo("urban");
		JsonNode entry = Api.anonymous(port).get("/api/register/" + datastream.get("@iot.id").asLong()).json();
		assertThat(entry.get("origin").get("kind").asString()).as("declared at creation by the mapping's template")
			.isEqualTo("template");

		Run again = run(mapping);
		assertThat(again.status).isZero();
		assertThat(again.err).contains("already done");
		Files.delete(folder.resolve("state/mapping.state.json"));
		Run resent = run(mapping, "--refused", folder.resolve("second.csv").toString());
		assertThat(resent.status).as("%s", resent).isZero();
		assertThat(resent.out).as("the server acknowledges what it holds")
			.contains("0 observations created, 7 duplicates (stored before), 5 refused")
			.contains("0 Things and 0 Datastreams created");
		expected.forEach((key, values) -> assertThat(stored(key.split("/")[0], key.split("/")[1])).as(key)
			.isEqualTo(values));
	}

	@Test
	@DisplayName("stations from GeoJSON, a wide CSV with its own time format and offsets; an account's password instead of a token")
	void wideCsvFromGeoJsonSignedInWithPassword() throws IOException {
		write("stations.geojson", """
				{"type": "FeatureCollection", "features": [
				 {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-3.70, 40.42, 650]},
				  "properties": {"code": "%1$sM1", "label": "Centro", "kind": "traffic"}}]}
				""".formatted(prefix));
		write("wide.csv", """
				site;date;O3;pm10
				%1$sM1;15/07/2024 24:00;55;-99
				%1$sM1;16/07/2024 01:00 +00:00;56;20.5
				""".formatted(prefix).replace(';', ','));
		Path mapping = write("mapping.yaml", mapping("""
				readings:
				  file: wide.csv
				  shape: wide
				  station: site
				  time: date
				  time_format: "dd/MM/yyyy HH:mm[ XXX]"
				  time_zone: Europe/Madrid
				  convention: hour-ending
				  sentinels: ["-99"]
				""").replace("file: stations.csv", "file: stations.geojson").replace("    latitude: lat\n", "")
			.replace("    longitude: lon\n", ""));
		Run done = run(mapping, Map.of("CABILDO_PASSWORD", PASSWORD), "--user", steward);
		assertThat(done.status).as("%s", done).isZero();
		assertThat(done.out).contains("3 observations created").contains("1 refused");
		assertThat(done.out + done.err).doesNotContain(PASSWORD);
		assertThat(stored("M1", "O3")).isEqualTo(Map.of(Instant.parse("2024-07-15T22:00:00Z"), 55.0,
				Instant.parse("2024-07-16T01:00:00Z"), 56.0));
		assertThat(stored("M1", "PM10")).isEqualTo(Map.of(Instant.parse("2024-07-16T01:00:00Z"), 20.5));
		JsonNode thing = api().get("/v1.1/Things", "$filter", "properties/siteCode eq '" + prefix + "M1'", "$expand",
				"Locations").json().get("value").get(0);
		assertThat(thing.get("Locations").get(0).get("location").get("coordinates").get(1).asDouble()).isEqualTo(40.42);
		List<JsonNode> signedIn = api().get("/api/identity/tokens").json().valueStream()
			.filter(t -> t.get("name").asString().startsWith("cabildo import")).toList();
		assertThat(signedIn).as("the token the import signed in with, revoked at its end").singleElement()
			.satisfies(t -> assertThat(t.path("revokedAt").asString(null)).isNotNull());
	}

	@Test
	@DisplayName("a wrong mapping or a missing column: exit 2, one line naming file:line:column, nothing created")
	void invalidInput() throws IOException {
		write("stations.csv", "code,label,lat,lon,kind\n" + prefix + "X,x,1,2,\n");
		write("readings.csv", "station,when,parameter,value\n");
		Path typo = write("mapping.yaml", mapping("""
				readings:
				  file: readings.csv
				  station: station
				  time: time
				  parameter: parameter
				  value: value
				  sentinel: ["-99"]
				"""));
		Run misspelt = run(typo);
		assertThat(misspelt.status).isEqualTo(2);
		assertThat(misspelt.err.strip()).matches("cabildo import: .*mapping\\.yaml:\\d+:\\d+: unknown key 'sentinel' .*")
			.doesNotContain("\n");
		Path column = write("mapping.yaml", mapping("""
				readings: {file: readings.csv, station: station, time: time, parameter: parameter, value: value}
				"""));
		Run missing = run(column);
		assertThat(missing.status).isEqualTo(2);
		assertThat(missing.err).contains("readings.csv:1:1: there is no column 'time'");
		assertThat(api().get("/v1.1/Things", "$filter", "properties/siteCode eq '" + prefix + "X'").json().get("value"))
			.isEmpty();
		assertThat(run(folder.resolve("none.yaml")).status).isEqualTo(2);
		Run help = run(null, "--help");
		assertThat(help.status).isZero();
		assertThat(help.out).contains("Usage: ./cabildo import MAPPING.yaml");
	}

	@Test
	@DisplayName("the shipped demo mapping over HTTP: its template is accepted and the first records land with their values")
	void demoMappingOverHttp() throws IOException {
		String key = "rama_" + prefix.replace("-", "");
		Path mapping = write("mapping.yaml", TestMappings.demo(city.name(), key));
		for (String file : List.of("stations.csv", "air_hourly.csv.gz")) {
			try (var in = getClass().getResourceAsStream("/demo/mexico-city/" + file)) {
				Files.copy(in, folder.resolve(file));
			}
		}
		Run first = run(mapping, "--max-rows", "300");
		assertThat(first.status).as("%s", first).isZero();
		assertThat(first.out).contains("300 records read, 300 observations created, 0 duplicates");
		JsonNode co = api().get("/v1.1/Datastreams", "$filter", "properties/" + key + " eq 'AJM' and properties/pollutant eq 'CO'",
				"$expand", "Observations($orderby=phenomenonTime;$top=1)").json().get("value").get(0);
		// the file's first row: AJM,2024-01-01T01:00:00-06:00,CO,0.23
		assertThat(co.get("unitOfMeasurement").get("symbol").asString()).isEqualTo("[ppm]");
		assertThat(co.get("Observations").get(0).get("phenomenonTime").asString()).isEqualTo("2024-01-01T07:00:00Z");
		assertThat(co.get("Observations").get(0).get("result").asDouble()).isEqualTo(0.23);
		JsonNode entry = Api.anonymous(port).get("/api/register/" + co.get("@iot.id").asLong()).json();
		assertThat(entry.path("accessLevel").asString("")).as("%s", entry).isEqualTo("open");
		assertThat(entry.get("origin").get("kind").asString()).isEqualTo("template");
	}

	@Test
	@DisplayName("values changed in the file and imported again (state deleted): counted as corrected, the new values stored")
	void correctionsCounted() throws IOException {
		write("stations.csv", "code,label,lat,lon,kind\n" + prefix + "K1,K,19.4,-99.1,\n");
		String readings = """
				station,time,parameter,value
				%1$sK1,2024-03-01T10:00Z,O3,1
				%1$sK1,2024-03-01T11:00Z,O3,2
				%1$sK1,2024-03-01T12:00Z,O3,3
				""".formatted(prefix);
		write("readings.csv", readings);
		Path mapping = write("mapping.yaml", mapping(
				"readings: {file: readings.csv, station: station, time: time, parameter: parameter, value: value}\n"));
		Run first = run(mapping);
		assertThat(first.out).as("%s", first).contains("3 observations created");

		write("readings.csv", readings.replace("O3,2\n", "O3,20\n").replace("O3,3\n", "O3,30\n"));
		Files.delete(folder.resolve("state/mapping.state.json"));
		Run again = run(mapping);
		assertThat(again.status).as("%s", again).isZero();
		assertThat(again.out).contains("0 observations created, 1 duplicates (stored before), 0 refused, 2 corrected");
		assertThat(stored("K1", "O3")).isEqualTo(Map.of(Instant.parse("2024-03-01T10:00:00Z"), 1.0,
				Instant.parse("2024-03-01T11:00:00Z"), 20.0, Instant.parse("2024-03-01T12:00:00Z"), 30.0));
	}

	@Test
	@DisplayName("a whole network refused for a missing role: one summary line for the reason, with a few examples")
	void refusalsGroupedByReason() throws IOException {
		StringBuilder stations = new StringBuilder("code,label,lat,lon,kind\n");
		StringBuilder readings = new StringBuilder("station,time,parameter,value\n");
		for (int s = 1; s <= 5; s++) {
			stations.append(prefix).append("N").append(s).append(",N").append(s).append(",19.4,-99.1,\n");
			for (String time : List.of("2024-03-01T10:00Z", "2024-03-01T11:00Z")) {
				readings.append(prefix).append("N").append(s).append(',').append(time).append(",O3,").append(s).append('\n');
				readings.append(prefix).append("N").append(s).append(',').append(time).append(",PM10,").append(s).append('\n');
			}
		}
		write("stations.csv", stations.toString());
		write("readings.csv", readings.toString());
		Path mapping = write("mapping.yaml", mapping(
				"readings: {file: readings.csv, station: station, time: time, parameter: parameter, value: value}\n"));
		Run operator = run(mapping);
		assertThat(operator.out).as("an operator's import: %s", operator).contains("20 observations created");

		// a steward of the organisation, not its operator: may read the streams, not write to them
		Person steward = people.create(this.steward + "-only", PASSWORD, city.id(), "test");
		people.grant(steward.id(), city.id(), Role.STEWARD, "test");
		String stewardToken = tokens.create(steward.id(), "import", null, "test").secret();
		Run refused = run(mapping, Map.of("CABILDO_TOKEN", stewardToken), "--state", folder.resolve("steward").toString());
		assertThat(refused.status).as("%s", refused).isZero();
		List<String> reasons = refused.out.lines().filter(line -> line.startsWith("  refused ")).toList();
		// three examples of the twenty: lines 2 to 21, each a station's O3 or PM10
		String example = "line \\d+ \\(" + prefix + "N\\d (O3|PM10)\\)";
		assertThat(reasons).as("%s", refused.out).singleElement().asString()
			.startsWith("  refused 20: writing Observations of Datastream … needs the operator role in organisation '…'")
			.matches(".* \\(e\\.g\\. " + example + ", " + example + ", " + example + ", …\\)$");
	}

	/** A mapping of this test's organisation with its template, the stations file, and {@code readings}. */
	private String mapping(String readings) {
		return TestMappings.of(city.name(), readings);
	}

	/** The Observations of a station's parameter, time → result, as the server answers them. */
	private Map<Instant, Double> stored(String station, String parameter) {
		JsonNode found = api().get("/v1.1/Datastreams", "$filter", "properties/siteCode eq '" + prefix + station
				+ "' and properties/parameter eq '" + parameter + "'", "$expand",
				"Observations($orderby=phenomenonTime;$top=1000)").json().get("value");
		Map<Instant, Double> values = new LinkedHashMap<>();
		if (found.isEmpty()) {
			return values;
		}
		assertThat(found).as("one Datastream for %s/%s", station, parameter).hasSize(1);
		for (JsonNode observation : found.get(0).get("Observations")) {
			Double earlier = values.put(Instant.parse(observation.get("phenomenonTime").asString()),
					observation.get("result").asDouble());
			assertThat(earlier).as("stored twice: %s", observation).isNull();
		}
		return values;
	}

	private Api api() {
		return Api.anonymous(port).as(Api.bearer(token));
	}

	private Path write(String name, String text) throws IOException {
		return Files.writeString(folder.resolve(name), text);
	}

	private Run run(Path mapping, String... options) {
		return run(mapping, Map.of("CABILDO_TOKEN", token), options);
	}

	private Run run(Path mapping, Map<String, String> environment, String... options) {
		List<String> args = new ArrayList<>();
		if (mapping != null) {
			args.add(mapping.toString());
		}
		args.addAll(List.of("--server", "http://127.0.0.1:" + port, "--state", folder.resolve("state").toString()));
		args.addAll(List.of(options));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = ImportCommand.run(args.toArray(String[]::new), environment,
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Run(int status, String out, String err) {
	}

}
