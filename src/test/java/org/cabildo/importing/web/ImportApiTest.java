package org.cabildo.importing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.cabildo.IntegrationTest;
import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Person;
import org.cabildo.identity.Role;
import org.cabildo.identity.Tokens;
import org.cabildo.importing.TestMappings;
import org.cabildo.support.Api;
import org.cabildo.support.MultipartUpload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/imports} against a real server on a random port, as a portal (or curl) uses
 * it: a multipart upload of a mapping and its files, followed with GET until it ends. Every
 * expected value is written down here from the files, not computed by the import's code. Each
 * test has an organisation of its own, without a template until the mapping's is published.
 */
@IntegrationTest
@TestPropertySource(properties = "cabildo.test.declare-datastreams=false")
class ImportApiTest {

	@LocalServerPort
	int port;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	Tokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Value("${cabildo.imports.max-upload-bytes}")
	long maxUpload;

	private Organisation city;

	private String operator;

	private String prefix;

	@BeforeEach
	void setUp() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		city = organisations.create("api import city " + unique);
		operator = token("api-import-" + unique, city, Role.OPERATOR, Role.STEWARD);
		prefix = unique + "-";
	}

	@Test
	@DisplayName("the demo mapping's shape, uploaded: 202 with its Location, done in the background, the values stored")
	void demoMappingUploaded() throws IOException {
		String key = "rama_" + prefix.replace("-", "");
		String mapping = TestMappings.demo(city.name(), key);
		// the first 200 records of the demo's readings, compressed as the demo's are
		List<String> lines = gunzip(resourceBytes("air_hourly.csv.gz")).lines().limit(201).toList();
		byte[] readings = gzip(String.join("\n", lines) + "\n");

		Api.Response started = upload(operator, mapping, Map.of("stations.csv", resourceBytes("stations.csv"),
				"air_hourly.csv.gz", readings));
		assertThat(started.status()).as("%s", started).isEqualTo(202);
		String location = started.header("Location");
		assertThat(location).matches(".*/api/imports/\\d+$");
		assertThat(started.json().get("recordsTotal").asLong()).isEqualTo(200);

		JsonNode done = awaitEnd(operator, location);
		assertThat(done.get("status").asString()).as("%s", done).isEqualTo("done");
		assertThat(done.get("recordsRead").asLong()).isEqualTo(200);
		assertThat(done.get("created").asLong()).isEqualTo(200);
		assertThat(done.get("duplicates").asLong()).isZero();
		assertThat(done.get("refused").asLong()).isZero();
		assertThat(done.get("organisation").asString()).isEqualTo(city.name());
		assertThat(done.get("summary").asString()).startsWith("Import done: 200 records read, 200 observations created");
		assertThat(done.get("finishedAt").asString()).isNotBlank();
		JsonNode co = api(operator).get("/v1.1/Datastreams", "$filter", "properties/" + key + " eq 'AJM' and"
				+ " properties/pollutant eq 'CO'", "$expand", "Observations($orderby=phenomenonTime;$top=1)")
			.json().get("value").get(0);
		// the file's first row: AJM,2024-01-01T01:00:00-06:00,CO,0.23
		assertThat(co.get("Observations").get(0).get("phenomenonTime").asString()).isEqualTo("2024-01-01T07:00:00Z");
		assertThat(co.get("Observations").get(0).get("result").asDouble()).isEqualTo(0.23);
		JsonNode entry = Api.anonymous(port).get("/api/register/" + co.get("@iot.id").asLong()).json();
		assertThat(entry.get("origin").get("kind").asString()).as("declared by the mapping's template").isEqualTo("template");
		Api.Response refused = api(operator).get(location + "/refused");
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body().strip()).isEqualTo("line,parameter,reason,station_id,timestamp,pollutant,value");
		assertThat(uploadsLeft()).as("the upload is removed once its import ended").isEmpty();
	}

	@Test
	@DisplayName("a wrong mapping or file: 400 saying file:line:column and pointer, as the command line does; nothing started")
	void badInput() {
		byte[] stations = stations("X");
		Api.Response misspelt = upload(operator, mapping("""
				readings:
				  file: readings.csv
				  station: station
				  time: time
				  parameter: parameter
				  value: value
				  sentinel: ["-99"]
				"""), Map.of("stations.csv", stations, "readings.csv", "station,time,parameter,value\n".getBytes()));
		assertThat(misspelt.status()).as("%s", misspelt).isEqualTo(400);
		JsonNode problem = misspelt.json();
		assertThat(problem.get("detail").asString()).matches("mapping\\.yaml:\\d+:\\d+: unknown key 'sentinel' .*");
		assertThat(problem.get("file").asString()).isEqualTo("mapping.yaml");
		assertThat(problem.get("line").asInt()).isEqualTo(35);
		assertThat(problem.get("column").asInt()).isEqualTo(3);
		assertThat(problem.get("pointer").asString()).isEqualTo("/readings/sentinel");

		String readings = """
				readings: {file: readings.csv, station: station, time: time, parameter: parameter, value: value}
				""";
		Api.Response column = upload(operator, mapping(readings),
				Map.of("stations.csv", stations, "readings.csv", "station,when,parameter,value\n".getBytes()));
		assertThat(column.status()).as("%s", column).isEqualTo(400);
		assertThat(column.json().get("detail").asString()).startsWith("readings.csv:1:1: there is no column 'time'");
		assertThat(column.json().get("file").asString()).isEqualTo("readings.csv");

		Api.Response missing = upload(operator, mapping(readings), Map.of("stations.csv", stations));
		assertThat(missing.status()).as("%s", missing).isEqualTo(400);
		assertThat(missing.json().get("detail").asString()).contains("'readings.csv', which was not uploaded");
		assertThat(missing.json().get("pointer").asString()).isEqualTo("/readings/file");

		assertThat(api(operator).get("/v1.1/Things", "$filter", "properties/siteCode eq '" + prefix + "X'").json()
			.get("value")).as("nothing created").isEmpty();
		assertThat(uploadsLeft()).as("a refused upload is not kept").isEmpty();
	}

	@Test
	@DisplayName("no credentials 401, no operator role in the mapping's organisation 403, another organisation's import not seen")
	void whoMayImport() {
		String mapping = mapping("readings: {file: readings.csv, station: station, time: time, parameter: parameter, value: value}\n");
		Map<String, byte[]> files = Map.of("stations.csv", stations("A"), "readings.csv",
				("station,time,parameter,value\n" + prefix + "A,2024-03-01T10:00Z,O3,1\n").getBytes());
		Api.Response anonymous = upload(null, mapping, files);
		assertThat(anonymous.status()).as("%s", anonymous).isEqualTo(401);
		assertThat(anonymous.json().get("detail").asString()).isNotBlank();

		String steward = token("api-steward-" + prefix, city, Role.STEWARD);
		Api.Response notOperator = upload(steward, mapping, files);
		assertThat(notOperator.status()).as("%s", notOperator).isEqualTo(403);
		assertThat(notOperator.json().get("detail").asString()).contains("needs the operator role");

		Organisation other = organisations.create("api import other " + prefix);
		String stranger = token("api-stranger-" + prefix, other, Role.OPERATOR, Role.STEWARD);
		assertThat(upload(stranger, mapping, files).status()).as("an operator of another organisation").isEqualTo(403);

		Api.Response started = upload(operator, mapping, files);
		assertThat(started.status()).as("%s", started).isEqualTo(202);
		String location = started.header("Location");
		assertThat(awaitEnd(steward, location).get("status").asString()).as("its stewards see it").isEqualTo("done");
		Api.Response unseen = api(stranger).get(location);
		assertThat(unseen.status()).as("%s", unseen).isEqualTo(404);
		assertThat(unseen.json().get("detail").asString()).isNotBlank();
		assertThat(api(stranger).get(location + "/refused").status()).isEqualTo(404);
		assertThat(api(stranger).delete(location).status()).isEqualTo(404);
		assertThat(Api.anonymous(port).get(location).status()).isEqualTo(401);
	}

	@Test
	@DisplayName("an upload over cabildo.imports.max-upload-bytes: 413 with a JSON body naming the limit")
	void uploadTooLarge() {
		byte[] big = new byte[(int) maxUpload + 1000];
		java.util.Arrays.fill(big, (byte) 'x');
		Api.Response refused = upload(operator, mapping("readings: {file: readings.csv, station: s, time: t}\n"),
				Map.of("stations.csv", stations("B"), "readings.csv", big));
		assertThat(refused.status()).as("%s", refused).isEqualTo(413);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().get("limit").asLong()).isEqualTo(maxUpload);
	}

	@Test
	@DisplayName("one running import per organisation (409 naming it); cancelled; interrupted; posted again, nothing stored twice")
	void oneAtATimeCancelledAndPostedAgain() {
		int hours = 20_000;
		StringBuilder csv = new StringBuilder("station,time,parameter,value\n");
		OffsetDateTime first = OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
		for (int h = 0; h < hours; h++) {
			for (String station : List.of("C1", "C2", "C3", "C4", "C5")) {
				csv.append(prefix).append(station).append(',').append(first.plusHours(h)).append(",O3,").append(h % 97)
					.append('\n');
			}
		}
		String mapping = mapping("readings: {file: readings.csv.gz, station: station, time: time, parameter: parameter,"
				+ " value: value}\n");
		Map<String, byte[]> files = Map.of("stations.csv", stations("C1", "C2", "C3", "C4", "C5"), "readings.csv.gz",
				gzip(csv.toString()));

		Api.Response started = upload(operator, mapping, files);
		assertThat(started.status()).as("%s", started).isEqualTo(202);
		String location = started.header("Location");
		long id = started.json().get("id").asLong();
		Api.Response second = upload(operator, mapping, files);
		assertThat(second.status()).as("%s", second).isEqualTo(409);
		assertThat(second.json().get("detail").asString()).contains("import " + id + " of organisation");
		assertThat(second.json().get("running").asLong()).isEqualTo(id);

		Api.Response cancelled = api(operator).delete(location);
		assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
		JsonNode stopped = awaitEnd(operator, location);
		assertThat(stopped.get("status").asString()).as("%s", stopped).isEqualTo("cancelled");
		assertThat(stopped.get("recordsRead").asLong()).as("stopped before the end").isLessThan(hours * 5L);
		assertThat(api(operator).delete(location).status()).as("nothing left to cancel").isEqualTo(409);

		// as if its server had died while it ran: 'running', and no heartbeat for long
		jdbc.sql("UPDATE imports SET status = 'running', finished_at = NULL, heartbeat_at = ? WHERE id = ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), id)
			.update();
		JsonNode interrupted = api(operator).get(location).json();
		assertThat(interrupted.get("status").asString()).isEqualTo("interrupted");
		assertThat(interrupted.get("message").asString()).contains("post the same files again");

		long storedBefore = stopped.get("created").asLong();
		Api.Response again = upload(operator, mapping, files);
		assertThat(again.status()).as("an interrupted import keeps none from starting: %s", again).isEqualTo(202);
		JsonNode done = awaitEnd(operator, again.header("Location"));
		assertThat(done.get("status").asString()).as("%s", done).isEqualTo("done");
		assertThat(done.get("recordsRead").asLong()).isEqualTo(hours * 5L);
		assertThat(done.get("duplicates").asLong()).as("what the cancelled import stored").isEqualTo(storedBefore);
		assertThat(done.get("created").asLong()).isEqualTo(hours * 5L - storedBefore);
		for (String station : List.of("C1", "C5")) {
			assertThat(count(station, "O3")).as("%s stored once each", station).isEqualTo(hours);
		}
	}

	@Test
	@DisplayName("refused rows grouped by reason in the status, and as CSV with the CLI's columns")
	void refusedRows() {
		String mapping = mapping("""
				readings:
				  file: readings.csv
				  station: station
				  time: time
				  parameter: parameter
				  value: value
				  sentinels: ["-99"]
				""");
		String csv = """
				station,time,parameter,value
				%1$sR1,2024-03-01T10:00Z,O3,-99
				%1$sR1,2024-03-01T11:00Z,O3,4
				%1$sR9,2024-03-01T12:00Z,O3,5
				%1$sR1,2024-03-01T13:00Z,O3,-99
				""".formatted(prefix);
		Api.Response started = upload(operator, mapping, Map.of("stations.csv", stations("R1"), "readings.csv",
				csv.getBytes(StandardCharsets.UTF_8)));
		assertThat(started.status()).as("%s", started).isEqualTo(202);
		JsonNode done = awaitEnd(operator, started.header("Location"));
		assertThat(done.get("created").asLong()).isEqualTo(1);
		assertThat(done.get("refused").asLong()).isEqualTo(3);
		Map<String, JsonNode> reasons = new LinkedHashMap<>();
		done.get("refusals").forEach(refusal -> reasons.put(refusal.get("reason").asString(), refusal));
		assertThat(reasons).containsOnlyKeys("missing value (sentinel '…')", "station '…' is not in the stations file");
		assertThat(reasons.get("missing value (sentinel '…')").get("count").asLong()).isEqualTo(2);
		assertThat(reasons.get("missing value (sentinel '…')").get("examples").toString()).contains("line 2 (O3)")
			.contains("line 5 (O3)");
		assertThat(done.get("summary").asString()).contains("refused 2: missing value (sentinel '…') (e.g. line 2 (O3), line 5 (O3))");

		Api.Response rows = api(operator).get(started.header("Location") + "/refused");
		assertThat(rows.header("Content-Type")).startsWith("text/csv");
		List<String> lines = rows.body().lines().toList();
		assertThat(lines.get(0)).isEqualTo("line,parameter,reason,station,time,parameter,value");
		assertThat(lines).hasSize(4)
			.anyMatch(line -> line.equals("2,O3,\"missing value (sentinel '-99')\"," + prefix + "R1,2024-03-01T10:00Z,O3,-99"))
			.anyMatch(line -> line.startsWith("4,O3,\"station '" + prefix + "R9' is not in the stations file\","));
	}

	@Test
	@DisplayName("a re-sent reading with another value is counted as corrected, not created, and the API shows the new value")
	void correctionsCounted() {
		String mapping = mapping("readings: {file: readings.csv, station: station, time: time, parameter: parameter,"
				+ " value: value}\n");
		String csv = """
				station,time,parameter,value
				%1$sK1,2024-03-01T10:00Z,O3,1
				%1$sK1,2024-03-01T11:00Z,O3,2
				%1$sK1,2024-03-01T12:00Z,O3,3
				""".formatted(prefix);
		JsonNode first = awaitEnd(operator, upload(operator, mapping, Map.of("stations.csv", stations("K1"),
				"readings.csv", csv.getBytes(StandardCharsets.UTF_8))).header("Location"));
		assertThat(first.get("created").asLong()).as("%s", first).isEqualTo(3);

		String changed = csv.replace("O3,2\n", "O3,20\n").replace("O3,3\n", "O3,30\n");
		JsonNode second = awaitEnd(operator, upload(operator, mapping, Map.of("stations.csv", stations("K1"),
				"readings.csv", changed.getBytes(StandardCharsets.UTF_8))).header("Location"));
		assertThat(second.get("status").asString()).as("%s", second).isEqualTo("done");
		assertThat(second.get("corrected").asLong()).isEqualTo(2);
		assertThat(second.get("created").asLong()).isZero();
		assertThat(second.get("duplicates").asLong()).isEqualTo(1);
		assertThat(second.get("summary").asString()).contains("0 observations created").contains("2 corrected");
		JsonNode observations = api(operator).get("/v1.1/Datastreams", "$filter", "properties/siteCode eq '" + prefix
				+ "K1'", "$expand", "Observations($orderby=phenomenonTime)").json().get("value").get(0).get("Observations");
		assertThat(observations).hasSize(3);
		assertThat(observations.get(0).get("result").asDouble()).isEqualTo(1.0);
		assertThat(observations.get(1).get("result").asDouble()).isEqualTo(20.0);
		assertThat(observations.get(2).get("result").asDouble()).isEqualTo(30.0);
	}

	/** A mapping of this test's organisation with its template, the stations file, and {@code readings}. */
	private String mapping(String readings) {
		return TestMappings.of(city.name(), readings);
	}

	private byte[] stations(String... codes) {
		StringBuilder csv = new StringBuilder("code,label,lat,lon,kind\n");
		for (String code : codes) {
			csv.append(prefix).append(code).append(",Station ").append(code).append(",19.4,-99.1,urban\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** A person with these roles in an organisation, and a token of theirs. */
	private String token(String username, Organisation organisation, Role... roles) {
		Person person = people.create(username, "api-import-password-" + username, organisation.id(), "test");
		for (Role role : roles) {
			people.grant(person.id(), organisation.id(), role, "test");
		}
		return tokens.create(person.id(), "import", null, "test").secret();
	}

	private Api api(String token) {
		return Api.anonymous(port).as(Api.bearer(token));
	}

	private Api.Response upload(String token, String mapping, Map<String, byte[]> files) {
		return MultipartUpload.imports(port, token == null ? null : Api.bearer(token), mapping, files);
	}

	/** Follows an import until it is no longer running; its last status. */
	private JsonNode awaitEnd(String token, String location) {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (true) {
			Api.Response status = api(token).get(location.replaceFirst("^https?://[^/]+", ""));
			assertThat(status.status()).as("%s", status).isEqualTo(200);
			JsonNode json = status.json();
			if (!json.get("status").asString().equals("running")) {
				return json;
			}
			assertThat(Instant.now()).as("the import ends in time: %s", json).isBefore(deadline);
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}

	private long count(String station, String parameter) {
		long datastream = api(operator).get("/v1.1/Datastreams", "$filter", "properties/siteCode eq '" + prefix + station
				+ "' and properties/parameter eq '" + parameter + "'").json().get("value").get(0).get("@iot.id").asLong();
		return api(operator).get("/v1.1/Datastreams(" + datastream + ")/Observations", "$count", "true", "$top", "0")
			.json().get("@iot.count").asLong();
	}

	/** Uploads kept in the imports folder (of the test data directory). */
	private List<Path> uploadsLeft() {
		Path folder = Path.of(System.getProperty("java.io.tmpdir"), "cabildo-test", "imports");
		if (!Files.exists(folder)) {
			return List.of();
		}
		try (var paths = Files.list(folder)) {
			return paths.filter(path -> path.getFileName().toString().startsWith("upload-")).toList();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private byte[] resourceBytes(String name) throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/demo/mexico-city/" + name)) {
			return in.readAllBytes();
		}
	}

	private static String gunzip(byte[] bytes) throws IOException {
		try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static byte[] gzip(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return bytes.toByteArray();
	}

}
