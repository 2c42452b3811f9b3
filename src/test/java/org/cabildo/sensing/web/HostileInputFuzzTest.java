package org.cabildo.sensing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.cabildo.support.Fixtures;
import org.cabildo.support.HostileJson;
import org.cabildo.support.SoundAnswers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;

import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile query options and bodies, generated, against the whole server: every answer is
 * sound ({@link SoundAnswers}: no 5xx, valid JSON, nothing of the database in it), none takes
 * over 5 seconds, and the server still answers afterwards. A fixed seed and number of tries
 * per kind of input keep it repeatable and short; a failure names the request.
 */
@IntegrationTest
@DisplayName("Fuzzing: hostile query options and bodies get sound answers within 5 s")
class HostileInputFuzzTest {

	private static final int TRIES = 250;

	private static final Duration LIMIT = Duration.ofSeconds(5);

	/** Pieces of the query language and of what breaks parsers, glued together at random. */
	private static final List<String> FILTER_PIECES = List.of("(", ")", "(((((((((((((((((((((((((", ")))))))))))))",
			"'", "''", "'x'", ",", "/", "-", " ", "not", "and", "or", "eq", "ne", "gt", "le", "add", "sub", "mul", "div",
			"mod", "name", "result", "id", "@iot.id", "Datastream/Thing/name", "Datastreams/Observations/result",
			"Thing/Datastreams/Sensor/Datastreams/ObservedProperty/name", "properties/a", "properties/a/b/c",
			"parameters/x", "phenomenonTime", "resultTime", "validTime", "substring(", "substringof(", "startswith(",
			"indexof(", "length(", "tolower(", "concat(", "year(", "round(", "floor(", "ceiling(", "now()",
			"mindatetime()", "maxdatetime()", "geo.distance(", "geo.intersects(", "st_within(", "st_relate(",
			"geography'POINT(1 2)'", "geography'POLYGON((0 0,1 0,1 1,0 0))'", "geography'", "duration'P1D'", "duration'",
			"2024-01-01T00:00:00Z", "2024-01-01", "9999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "12:00",
			"25:61", "1e99999999999", "1e400", "-1e400", "99999999999999999999999999999", "9223372036854775808",
			"-9223372036854775809", "1.7976931348623157E309", "0.0000000000000000000000001", "1.5e3", "-5", "0", ".",
			"true", "false", "null", "😀", "é", "日本", "\u202e", "\u0007", "\uffff", "\u0000", "\uD800", "T", "Z",
			"+01:00", "asc", "desc", "$", "%", "%zz", ";", "'a'';--'", "$top=1", "$expand=", "$filter=", "$select=",
			"$orderby=");

	private static final List<String> NAVIGATIONS = List.of("Things", "Locations", "HistoricalLocations",
			"Datastreams", "Sensors", "ObservedProperties", "Observations", "FeaturesOfInterest", "Thing", "Datastream",
			"Sensor", "ObservedProperty", "FeatureOfInterest", "Location", "Nothing", "Observations/Datastream",
			"Datastream/Thing", "Thing/Locations", "");

	private static final List<String> SETS = List.of("Things", "Locations", "HistoricalLocations", "Datastreams",
			"Sensors", "ObservedProperties", "Observations", "FeaturesOfInterest");

	private static final JsonMapper JSON = JsonMapper.shared();

	@LocalServerPort
	int port;

	private Api api;

	private Random random;

	private long datastream;

	@BeforeEach
	void setUp() {
		api = new Api(port).timeout(LIMIT);
		random = new Random(20_241_010);
		datastream = new Api(port).post("/v1.1/Datastreams", Fixtures.datastreamWithThing("fuzz-" + System.nanoTime()))
			.id();
		new Api(port).post("/v1.1/Datastreams(" + datastream + ")/Observations",
				Map.of("phenomenonTime", "2024-01-01T00:00:00Z", "result", 1));
	}

	@AfterEach
	void stillUp() {
		Api fresh = Api.anonymous(port).timeout(LIMIT);
		assertThat(fresh.get("/actuator/health").status()).isEqualTo(200);
		assertThat(fresh.get("/v1.1/Things", "$top", "1").status()).isEqualTo(200);
	}

	/** A generated request: what it is (for a failure message), and how to send it. */
	record Case(String what, Supplier<Api.Response> send) {
	}

	@Test
	void filters() {
		Arbitrary<String> filters = Arbitraries.oneOf(glued(FILTER_PIECES, " "), glued(FILTER_PIECES, ""),
				Arbitraries.strings().ofMaxLength(60), deep());
		Arbitrary<String> sets = Arbitraries.of("Things", "Observations", "Datastreams",
				"Datastreams(" + datastream + ")/Observations", "FeaturesOfInterest", "Locations");
		tryAll(Combinators.combine(sets, filters).as((set, filter) -> new Case("GET " + set + " $filter=" + filter,
				() -> api.get("/v1.1/" + set, "$filter", filter))));
	}

	@Test
	void orderBy() {
		List<String> pieces = new ArrayList<>(FILTER_PIECES);
		pieces.addAll(List.of(",", " asc", " desc", "name", "phenomenonTime", "result"));
		Arbitrary<String> orders = Arbitraries.oneOf(glued(pieces, " "), glued(pieces, ","),
				Arbitraries.strings().ofMaxLength(40));
		tryAll(orders.map(order -> new Case("GET Observations $orderby=" + order,
				() -> api.get("/v1.1/Observations", "$orderby", order, "$top", "5"))));
	}

	@Test
	void expandsAndPaging() {
		tryAll(expand(4).map(expand -> new Case("GET Things $expand=" + expand,
				() -> api.get("/v1.1/Things", "$expand", expand, "$top", "3"))));
		Arbitrary<String> numbers = Arbitraries.of("0", "-1", "1", "99999999999", "9223372036854775808", "1e3", "x",
				"", "\u0661\u0662", " 1", "0x10", "true");
		tryAll(Combinators.combine(numbers, numbers, numbers).as((top, skip, count) -> new Case(
				"GET Datastreams $top=" + top + " $skip=" + skip + " $count=" + count,
				() -> api.get("/v1.1/Datastreams", "$top", top, "$skip", skip, "$count", count, "$expand",
						"Observations($top=" + top + ";$skip=" + skip + ";$count=" + count + ")"))));
	}

	@Test
	void entityBodies() {
		Arbitrary<String> bodies = Arbitraries.oneOf(HostileJson.value(3).map(JSON::writeValueAsString), HostileJson.almostJson());
		tryAll(Combinators.combine(Arbitraries.of(SETS), bodies)
			.as((set, body) -> new Case("POST " + set + " " + body, () -> api.post("/v1.1/" + set, body))));
		long thing = new Api(port).get("/v1.1/Datastreams(" + datastream + ")/Thing").id();
		long sensor = new Api(port).get("/v1.1/Datastreams(" + datastream + ")/Sensor").id();
		long property = new Api(port).get("/v1.1/Datastreams(" + datastream + ")/ObservedProperty").id();
		long observation = new Api(port).get("/v1.1/Datastreams(" + datastream + ")/Observations")
			.json()
			.get("value")
			.get(0)
			.get("@iot.id")
			.asLong();
		Arbitrary<String> targets = Arbitraries.of("Datastreams(" + datastream + ")", "Things(" + thing + ")",
				"Sensors(" + sensor + ")", "ObservedProperties(" + property + ")", "Observations(" + observation + ")");
		tryAll(Combinators.combine(Arbitraries.of("PATCH", "PUT"), targets, bodies)
			.as((method, target, body) -> new Case(method + " " + target + " " + body,
					() -> api.send(method, "/v1.1/" + target, body, Map.of()))));
	}

	@Test
	void dataArrayBodies() {
		Arbitrary<List<List<Object>>> rows = HostileJson.value(1)
			.list()
			.ofMaxSize(4)
			.map(row -> (List<Object>) new ArrayList<>(row))
			.list()
			.ofMaxSize(5);
		Arbitrary<List<String>> components = Arbitraries.of("phenomenonTime", "result", "resultTime",
				"FeatureOfInterest/id", "parameters", "validTime", "resultQuality", "id", "nothing", "")
			.list()
			.ofMaxSize(5);
		Arbitrary<Object> stream = Arbitraries.of((Object) Map.of("@iot.id", datastream), Map.of("@iot.id", -1),
				Map.of("@iot.id", "x"), Map.of(), 1);
		Arbitrary<String> shaped = Combinators.combine(stream, components, rows)
			.as((s, c, r) -> JSON.writeValueAsString(List.of(Map.of("Datastream", s, "components", c, "dataArray", r))));
		Arbitrary<String> bodies = Arbitraries.oneOf(shaped, shaped, HostileJson.value(3).map(JSON::writeValueAsString),
				HostileJson.almostJson());
		tryAll(bodies.map(body -> new Case("POST CreateObservations " + body,
				() -> api.post("/v1.1/CreateObservations", body))));
	}

	@Test
	void batchBodies() {
		Arbitrary<String> methods = Arbitraries.of("get", "post", "patch", "put", "delete", "GET", "head", "", "x");
		Arbitrary<String> urls = Arbitraries.oneOf(Arbitraries.of("Things", "Things(1)", "$batch", "/v1.1/Things",
				"http://example.org/v1.1/Things", "$1/Datastreams", "$x", "Datastreams(" + datastream + ")/Observations",
				"CreateObservations", "../../etc", "", "Things?$filter=(((", "Things?$expand=Datastreams($top=99999999)",
				"Things?$top=%zz"), glued(FILTER_PIECES, "").map(f -> "Things?$filter=" + f));
		Arbitrary<Map<String, Object>> requests = Combinators
			.combine(Arbitraries.of("1", "2", "3", "", "$x"), methods, urls, HostileJson.value(2), Arbitraries.of("", "g", "h"),
					Arbitraries.of(true, false))
			.as((id, method, url, body, group, depends) -> {
				Map<String, Object> request = new LinkedHashMap<>();
				request.put("id", id);
				request.put("method", method);
				request.put("url", url);
				request.put("body", body);
				if (!group.isEmpty()) {
					request.put("atomicityGroup", group);
				}
				if (depends) {
					request.put("dependsOn", List.of("1", "x"));
				}
				return request;
			});
		Arbitrary<String> bodies = Arbitraries.oneOf(
				requests.list().ofMaxSize(6).map(list -> JSON.writeValueAsString(Map.of("requests", list))),
				HostileJson.value(3).map(JSON::writeValueAsString), HostileJson.almostJson());
		tryAll(bodies.map(body -> new Case("POST $batch " + body, () -> api.post("/v1.1/$batch", body))));
	}

	/** Runs {@link #TRIES} generated requests: each must be answered soundly within {@link #LIMIT}. */
	private void tryAll(Arbitrary<Case> cases) {
		// Generators that combine others need a jqwik session outside jqwik's own engine.
		JqwikSession.start();
		try {
			tryAll(cases.generator(TRIES));
		}
		finally {
			JqwikSession.finish();
		}
	}

	private void tryAll(RandomGenerator<Case> generator) {
		for (int i = 0; i < TRIES; i++) {
			Case generated = generator.next(random).value();
			// Control characters shown escaped, so that a failure report can be read (and stored as XML).
			Case request = new Case(generated.what().codePoints()
				.mapToObj(c -> Character.isISOControl(c) ? String.format("\\u%04x", c) : Character.toString(c))
				.collect(java.util.stream.Collectors.joining()), generated.send());
			long start = System.nanoTime();
			Api.Response response;
			try {
				response = request.send().get();
			}
			catch (IllegalStateException e) {
				throw new AssertionError("no answer within " + LIMIT + " (or the connection failed): " + request.what(), e);
			}
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as(request.what()).isLessThan(LIMIT);
			SoundAnswers.assertSound(request.what(), response);
		}
	}

	private static Arbitrary<String> glued(List<String> pieces, String separator) {
		return Arbitraries.of(pieces).list().ofMaxSize(25).map(parts -> String.join(separator, parts));
	}

	private static Arbitrary<String> deep() {
		return Arbitraries.integers()
			.between(1, 3000)
			.flatMap(depth -> Arbitraries.of("(", "not ", "- ", "tolower(", "length(")
				.map(open -> open.repeat(depth) + "name" + (open.endsWith("(") ? ")".repeat(depth) : "") + " eq 'x'"));
	}

	/** {@code $expand} text: navigations with nested options, some of them wrong. */
	private static Arbitrary<String> expand(int depth) {
		Arbitrary<String> navigation = Arbitraries.of(NAVIGATIONS);
		if (depth == 0) {
			return navigation;
		}
		Arbitrary<String> option = Arbitraries.oneOf(
				Arbitraries.of("$top=1", "$top=99999999999", "$top=-1", "$skip=9999999999", "$count=true",
						"$select=name,id", "$select=", "$orderby=id desc", "$orderby='x'", "$filter=id gt 0",
						"$filter=(((", "$filter=name eq 'a;b'", "$bogus=1", "$top=", ";", "", "$expand=Nothing"),
				Arbitraries.lazy(() -> expand(depth - 1)).map(inner -> "$expand=" + inner));
		Arbitrary<String> one = Combinators.combine(navigation, option.list().ofMaxSize(3), Arbitraries.of("", "(", ")"))
			.as((nav, options, close) -> options.isEmpty() ? nav : nav + "(" + String.join(";", options) + ")" + close);
		return one.list().ofMinSize(1).ofMaxSize(3).map(list -> String.join(",", list));
	}

}

