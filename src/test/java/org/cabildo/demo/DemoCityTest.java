package org.cabildo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.sensing.Reading;
import org.cabildo.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/** The demo city as a user of {@code ./cabildo demo} sees it, checked against the shipped files. */
@IntegrationTest
@TestPropertySource(properties = { "cabildo.demo.enabled=true", "cabildo.test.declare-datastreams=false" })
class DemoCityTest {

	@LocalServerPort
	int port;

	@Autowired
	DemoCity city;

	@Autowired
	StartupProbe startup;

	/**
	 * Asks the server whether it is ready while it starts: once before the demo city loads (a
	 * runner that runs first), then every 200 ms until readiness says UP, counting the demo city
	 * the moment it does.
	 */
	@TestConfiguration
	static class Probes {

		@Bean
		StartupProbe startupProbe(Environment environment) {
			return new StartupProbe(environment);
		}

	}

	static final class StartupProbe implements ApplicationRunner, Ordered {

		private final Environment environment;

		private final List<Integer> liveness = new java.util.concurrent.CopyOnWriteArrayList<>();

		private volatile Api.Response readinessBefore;

		private volatile long thingsWhenReady = -1;

		private volatile long observationsWhenReady = -1;

		private volatile Thread poller;

		StartupProbe(Environment environment) {
			this.environment = environment;
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

		@Override
		public void run(ApplicationArguments arguments) {
			Api api = new Api(Integer.parseInt(environment.getProperty("local.server.port"))).timeout(Duration.ofSeconds(30));
			readinessBefore = api.get("/actuator/health/readiness");
			liveness.add(api.get("/actuator/health/liveness").status());
			poller = Thread.ofVirtual().start(() -> {
				long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
				while (System.nanoTime() < deadline) {
					liveness.add(api.get("/actuator/health/liveness").status());
					if (api.get("/actuator/health/readiness").status() == 200) {
						thingsWhenReady = api.get("/v1.1/Things", "$filter", "properties/network eq 'RAMA'", "$count", "true",
								"$top", "0").json().get("@iot.count").asLong();
						observationsWhenReady = api.get("/v1.1/Observations", "$count", "true", "$top", "0", "$filter",
								"Datastream/properties/source eq '" + DemoCity.SOURCE + "'").json().get("@iot.count").asLong();
						return;
					}
					try {
						Thread.sleep(200);
					}
					catch (InterruptedException e) {
						return;
					}
				}
			});
		}

	}

	@Test
	void notReadyUntilTheDemoCityIsLoadedAndAliveThroughout() throws InterruptedException {
		assertThat(startup.readinessBefore.status()).as("%s", startup.readinessBefore).isEqualTo(503);
		assertThat(startup.readinessBefore.body()).contains("OUT_OF_SERVICE");
		startup.poller.join(Duration.ofMinutes(15));
		long total = DemoCity.measurements().values().stream().mapToLong(List::size).sum();
		assertThat(startup.thingsWhenReady).as("stations when readiness said UP").isEqualTo(DemoCity.stations().size());
		assertThat(startup.observationsWhenReady).as("observations when readiness said UP").isEqualTo(total);
		assertThat(startup.liveness).isNotEmpty().containsOnly(200);
		assertThat(Api.anonymous(port).get("/actuator/health/readiness").status()).isEqualTo(200);
	}

	@Test
	void everyStationIsAThingWithItsLocationAndOneDatastreamPerPollutant() {
		Api api = new Api(port);
		List<Station> stations = DemoCity.stations();
		JsonNode things = api.get("/v1.1/Things", "$filter", "properties/network eq 'RAMA'", "$count", "true",
				"$expand", "Locations,Datastreams($select=name;$top=10)", "$top", "100")
			.json();
		assertThat(things.get("@iot.count").asLong()).isEqualTo(stations.size());
		Station merced = stations.stream().filter(s -> s.id().equals("MER")).findFirst().orElseThrow();
		JsonNode thing = api.get("/v1.1/Things", "$filter", "properties/stationId eq 'MER'", "$expand",
				"Locations,Datastreams").json().get("value").get(0);
		assertThat(thing.get("name").asString()).isEqualTo(merced.name());
		JsonNode coordinates = thing.get("Locations").get(0).get("location").get("coordinates");
		assertThat(coordinates.get(0).asDouble()).isEqualTo(merced.longitude());
		assertThat(coordinates.get(1).asDouble()).isEqualTo(merced.latitude());
		assertThat(thing.get("Datastreams")).hasSize(merced.pollutants().size());
	}

	@Test
	void theMeasurementsAreTheObservationsWithTheirUnitsAndTimes() {
		Api api = new Api(port);
		Map<String, List<Reading>> measurements = DemoCity.measurements();
		long total = measurements.values().stream().mapToLong(List::size).sum();
		JsonNode count = whenTheReadTurnIsFree(() -> api.get("/v1.1/Observations", "$count", "true", "$top", "0",
				"$filter", "Datastream/properties/source eq '" + DemoCity.SOURCE + "'")).json();
		assertThat(count.get("@iot.count").asLong()).isEqualTo(total);

		Reading first = measurements.get("MER/O3").get(0);
		JsonNode datastream = api.get("/v1.1/Datastreams", "$filter",
				"properties/stationId eq 'MER' and properties/pollutant eq 'O3'", "$expand",
				"Observations($orderby=phenomenonTime;$top=1)").json().get("value").get(0);
		assertThat(datastream.get("unitOfMeasurement").get("symbol").asString()).isEqualTo("[ppb]");
		JsonNode observation = datastream.get("Observations").get(0);
		assertThat(Instant.parse(observation.get("phenomenonTime").asString())).isEqualTo(first.time());
		assertThat(observation.get("result").asDouble()).isEqualTo(first.value());
		assertThat(Instant.parse(datastream.get("phenomenonTime").asString().split("/")[1]))
			.isEqualTo(measurements.get("MER/O3").get(measurements.get("MER/O3").size() - 1).time());
	}

	@Test
	void loadingAgainAddsNothing() {
		Api api = new Api(port);
		long before = api.get("/v1.1/Things", "$count", "true", "$top", "0").json().get("@iot.count").asLong();
		assertThat(city.observations(city.streams())).isZero();
		long after = api.get("/v1.1/Things", "$count", "true", "$top", "0").json().get("@iot.count").asLong();
		assertThat(after).isEqualTo(before);
	}

	@Test
	void theDemoAccountsSignInAndTheEnvironmentOfficeOwnsTheStations() {
		Api anonymous = Api.anonymous(port);
		JsonNode operator = anonymous.as(Api.basic("operator", "cabildo-demo")).get("/api/identity/people/me").json();
		assertThat(operator.get("name").asString()).isEqualTo("operator");
		assertThat(operator.get("grants").toString()).contains("OPERATOR");
		for (String name : List.of("admin", "steward", "analyst", "auditor")) {
			assertThat(anonymous.as(Api.basic(name, "cabildo-demo")).get("/api/identity/people/me").status()).as(name)
				.isEqualTo(200);
		}
		Api.Response stations = whenTheReadTurnIsFree(
				() -> anonymous.get("/v1.1/Things", "$filter", "properties/stationId eq 'MER'"));
		assertThat(stations.status()).as("%s", stations).isEqualTo(200);
		long station = stations.json().get("value").get(0).get("@iot.id").asLong();
		assertThat(anonymous.get("/api/identity/ownership/Things/" + station).body())
			.contains(DemoAccounts.ENVIRONMENT);
		long datastream = anonymous.get("/v1.1/Datastreams", "$filter", "properties/stationId eq 'MER'").json()
			.get("value").get(0).get("@iot.id").asLong();
		Api device = anonymous.as(Api.bearer("cabildo-demo"));
		Api.Response written = device.post("/v1.1/Datastreams(" + datastream + ")/Observations",
				Map.of("phenomenonTime", "2030-01-01T00:00:00Z", "result", 1));
		assertThat(written.status()).isEqualTo(201);
		// the demo operator may delete it again (the other tests count the shipped observations)
		assertThat(anonymous.as(Api.basic("operator", "cabildo-demo")).delete("/v1.1/Observations(" + written.id() + ")")
			.status()).isEqualTo(200);
		assertThat(device.post("/v1.1/Things", Map.of("name", "x", "description", "x")).status()).isEqualTo(403);
	}


	@Test
	void theRegisterShowsOpenStationsAndARestrictedSyntheticCounter() {
		Api anonymous = Api.anonymous(port);
		// Other tests share the database: every station stream is among the open city-wide ones.
		java.util.Set<Long> openCityWide = new java.util.HashSet<>();
		anonymous.get("/api/register", "class", "none", "stage", "city", "access", "open").json().get("value")
			.forEach(entry -> openCityWide.add(entry.get("datastreamId").asLong()));
		java.util.Set<Long> stationStreams = new java.util.HashSet<>();
		anonymous.get("/v1.1/Datastreams", "$filter", "properties/stationId ne null", "$select", "id", "$top", "1000")
			.json().get("value").forEach(datastream -> stationStreams.add(datastream.get("@iot.id").asLong()));
		assertThat(stationStreams).hasSizeGreaterThan(100);
		assertThat(openCityWide).containsAll(stationStreams);
		JsonNode restricted = anonymous.get("/api/register", "class", "pseudonymous", "organisation", DemoAccounts.TRANSPORT)
			.json().get("value").get(0);
		assertThat(restricted.get("accessLevel").asString()).isEqualTo("restricted");
		assertThat(restricted.get("stage").asString()).isEqualTo("pilot");
		assertThat(restricted.get("organisation").asString()).isEqualTo(DemoAccounts.TRANSPORT);
		assertThat(restricted.get("summary").asString()).contains("SINTÉTICO");
		long counter = restricted.get("datastreamId").asLong();
		String counts = "/v1.1/Datastreams(" + counter + ")/Observations";
		assertThat(anonymous.get(counts).status()).isEqualTo(403);
		Api analyst = anonymous.as(Api.basic("analyst", "cabildo-demo"));
		assertThat(analyst.get(counts, "purpose", "mobility").status()).isEqualTo(403);
		Api.Response read = analyst.get(counts, "purpose", "planning_decision_making", "$top", "3");
		assertThat(read.status()).as("%s", read).isEqualTo(200);
		assertThat(read.json().get("value")).hasSize(3);
		assertThat(anonymous.get("/api/register.geojson").body()).contains("Calidad del aire").contains("Movilidad");
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	@Test
	void anOperatorImportsTheDemosOwnFilesThroughTheApiAndNothingIsStoredTwice() throws Exception {
		String mapping;
		byte[] stations;
		java.io.ByteArrayOutputStream readings = new java.io.ByteArrayOutputStream();
		try (var in = getClass().getResourceAsStream("/" + DemoCity.FOLDER + "/mapping.yaml");
				var sites = getClass().getResourceAsStream("/" + DemoCity.FOLDER + "/stations.csv");
				var hourly = new java.io.BufferedReader(new java.io.InputStreamReader(new java.util.zip.GZIPInputStream(
						getClass().getResourceAsStream("/" + DemoCity.FOLDER + "/air_hourly.csv.gz")),
						java.nio.charset.StandardCharsets.UTF_8));
				var out = new java.util.zip.GZIPOutputStream(readings)) {
			mapping = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			stations = sites.readAllBytes();
			// the header and the first 300 records of the hourly file
			StringBuilder first = new StringBuilder();
			hourly.lines().limit(301).forEach(line -> first.append(line).append('\n'));
			out.write(first.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		// The operator alone: the demo published the mapping's template, so no steward is needed.
		String operator = Api.basic("operator", "cabildo-demo");
		Api.Response posted = org.cabildo.support.MultipartUpload.imports(port, operator, mapping,
				Map.of("stations.csv", stations, "air_hourly.csv.gz", readings.toByteArray()));
		assertThat(posted.status()).as("%s", posted).isEqualTo(202);
		Api api = Api.anonymous(port).as(operator);
		JsonNode status = api.get("/api/imports/" + posted.json().get("id").asLong()).json();
		for (int tries = 0; status.get("status").asString().equals("running") && tries < 600; tries++) {
			sleep(100);
			status = api.get("/api/imports/" + posted.json().get("id").asLong()).json();
		}

		assertThat(status.get("status").asString()).as("%s", status).isEqualTo("done");
		assertThat(status.get("created").asLong()).as("%s", status).isZero();
		assertThat(status.get("refused").asLong()).as("%s", status).isZero();
		assertThat(status.get("duplicates").asLong()).as("%s", status).isPositive();
	}

	/**
	 * On H2 the server serves one read at a time and answers 503 (saying so) when another test's
	 * client holds that turn for a moment: the read is asked again, up to five seconds.
	 */
	private static Api.Response whenTheReadTurnIsFree(java.util.function.Supplier<Api.Response> read) {
		Api.Response response = read.get();
		for (int tries = 0; response.status() == 503 && tries < 20; tries++) {
			sleep(250);
			response = read.get();
		}
		assertThat(response.status()).as("%s", response).isEqualTo(200);
		return response;
	}

}
