package org.cabildo.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cabildo.bench.Dataset.Series;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates the entities a dataset needs through the SensorThings API, as a client would:
 * Things with a Location each and their Datastreams (with Sensor and ObservedProperty) by
 * deep insert, then each datastream's first observation, from which the server derives the
 * FeatureOfInterest. Everything after the first observation is bulk-loaded.
 */
final class ApiSetup {

	private static final int THINGS = 10;

	private static final String[][] PROPERTIES = { { "Air temperature", "degree Celsius", "Cel" },
			{ "Relative humidity", "percent", "%" }, { "PM2.5 concentration", "microgram per cubic metre", "ug/m3" },
			{ "NO2 concentration", "microgram per cubic metre", "ug/m3" }, { "Noise level", "decibel", "dB(A)" } };

	private static final Pattern ID_IN_LOCATION = Pattern.compile("\\((\\d+)\\)$");

	private final URI base;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.shared();

	private final PrintStream out;

	ApiSetup(URI base, PrintStream out) {
		this.base = base;
		this.out = out;
	}

	/** Creates the entities and returns the dataset with the ids the server gave them. */
	Dataset create(Dataset planned) throws IOException, InterruptedException {
		List<Series> planSeries = planned.series();
		int things = Math.min(THINGS, planSeries.size());
		Map<String, Integer> indexByName = new HashMap<>();
		Map<Integer, Long> datastreamIds = new HashMap<>();
		for (int t = 0; t < things; t++) {
			ObjectNode thing = json.createObjectNode();
			thing.put("name", "Street cabinet " + (t + 1));
			thing.put("description", "A sensor cabinet on a street corner (benchmark data)");
			thing.putObject("properties").put("benchmark", true);
			ObjectNode location = thing.putArray("Locations").addObject();
			location.put("name", "Corner " + (t + 1));
			location.put("description", "Where street cabinet " + (t + 1) + " stands");
			location.put("encodingType", "application/geo+json");
			ObjectNode point = location.putObject("location");
			point.put("type", "Point");
			point.putArray("coordinates").add(-15.44 + 0.004 * t).add(28.10 + 0.003 * (t % 4));
			ArrayNode datastreams = thing.putArray("Datastreams");
			for (Series s : planSeries) {
				if (s.index() % things != t) {
					continue;
				}
				String[] property = PROPERTIES[s.index() % PROPERTIES.length];
				String name = "Benchmark datastream " + s.index();
				indexByName.put(name, s.index());
				ObjectNode datastream = datastreams.addObject();
				datastream.put("name", name);
				datastream.put("description", property[0] + " at street cabinet " + (t + 1));
				ObjectNode unit = datastream.putObject("unitOfMeasurement");
				unit.put("name", property[1]);
				unit.put("symbol", property[2]);
				unit.put("definition", "http://unitsofmeasure.org/ucum.html#" + property[2]);
				datastream.put("observationType",
						"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement");
				ObjectNode sensor = datastream.putObject("Sensor");
				sensor.put("name", "Sensor " + s.index());
				sensor.put("description", property[0] + " sensor");
				sensor.put("encodingType", "application/json");
				sensor.putObject("metadata").put("model", "BENCH-" + (s.index() % PROPERTIES.length));
				ObjectNode observed = datastream.putObject("ObservedProperty");
				observed.put("name", property[0]);
				observed.put("definition", "https://example.org/properties/" + (s.index() % PROPERTIES.length));
				observed.put("description", property[0]);
			}
			long thingId = idOf(post("/v1.1/Things", thing));
			JsonNode created = get("/v1.1/Things(" + thingId + ")/Datastreams?$select=id,name&$top=10000");
			for (JsonNode datastream : created.get("value")) {
				Integer index = indexByName.get(datastream.get("name").asString());
				if (index != null) {
					datastreamIds.put(index, datastream.get("@iot.id").asLong());
				}
			}
		}
		if (datastreamIds.size() != planSeries.size()) {
			throw new IllegalStateException("created " + datastreamIds.size() + " datastreams, expected " + planSeries.size());
		}
		out.printf("  created %d Things and %d Datastreams through the API%n", things, datastreamIds.size());
		// No collection without a declaration: the bench city declares every stream open air-quality data.
		org.cabildo.support.Api steward = new org.cabildo.support.Api(base.getPort());
		if (steward.get("/api/register").status() == 404) {
			// A build from before the register (--jar=...), measured for comparison.
			out.printf("  the server has no register (an older build): nothing declared%n");
		}
		else {
			for (long datastream : datastreamIds.values()) {
				org.cabildo.support.Fixtures.declareOpen(steward, datastream);
			}
			out.printf("  declared them in the register through the API%n");
		}
		List<Series> series = new ArrayList<>();
		for (Series s : planSeries) {
			long datastream = datastreamIds.get(s.index());
			ObjectNode observation = json.createObjectNode();
			observation.put("phenomenonTime", s.timeOf(0).toString());
			observation.put("result", s.values().next());
			observation.putObject("Datastream").put("@iot.id", datastream);
			long observationId = idOf(post("/v1.1/Observations", observation));
			long feature = get("/v1.1/Observations(" + observationId + ")/FeatureOfInterest").get("@iot.id").asLong();
			series.add(s.withIds(datastream, feature));
		}
		out.printf("  created each datastream's first observation (and so its FeatureOfInterest) through the API%n");
		return planned.withSeries(series);
	}

	private HttpResponse<String> post(String path, JsonNode body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
			.header("Content-Type", "application/json")
			.header("Authorization", org.cabildo.support.Api.bearer(org.cabildo.support.Api.TEST_TOKEN))
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.timeout(Duration.ofSeconds(60))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response;
	}

	private JsonNode get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(base.resolve(path.replace(" ", "%20")))
			.timeout(Duration.ofSeconds(60))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return json.readTree(response.body());
	}

	private static long idOf(HttpResponse<String> created) {
		String location = created.headers().firstValue("Location").orElseThrow(
				() -> new IllegalStateException("a 201 response without a Location header"));
		Matcher matcher = ID_IN_LOCATION.matcher(location);
		if (!matcher.find()) {
			throw new IllegalStateException("no id in Location " + location);
		}
		return Long.parseLong(matcher.group(1));
	}

}
