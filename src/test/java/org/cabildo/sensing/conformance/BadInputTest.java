package org.cabildo.sensing.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cabildo.sensing.conformance.Sta.V;
import static org.cabildo.sensing.conformance.Sta.arr;
import static org.cabildo.sensing.conformance.Sta.created;
import static org.cabildo.sensing.conformance.Sta.datastream;
import static org.cabildo.sensing.conformance.Sta.ids;
import static org.cabildo.sensing.conformance.Sta.location;
import static org.cabildo.sensing.conformance.Sta.obj;
import static org.cabildo.sensing.conformance.Sta.observation;
import static org.cabildo.sensing.conformance.Sta.ok;
import static org.cabildo.sensing.conformance.Sta.problem;
import static org.cabildo.sensing.conformance.Sta.ref;
import static org.cabildo.sensing.conformance.Sta.sensor;
import static org.cabildo.sensing.conformance.Sta.thing;
import static org.cabildo.sensing.conformance.Sta.unique;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Requests that are wrong, by mistake or on purpose. Each is refused with a 4xx and a JSON
 * problem body whose {@code detail} says what is wrong (never a 500), and none of them
 * changes what is stored: a sentinel Thing, with a Datastream and Observations, is read
 * before and after every test and must not have changed.
 */
@IntegrationTest
@DisplayName("Bad input: refused with a 4xx problem body, never a 500, nothing stored lost")
class BadInputTest {

	/** The sentinel stream holds a number and a text, so its results may be anything. */
	private static final String ANY_RESULT = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Observation";

	@LocalServerPort
	int port;

	private Api api;

	private long sentinel;

	private JsonNode sentinelBefore;

	@BeforeEach
	void createSentinel() {
		api = new Api(port);
		// In small requests, as the tests with a small body limit share this.
		String name = unique("sentinel");
		sentinel = created(api.post(V + "/Things", obj("name", name, "description", "must survive", "properties",
				obj("k", "v"), "Locations", arr(location("here", 1, 2)))));
		long datastream = created(api.post(V + "/Things(" + sentinel + ")/Datastreams", obj("name", "sentinel",
				"description", "d", "unitOfMeasurement", Sta.unit(), "observationType", ANY_RESULT, "Sensor",
				obj("name", "s", "description", "d", "encodingType", "text/plain", "metadata", "m"),
				"ObservedProperty", obj("name", "p", "definition", "d", "description", "d"))));
		created(api.post(V + "/Datastreams(" + datastream + ")/Observations", observation("2024-01-01T00:00:00Z", 1)));
		created(api.post(V + "/Datastreams(" + datastream + ")/Observations",
				observation("2024-01-01T01:00:00Z", "two")));
		sentinelBefore = sentinel();
	}

	private JsonNode sentinel() {
		return ok(api.get(V + "/Things(" + sentinel + ")", "$expand",
				"Locations,HistoricalLocations,Datastreams($expand=Sensor,ObservedProperty,Observations)")).json();
	}

	@AfterEach
	void sentinelSurvives() {
		assertThat(sentinel()).isEqualTo(sentinelBefore);
		assertThat(ids(api.get(V + "/Things", "$filter", "name eq '" + sentinelBefore.get("name").asString() + "'")))
			.containsExactly(sentinel);
	}

	/** A problem response whose status is a client error. */
	private static JsonNode clientError(Api.Response response) {
		assertThat(response.status()).as("%s", response).isBetween(400, 499);
		return problem(response, response.status());
	}

	private Api.Response postRaw(String path, String body) {
		return api.send("POST", V + path, body, Map.of());
	}

	// ---- request bodies ----

	@Test
	@DisplayName("malformed JSON: 400 with the line and column where it breaks")
	void malformedJson() {
		String name = unique("malformed");
		JsonNode problem = problem(postRaw("/Things", "{\"name\": \"" + name + "\","), 400);
		assertThat(problem.get("line").asInt()).isEqualTo(1);
		assertThat(problem.get("column").asInt()).isPositive();
		problem = problem(postRaw("/Things", "{\n  \"name\": \"" + name + "\",\n  \"description\" \"oops\"\n}"), 400);
		assertThat(problem.get("line").asInt()).isEqualTo(3);
		assertThat(problem.get("column").asInt()).isPositive();
		problem(postRaw("/Things", "{\"name\": '" + name + "', \"description\": \"single quotes\"}"), 400);
		problem(postRaw("/Things", "{\"name\": \"" + name + "\", \"description\": \"d\"} {\"again\": 1}"), 400);
		problem(postRaw("/Things", "{\"name\": \"" + name + "\", \"name\": \"twice\", \"description\": \"d\"}"), 400);
		problem(postRaw("/Things", "{\"name\": \"" + name + "\", \"description\": \"d\",}"), 400);
		problem(postRaw("/Things", "{\"name\": \"" + name + "\", \"description\": NaN}"), 400);
		problem(postRaw("/Things", "[".repeat(100_000)), 400);
		problem(postRaw("/Things", ""), 400);
		// JSON, but not an object.
		for (String notAnObject : List.of("[1, 2]", "null", "\"" + name + "\"", "42", "true")) {
			problem(postRaw("/Things", notAnObject), 400);
		}
		assertThat(ids(api.get(V + "/Things", "$filter", "name eq '" + name + "'"))).isEmpty();
	}

	@Test
	@DisplayName("a body that is not UTF-8, or not JSON at all: 400 or 415")
	void notUtf8OrNotJson() throws IOException, InterruptedException {
		byte[] latin1 = ("{\"name\": \"Z\u00fcrich\", \"description\": \"d\"}").getBytes(StandardCharsets.ISO_8859_1);
		HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + V + "/Things"))
			.header("Content-Type", "application/json")
			.header("Authorization", Api.bearer(Api.TEST_TOKEN))
			.POST(HttpRequest.BodyPublishers.ofByteArray(latin1))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		problem(new Api.Response(response.statusCode(), response.body(), response.headers().map()), 400);
		Api.Response text = api.send("POST", V + "/Things", "name=x", Map.of("Content-Type", "text/plain"));
		problem(text, 415);
		Api.Response form = api.send("POST", V + "/Things", "name=x&description=y",
				Map.of("Content-Type", "application/x-www-form-urlencoded"));
		clientError(form);
	}

	@Test
	@DisplayName("unknown properties: 400 with a JSON pointer to them")
	void unknownProperties() {
		String name = unique("unknown");
		JsonNode problem = problem(api.post(V + "/Things", obj("name", name, "description", "d", "colour", "red")), 400);
		assertThat(problem.get("pointer").asString()).isEqualTo("/colour");
		assertThat(problem.get("detail").asString()).contains("colour");
		Map<String, Object> datastream = datastream(name + "-ds");
		((Map<String, Object>) datastream.get("Sensor")).put("colour", "red");
		problem = problem(api.post(V + "/Things", obj("name", name, "description", "d", "Datastreams",
				arr(datastream))), 400);
		assertThat(problem.get("pointer").asString()).isEqualTo("/Datastreams/0/Sensor/colour");
		problem = problem(api.post(V + "/Things", obj("name", name, "description", "d", "a/b~c", 1)), 400);
		assertThat(problem.get("pointer").asString()).isEqualTo("/a~1b~0c");
		// Properties of another type, and navigation properties that do not exist.
		problem = problem(api.post(V + "/Things", obj("name", name, "description", "d", "result", 1)), 400);
		assertThat(problem.get("pointer").asString()).isEqualTo("/result");
		problem = problem(api.post(V + "/Things", obj("name", name, "description", "d", "Thing", ref(sentinel))),
				400);
		assertThat(problem.get("pointer").asString()).isEqualTo("/Thing");
		problem = problem(api.patch(V + "/Things(" + sentinel + ")", obj("colour", "red")), 400);
		assertThat(problem.get("pointer").asString()).isEqualTo("/colour");
		assertThat(ids(api.get(V + "/Things", "$filter", "name eq '" + name + "'"))).isEmpty();
	}

	@Test
	@DisplayName("values of the wrong type: 400 with a JSON pointer to them")
	void wrongTypes() {
		String name = unique("types");
		assertPointer(V + "/Things", obj("name", 5, "description", "d"), "/name");
		assertPointer(V + "/Things", obj("name", name, "description", null), "/description");
		assertPointer(V + "/Things", obj("name", name, "description", obj("text", "d")), "/description");
		assertPointer(V + "/Things", obj("name", name, "description", "d", "properties", "text"), "/properties");
		assertPointer(V + "/Things", obj("name", name, "description", "d", "properties", arr(1)), "/properties");
		assertPointer(V + "/Things", obj("name", name, "description", "d", "Locations", location(name, 1, 1)),
				"/Locations");
		assertPointer(V + "/Things", obj("name", name, "description", "d", "Locations", arr("Berlin")),
				"/Locations/0");
		Map<String, Object> location = location(name, 1, 1);
		location.put("location", "POINT (1 1)");
		assertPointer(V + "/Locations", location, "/location");
		location.put("location", obj("type", "Point"));
		assertPointer(V + "/Locations", location, "/location");
		location.put("location", obj("type", "Polygon", "coordinates", arr(arr(arr(0, 0), arr(1, 1)))));
		assertPointer(V + "/Locations", location, "/location");
		Map<String, Object> unit = datastream(name);
		unit.put("unitOfMeasurement", "degC");
		unit.put("Thing", ref(sentinel));
		assertPointer(V + "/Datastreams", unit, "/unitOfMeasurement");
		Map<String, Object> toOneAsArray = datastream(name);
		toOneAsArray.put("Thing", arr(ref(sentinel)));
		assertPointer(V + "/Datastreams", toOneAsArray, "/Thing");
		long datastream = ids(api.get(V + "/Things(" + sentinel + ")/Datastreams")).get(0);
		String observations = V + "/Datastreams(" + datastream + ")/Observations";
		assertPointer(observations, observation("yesterday", 1), "/phenomenonTime");
		assertPointer(observations, observation("2024-01-01", 1), "/phenomenonTime");
		assertPointer(observations, obj("phenomenonTime", 20240101, "result", 1), "/phenomenonTime");
		assertPointer(observations, observation("2024-01-02T00:00:00Z/2024-01-01T00:00:00Z", 1), "/phenomenonTime");
		assertPointer(observations, observation("10000-01-01T00:00:00Z", 1), "/phenomenonTime");
		assertPointer(observations, observation("2024-02-30T00:00:00Z", 1), "/phenomenonTime");
		assertPointer(observations, obj("phenomenonTime", null, "result", 1), "/phenomenonTime");
		Map<String, Object> observation = observation("2024-01-01T00:00:00Z", 1);
		observation.put("resultTime", "2024-01-01T00:00:00Z/2024-01-02T00:00:00Z");
		assertPointer(observations, observation, "/resultTime");
		observation = observation("2024-01-01T00:00:00Z", 1);
		observation.put("validTime", "2024-01-01T00:00:00Z");
		assertPointer(observations, observation, "/validTime");
		observation = observation("2024-01-01T00:00:00Z", 1);
		observation.put("parameters", "p");
		assertPointer(observations, observation, "/parameters");
		assertPointer(V + "/HistoricalLocations", obj("time", "noon", "Thing", ref(sentinel)), "/time");
		assertThat(ids(api.get(V + "/Things", "$filter", "name eq '" + name + "'"))).isEmpty();
	}

	private void assertPointer(String path, Object body, String pointer) {
		JsonNode problem = problem(api.post(path, body), 400);
		assertThat(problem.get("pointer").asString()).as("%s", body).isEqualTo(pointer);
	}

	@Test
	@DisplayName("missing required properties: 400 naming the property and where")
	void missingRequiredProperties() {
		String name = unique("missing");
		JsonNode problem = problem(api.post(V + "/Things", obj("name", name)), 400);
		assertThat(problem.get("detail").asString()).contains("description");
		assertThat(problem.get("pointer").asString()).isEqualTo("/");
		problem = problem(api.post(V + "/Sensors", obj("name", name, "description", "d", "encodingType",
				"application/pdf")), 400);
		assertThat(problem.get("detail").asString()).contains("metadata");
		Map<String, Object> location = location(name, 1, 1);
		location.remove("encodingType");
		assertThat(problem(api.post(V + "/Locations", location), 400).get("detail").asString())
			.contains("encodingType");
		long datastream = ids(api.get(V + "/Things(" + sentinel + ")/Datastreams")).get(0);
		problem = problem(api.post(V + "/Datastreams(" + datastream + ")/Observations",
				obj("phenomenonTime", "2024-01-01T00:00:00Z")), 400);
		assertThat(problem.get("detail").asString()).contains("result");
		Map<String, Object> nested = datastream(name + "-ds");
		nested.remove("unitOfMeasurement");
		problem = problem(api.post(V + "/Things", obj("name", name, "description", "d", "Datastreams", arr(nested))),
				400);
		assertThat(problem.get("pointer").asString()).isEqualTo("/Datastreams/0");
		assertThat(problem.get("detail").asString()).contains("unitOfMeasurement");
		Map<String, Object> sensor = sensor(name);
		sensor.remove("name");
		problem = problem(api.post(V + "/Things", obj("name", name, "description", "d", "Datastreams",
				arr(obj("name", name, "description", "d", "unitOfMeasurement", Sta.unit(), "observationType",
						Sta.MEASUREMENT, "Sensor", sensor, "ObservedProperty", Sta.observedProperty(name))))), 400);
		assertThat(problem.get("pointer").asString()).isEqualTo("/Datastreams/0/Sensor");
		assertThat(ids(api.get(V + "/Things", "$filter", "name eq '" + name + "'"))).isEmpty();
	}

	@Test
	@DisplayName("values stored as sent: exotic text and numbers come back exactly, or are refused")
	void valuesAreNotLost() {
		String name = unique("exotic") + " Zürich ✓ 😀 日本 \"quoted\" O'Brien \\ back\\slash\ttab\nline";
		long id = created(api.post(V + "/Things", obj("name", name, "description", "d", "properties",
				obj("größe", 3, "nested", obj("deep", arr(1, obj("x", null)))))));
		JsonNode thing = ok(api.get(V + "/Things(" + id + ")")).json();
		assertThat(thing.get("name").asString()).isEqualTo(name);
		assertThat(thing.get("properties").get("nested").get("deep").get(1).get("x").isNull()).isTrue();
		assertThat(ids(api.get(V + "/Things", "$filter", "name eq '" + name.replace("'", "''") + "'")))
			.containsExactly(id);
		long own = created(api.post(V + "/Things", obj("name", unique("numbers"), "description", "d", "Locations",
				arr(location("here", 1, 1)), "Datastreams", arr(datastream(unique("numbers"))))));
		long datastream = ids(api.get(V + "/Things(" + own + ")/Datastreams")).get(0);
		String observations = V + "/Datastreams(" + datastream + ")/Observations";
		// Numbers beyond a double's precision are kept as they were written.
		for (String number : List.of("123456789012345678901234567890", "0.1", "-0.0000001", "1.7976931348623157E308",
				"-9007199254740993")) {
			Api.Response response = postRaw(observations.substring(V.length()), "{\"phenomenonTime\": "
					+ "\"2024-01-01T00:00:00Z\", \"result\": " + number + "}");
			long observation = created(response);
			String result = ok(api.get(V + "/Observations(" + observation + ")/result/$value")).body();
			assertThat(new BigDecimal(result)).as(number).isEqualByComparingTo(new BigDecimal(number));
			ok(api.delete(V + "/Observations(" + observation + ")"));
		}
		// Text a database cannot hold is refused, not mangled.
		Api.Response nul = api.post(V + "/Things", obj("name", "nul\u0000char", "description", "d"));
		if (nul.status() == 201) {
			assertThat(ok(api.get(V + "/Things(" + nul.id() + ")/name/$value")).body()).isEqualTo("nul\u0000char");
		}
		else {
			clientError(nul);
		}
		// Not even Unicode: a lone surrogate, escaped in the JSON text.
		Api.Response surrogate = postRaw("/Things", "{\"name\": \"lone \\ud800 surrogate\", \"description\": \"d\"}");
		if (surrogate.status() == 201) {
			ok(api.get(V + "/Things(" + surrogate.id() + ")"));
			ok(api.get(V + "/Things", "$filter", "id eq " + surrogate.id()));
		}
		else {
			clientError(surrogate);
		}
		Api.Response huge = postRaw(observations.substring(V.length()),
				"{\"phenomenonTime\": \"2024-01-01T00:00:00Z\", \"result\": 1e999999}");
		if (huge.status() == 201) {
			ok(api.delete(V + "/Observations(" + huge.id() + ")"));
		}
		else {
			clientError(huge);
		}
	}

	// ---- query options ----

	@Test
	@DisplayName("hostile $filter: quotes and injection attempts are literals")
	void hostileFilterQuotes() {
		String name = "O'Brien's \"thing\" " + unique("quotes");
		long id = created(api.post(V + "/Things", thing(name)));
		assertThat(ids(api.get(V + "/Things", "$filter", "name eq '" + name.replace("'", "''") + "'")))
			.containsExactly(id);
		for (String filter : List.of("name eq 'x'' or ''1''=''1'", "name eq 'a'; DROP TABLE things; --'",
				"name eq 'x' or 1 eq 1 --'", "name eq '\\'' or true or name eq '\\'",
				"name eq 'x'/*", "name eq '%' or name eq '_'", "substringof('%', name)", "startswith(name, '_')")) {
			Api.Response response = api.get(V + "/Things", "$filter", filter);
			if (response.status() == 200) {
				assertThat(response.json().get("value").isArray()).isTrue();
			}
			else {
				clientError(response);
			}
		}
		// LIKE wildcards in startswith, endswith and substringof are plain characters.
		String percent = "100% " + unique("pct");
		long percentId = created(api.post(V + "/Things", thing(percent)));
		assertThat(ids(api.get(V + "/Things", "$filter", "startswith(name, '100%') and endswith(name, '"
				+ percent.substring(5) + "')"))).containsExactly(percentId);
		assertThat(ids(api.get(V + "/Things", "$filter", "startswith(name, '1_0') and name eq '" + percent + "'")))
			.isEmpty();
		assertThat(ids(api.get(V + "/Things", "$filter", "substringof('0% ', name) and name eq '" + percent + "'")))
			.containsExactly(percentId);
		problem(api.get(V + "/Things", "$filter", "name eq 'unclosed"), 400);
		problem(api.get(V + "/Things", "$filter", "name eq \"double quotes\""), 400);
		problem(api.get(V + "/Things", "$filter", "name eq 'a' ; delete"), 400);
	}

	@Test
	@DisplayName("hostile $filter: unicode and control characters")
	void hostileFilterUnicode() {
		String name = "Zürich ✓ 😀 日本 " + unique("unicode");
		long id = created(api.post(V + "/Things", obj("name", name, "description", "d", "properties",
				obj("größe", 3))));
		assertThat(ids(api.get(V + "/Things", "$filter", "name eq '" + name + "'"))).containsExactly(id);
		assertThat(ids(api.get(V + "/Things", "$filter", "substringof('😀 日本', name) and name eq '" + name + "'")))
			.containsExactly(id);
		assertThat(ids(api.get(V + "/Things", "$filter", "properties/größe eq 3 and name eq '" + name + "'")))
			.containsExactly(id);
		for (String filter : List.of("name eq 'a\u0000b'", "name eq 'a\u202eb'", "name\teq\n'x'", "name eq 'x\ud800'",
				"ñame eq 'x'", "name eq '\uffff'", "名前 eq 1", "name eq '\u0007'")) {
			Api.Response response = api.get(V + "/Things", "$filter", filter);
			if (response.status() != 200) {
				clientError(response);
			}
		}
	}

	@Test
	@DisplayName("hostile $filter: deep nesting and long expressions")
	void hostileFilterNesting() {
		long datastream = ids(api.get(V + "/Things(" + sentinel + ")/Datastreams")).get(0);
		String observations = V + "/Datastreams(" + datastream + ")/Observations";
		List<String> filters = List.of("(".repeat(2000) + "result eq 1" + ")".repeat(2000),
				"not ".repeat(3000) + "result eq 1", "- ".repeat(3000) + "result eq 1",
				"tolower(".repeat(500) + "name" + ")".repeat(500) + " eq 'x'",
				"result eq 1" + " or result eq 1".repeat(2000), "result" + " add 1".repeat(2000) + " eq 0",
				"result eq 1" + " eq true".repeat(2000), "(".repeat(10_000));
		for (String filter : filters) {
			clientError(api.get(observations, "$filter", filter));
		}
		// Long, but within the limits: answered.
		String many = "result eq 1" + " or result eq 2".repeat(100);
		assertThat(ids(api.get(observations, "$filter", many))).hasSize(1);
		String nested = "(".repeat(30) + "result eq 1" + ")".repeat(30);
		assertThat(ids(api.get(observations, "$filter", nested))).hasSize(1);
	}

	@Test
	@DisplayName("hostile $filter: huge numbers, bad dates, bad geometries, wrong types")
	void hostileFilterValues() {
		long datastream = ids(api.get(V + "/Things(" + sentinel + ")/Datastreams")).get(0);
		String observations = V + "/Datastreams(" + datastream + ")/Observations";
		for (String filter : List.of("result gt 1e999999", "result gt -1e99999999999999999999",
				"result gt 1" + "0".repeat(5000), "phenomenonTime gt 2024-02-30T00:00:00Z",
				"phenomenonTime gt 2024-13-01T00:00:00Z", "phenomenonTime gt 99999-01-01T00:00:00Z",
				"phenomenonTime add 5 gt now()", "phenomenonTime gt duration'forever'", "name eq 5",
				"substring(result, 'a') eq 'b'", "unknown(result)", "result eq 1 and",
				"geo.distance(result, geography'POINT (1 2)') lt 1",
				"st_within(FeatureOfInterest/feature, geography'POLYGON ((')",
				"st_relate(FeatureOfInterest/feature, geography'POINT (1 1)', 'XXXXXXXXX')",
				"st_within(FeatureOfInterest/feature, geography'LINESTRING (0 0)')",
				"result eq geography'POINT (1 2)'", "result eq wkt'POINT (1 2)'", "@iot.id eq 1 eq 2 eq 3 eq 'x'",
				"Datastream/Thing/Datastreams/Observations/Datastream/Thing/name/x eq 1", "$it eq 1")) {
			clientError(api.get(observations, "$filter", filter));
		}
		// Answered, though they match nothing or overflow: never a 500.
		for (String filter : List.of("result gt 99999999999999999999999999999", "result div 0 eq 1",
				"result mod 0 eq 1", "result mul 1e308 mul 1e308 gt 0", "substring(result, 99999999999) eq 'x'", "year(result) eq 2024",
				"year(phenomenonTime) eq 99999999999999999999", "result eq 'two'", "result/x/y eq 1",
				"length(result) eq 3", "phenomenonTime gt 0001-01-01T00:00:00Z",
				"phenomenonTime lt 9999-12-31T23:59:59Z", "round(result) eq 1e300",
				"-9223372036854775808 lt result", "result gt 9223372036854775807")) {
			Api.Response response = api.get(observations, "$filter", filter);
			if (response.status() != 200) {
				clientError(response);
			}
		}
	}

	@Test
	@DisplayName("hostile query options other than $filter")
	void hostileOptions() {
		String things = V + "/Things(" + sentinel + ")";
		String deep = "Datastreams/Thing" + "/Datastreams/Thing".repeat(20);
		for (String[] option : List.of(new String[] { "$expand", deep }, new String[] { "$expand", "Datastreams(" },
				new String[] { "$expand", "Datastreams($top=-1)" }, new String[] { "$expand", "Datastreams($foo=1)" },
				new String[] { "$expand", "Datastreams($top=1;$top=2)" }, new String[] { "$expand", "Datastreams)" },
				new String[] { "$expand", "Datastreams($filter=name eq 'a)" }, new String[] { "$expand", "/" },
				new String[] { "$expand", "Datastreams//Sensor" }, new String[] { "$orderby", "name; DROP TABLE things" },
				new String[] { "$orderby", "Datastreams/name" }, new String[] { "$orderby", "location" },
				new String[] { "$select", "name,@iot.nothing" }, new String[] { "$select", "" },
				new String[] { "$top", "99999999999999999999" }, new String[] { "$skip", "2147483648" },
				new String[] { "$top", "1.5" }, new String[] { "$count", "TRUE " + "x".repeat(10) },
				new String[] { "$foo", "1" }, new String[] { "$filter", "" })) {
			clientError(api.get(V + "/Things", option));
		}
		clientError(api.get(things, "$top", "1", "$top", "2"));
		JsonNode problem = clientError(api.get(things, "$expand", deep));
		assertThat(problem.get("option").asString()).isEqualTo("$expand");
		// Well-formed, if odd: answered.
		ok(api.get(things, "$expand", "Datastreams($filter=name eq 'a;b)c')"));
		ok(api.get(things, "$select", "name,name,name"));
		ok(api.get(V + "/Things", "$skip", "2147483647", "$top", "1"));
		ok(api.get(things, "$expand", "Datastreams/Thing/Datastreams/Thing"));
	}

	// ---- ids and paths ----

	@Test
	@DisplayName("ids that are not integers: 400 naming the segment")
	void idsThatAreNotIntegers() {
		for (String id : List.of("abc", "'1'", "1.5", "", "1e3", "0x1F", "99999999999999999999", "1)(2", "1,2",
				"%27%20OR%201=1", "null", "-")) {
			String path = V + "/Things(" + id + ")";
			JsonNode problem = problem(api.get(path), 400);
			assertThat(problem.get("detail").asString()).contains("integer");
			problem(api.patch(path, obj("name", "x")), 400);
			problem(api.put(path, obj("name", "x", "description", "y")), 400);
			problem(api.delete(path), 400);
			problem(api.get(V + "/Things(" + sentinel + ")/Datastreams(" + id + ")"), 400);
		}
		problem(api.get(V + "/Things(-1)"), 404);
		problem(api.get(V + "/Things(0)"), 404);
		problem(api.delete(V + "/Things(-1)"), 404);
		// Ids in links.
		long datastream = ids(api.get(V + "/Things(" + sentinel + ")/Datastreams")).get(0);
		for (Object id : List.of("abc", 1.5, true, obj("id", 1), arr(1), "99999999999999999999", Double.MAX_VALUE)) {
			Map<String, Object> observation = observation("2024-01-01T00:00:00Z", 1);
			observation.put("Datastream", obj("@iot.id", id));
			JsonNode problem = problem(api.post(V + "/Observations", observation), 400);
			assertThat(problem.get("pointer").asString()).as("%s", id).startsWith("/Datastream");
		}
		Map<String, Object> observation = observation("2024-01-01T00:00:00Z", 1);
		observation.put("Datastream", obj("@iot.id", null));
		problem(api.post(V + "/Observations", observation), 400);
		observation.put("Datastream", obj("@iot.id", -5));
		problem(api.post(V + "/Observations", observation), 400);
		assertThat(ids(api.get(V + "/Datastreams(" + datastream + ")/Observations"))).hasSize(2);
	}

	@Test
	@DisplayName("paths and methods that lead nowhere: 404, 400 or 405 with a problem body")
	void pathsAndMethods() {
		String thing = V + "/Things(" + sentinel + ")";
		problem(api.get("/v2.0/Things"), 404);
		problem(api.get(V + "/Things/Datastreams"), 400);
		problem(api.get(V + "/Things/$value"), 400);
		problem(api.get(thing + "/$value"), 400);
		problem(api.get(thing + "/$ref"), 400);
		problem(api.get(thing + "/name/$value/more"), 400);
		problem(api.get(thing + "/name/$ref"), 400);
		problem(api.get(thing + "/name/first"), 400);
		problem(api.get(thing + "/Datastreams/$ref/$ref"), 400);
		clientError(api.get(thing + "/Locations(1)(2)"));
		clientError(api.get(V + "/Things(" + sentinel + ")/Thing"));
		problem(api.post(thing, obj("name", "x", "description", "y")), 405);
		problem(api.post(V, obj("name", "x", "description", "y")), 405);
		problem(api.delete(V + "/Things"), 405);
		problem(api.patch(V + "/Things", obj("name", "x")), 405);
		problem(api.put(V + "/Things", obj("name", "x", "description", "y")), 405);
		problem(api.delete(thing + "/name"), 405);
	}

	// ---- size ----

	/** A small body limit, so that a body over it is cheap to send. */
	@Nested
	@TestPropertySource(properties = "cabildo.sensing.max-body-bytes=1000")
	@DisplayName("with a body limit of 1000 bytes")
	class SmallBodyLimit {

		@LocalServerPort
		int smallPort;

		@Test
		@DisplayName("a body over the limit: 413 with the limit, with or without Content-Length")
		void oversizedBody() throws IOException, InterruptedException {
			Api small = new Api(smallPort);
			String name = unique("big");
			JsonNode problem = problem(small.post(V + "/Things", obj("name", name, "description", "x".repeat(2000))),
					413);
			assertThat(problem.get("limit").asLong()).isEqualTo(1000);
			// Streamed without a length.
			byte[] body = ("{\"name\": \"" + name + "\", \"description\": \"" + "x".repeat(2000) + "\"}")
				.getBytes(StandardCharsets.UTF_8);
			HttpRequest request = HttpRequest.newBuilder(URI.create(small.base() + V + "/Things"))
				.header("Content-Type", "application/json")
				.header("Authorization", Api.bearer(Api.TEST_TOKEN))
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
				.build();
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofString());
			problem(new Api.Response(response.statusCode(), response.body(), response.headers().map()), 413);
			problem(small.patch(V + "/Things(" + sentinel + ")", obj("description", "x".repeat(2000))), 413);
			// Just under the limit is fine.
			created(small.post(V + "/Things", obj("name", name, "description", "x".repeat(800))));
			assertThat(ids(small.get(V + "/Things", "$filter", "name eq '" + name + "'"))).hasSize(1);
		}

	}

}
