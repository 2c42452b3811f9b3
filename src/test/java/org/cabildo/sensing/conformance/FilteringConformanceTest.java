package org.cabildo.sensing.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cabildo.sensing.conformance.Sta.CONF;
import static org.cabildo.sensing.conformance.Sta.GEOJSON;
import static org.cabildo.sensing.conformance.Sta.V;
import static org.cabildo.sensing.conformance.Sta.arr;
import static org.cabildo.sensing.conformance.Sta.created;
import static org.cabildo.sensing.conformance.Sta.datastream;
import static org.cabildo.sensing.conformance.Sta.feature;
import static org.cabildo.sensing.conformance.Sta.ids;
import static org.cabildo.sensing.conformance.Sta.location;
import static org.cabildo.sensing.conformance.Sta.navigationLinks;
import static org.cabildo.sensing.conformance.Sta.obj;
import static org.cabildo.sensing.conformance.Sta.observation;
import static org.cabildo.sensing.conformance.Sta.ok;
import static org.cabildo.sensing.conformance.Sta.problem;
import static org.cabildo.sensing.conformance.Sta.propertyNames;
import static org.cabildo.sensing.conformance.Sta.ref;
import static org.cabildo.sensing.conformance.Sta.results;
import static org.cabildo.sensing.conformance.Sta.strings;
import static org.cabildo.sensing.conformance.Sta.thing;
import static org.cabildo.sensing.conformance.Sta.unique;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Filtering Extension tests, OGC 18-088 annex A.2: the conformance class
 * {@code conf/request-data}. Queries are scoped to data each test makes: the Observations of
 * its own Datastream, or the Things whose description is the test's run id.
 */
@IntegrationTest
@DisplayName("Filtering Extension (OGC 18-088 A.2): conf/request-data")
class FilteringConformanceTest {

	private static final String REQUEST_DATA = CONF + "request-data/";

	@LocalServerPort
	int port;

	private Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	// ---- fixtures ----

	/** A Thing with a Location and one Datastream; its Observations as the caller gave them. */
	record Series(long thing, long datastream, List<Long> observations) {

		String observationsPath() {
			return V + "/Datastreams(" + datastream + ")/Observations";
		}

	}

	private Series series(List<Map<String, Object>> observations) {
		String name = unique("series");
		Map<String, Object> datastream = datastream(name);
		// Results of any kind, as the filters compare: an OM_Measurement stream would refuse text and JSON.
		datastream.put("observationType", "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Observation");
		datastream.put("Observations", new ArrayList<Object>(observations));
		Map<String, Object> thing = thing(name);
		thing.put("Locations", arr(location(name, 7, 51)));
		thing.put("Datastreams", arr(datastream));
		long thingId = created(api.post(V + "/Things", thing));
		long datastreamId = ids(api.get(V + "/Things(" + thingId + ")/Datastreams")).get(0);
		List<Long> observationIds = ids(api.get(V + "/Datastreams(" + datastreamId + ")/Observations", "$top",
				"10000", "$orderby", "id"));
		return new Series(thingId, datastreamId, observationIds);
	}

	/** Observations with results 1..10; result i at hour i-1 of 2024-01-01 (UTC). */
	private Series oneToTen() {
		List<Map<String, Object>> observations = new ArrayList<>();
		for (int i = 1; i <= 10; i++) {
			observations.add(observation(String.format("2024-01-01T%02d:00:00Z", i - 1), i));
		}
		return series(observations);
	}

	/** The results (as integers) of a series' Observations that pass a filter, in time order. */
	private List<Integer> where(Series series, String filter) {
		return results(api.get(series.observationsPath(), "$filter", filter)).stream()
			.map(Double::intValue)
			.toList();
	}

	private void assertWhere(Series series, String filter, IntPredicate expected) {
		assertThat(where(series, filter)).as(filter)
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 10).filter(expected).boxed().toList());
	}

	/** Things with the given names (and extra members), all described by one new run id. */
	@SafeVarargs
	private String things(Map<String, Object>... things) {
		String run = unique("run");
		for (Map<String, Object> thing : things) {
			thing.put("description", run);
			created(api.post(V + "/Things", thing));
		}
		return run;
	}

	private Map<String, Object> named(String name, Object... members) {
		Map<String, Object> thing = obj(members);
		thing.put("name", name);
		return thing;
	}

	/** The names of the run's Things that pass a filter, in id order. */
	private List<String> thingsWhere(String run, String filter, String... options) {
		List<String> all = new ArrayList<>(List.of("$filter", "description eq '" + run + "' and (" + filter + ")"));
		all.addAll(List.of(options));
		return strings(api.get(V + "/Things", all.toArray(String[]::new)), "name");
	}

	// ---- request-data/order ----

	@Test
	@DisplayName(REQUEST_DATA + "order (req/request-data/order): $filter, $count, $orderby, $skip, $top, then $select, $expand")
	void order() {
		Series series = oneToTen();
		// Written in the reverse order of evaluation on purpose.
		JsonNode page = ok(api.get(series.observationsPath(), "$expand", "Datastream", "$select", "result", "$top",
				"2", "$skip", "1", "$orderby", "result desc", "$count", "true", "$filter", "result gt 3"))
			.json();
		// $count honours $filter but not $skip or $top.
		assertThat(page.get("@iot.count").asLong()).isEqualTo(7);
		// $orderby before $skip before $top: 10, 9, 8, ... skip one, take two.
		List<Double> results = new ArrayList<>();
		page.get("value").forEach(o -> results.add(o.get("result").asDouble()));
		assertThat(results).containsExactly(9.0, 8.0);
		// $select applies to what is left, and the expanded Datastream is selected implicitly.
		for (JsonNode observation : page.get("value")) {
			assertThat(propertyNames(observation)).containsExactlyInAnyOrder("result", "Datastream");
			assertThat(observation.get("Datastream").get("@iot.id").asLong()).isEqualTo(series.datastream());
		}
		// $skip applies before $top whatever their order in the URL.
		assertThat(results(api.get(series.observationsPath(), "$top", "3", "$skip", "2")))
			.containsExactly(3.0, 4.0, 5.0);
		assertThat(results(api.get(series.observationsPath(), "$skip", "2", "$top", "3")))
			.containsExactly(3.0, 4.0, 5.0);
	}

	// ---- request-data/expand-and-select ----

	/** A Thing with two Datastreams (a and b) of three Observations each, and a Location. */
	private record Family(String name, long thing, long location, long a, long b) {
	}

	private Family family() {
		String name = unique("family");
		Map<String, Object> a = datastream(name + "-a");
		a.put("Observations", arr(observation("2024-01-01T00:00:00Z", 1), observation("2024-01-01T01:00:00Z", 2),
				observation("2024-01-01T02:00:00Z", 3)));
		Map<String, Object> b = datastream(name + "-b");
		b.put("Observations", arr(observation("2024-01-01T00:00:00Z", 10), observation("2024-01-01T01:00:00Z", 20),
				observation("2024-01-01T02:00:00Z", 30)));
		Map<String, Object> thing = thing(name);
		thing.put("Locations", arr(location(name, 7, 51)));
		thing.put("Datastreams", arr(a, b));
		long id = created(api.post(V + "/Things", thing));
		List<Long> datastreams = ids(api.get(V + "/Things(" + id + ")/Datastreams"));
		long location = ids(api.get(V + "/Things(" + id + ")/Locations")).get(0);
		return new Family(name, id, location, datastreams.get(0), datastreams.get(1));
	}

	private JsonNode thingOf(Family family, String... options) {
		return ok(api.get(V + "/Things(" + family.thing() + ")", options)).json();
	}

	@Test
	@DisplayName(REQUEST_DATA + "expand-and-select (req/request-data/expand): $expand of one, several and nested navigation properties")
	void expand() {
		Family family = family();
		// To many.
		JsonNode thing = thingOf(family, "$expand", "Datastreams");
		assertThat(ids(thing.get("Datastreams"))).containsExactly(family.a(), family.b());
		assertThat(thing.get("Datastreams").get(0).get("name").asString()).isEqualTo(family.name() + "-a");
		// To one.
		JsonNode datastream = ok(api.get(V + "/Datastreams(" + family.a() + ")", "$expand", "Thing,Sensor")).json();
		assertThat(datastream.get("Thing").get("@iot.id").asLong()).isEqualTo(family.thing());
		assertThat(datastream.get("Sensor").get("name").asString()).isEqualTo(family.name() + "-a-sensor");
		// A comma-separated list.
		thing = thingOf(family, "$expand", "Locations,HistoricalLocations,Datastreams");
		assertThat(ids(thing.get("Locations"))).containsExactly(family.location());
		assertThat(thing.get("HistoricalLocations").size()).isEqualTo(1);
		assertThat(thing.get("Datastreams").size()).isEqualTo(2);
		// Multi-level, with a path.
		thing = thingOf(family, "$expand", "Datastreams/ObservedProperty");
		assertThat(thing.get("Datastreams").get(1).get("ObservedProperty").get("name").asString())
			.isEqualTo(family.name() + "-b-property");
		thing = thingOf(family, "$expand", "Datastreams/Observations/FeatureOfInterest,Datastreams/Sensor");
		JsonNode first = thing.get("Datastreams").get(0);
		assertThat(first.get("Sensor").get("name").asString()).isEqualTo(family.name() + "-a-sensor");
		assertThat(first.get("Observations").size()).isEqualTo(3);
		assertThat(first.get("Observations").get(0).get("FeatureOfInterest").get("feature").get("type").asString())
			.isEqualTo("Point");
		// Expanding on a collection expands every entity.
		JsonNode collection = ok(api.get(V + "/Datastreams", "$filter", "Thing/id eq " + family.thing(), "$expand",
				"Thing")).json();
		assertThat(collection.get("value").size()).isEqualTo(2);
		collection.get("value")
			.forEach(d -> assertThat(d.get("Thing").get("@iot.id").asLong()).isEqualTo(family.thing()));
		// An empty to-many expansion is an empty array.
		long lonely = created(api.post(V + "/Things", thing(unique("lonely"))));
		JsonNode alone = ok(api.get(V + "/Things(" + lonely + ")", "$expand", "Datastreams")).json();
		assertThat(alone.get("Datastreams").isArray()).isTrue();
		assertThat(alone.get("Datastreams").size()).isZero();
	}

	@Test
	@DisplayName(REQUEST_DATA + "expand-and-select (req/request-data/expand): query options inside $expand")
	void expandWithOptions() {
		Family family = family();
		JsonNode thing = thingOf(family, "$expand", "Datastreams($filter=name eq '" + family.name()
				+ "-b';$select=name;$expand=Observations($filter=result gt 10;$orderby=result desc;$top=1;$count=true;"
				+ "$select=result;$expand=FeatureOfInterest($select=name)))");
		JsonNode datastreams = thing.get("Datastreams");
		assertThat(datastreams.size()).isEqualTo(1);
		JsonNode b = datastreams.get(0);
		assertThat(propertyNames(b)).containsExactlyInAnyOrder("name", "Observations");
		assertThat(b.get("name").asString()).isEqualTo(family.name() + "-b");
		assertThat(b.get("Observations@iot.count").asLong()).isEqualTo(2);
		JsonNode observations = b.get("Observations");
		assertThat(observations.size()).isEqualTo(1);
		assertThat(observations.get(0).get("result").asInt()).isEqualTo(30);
		assertThat(propertyNames(observations.get(0))).containsExactlyInAnyOrder("result", "FeatureOfInterest");
		assertThat(propertyNames(observations.get(0).get("FeatureOfInterest"))).containsExactly("name");
		// $skip inside $expand; a partial expanded collection links to the rest.
		JsonNode skipped = thingOf(family, "$expand", "Datastreams($orderby=id;$skip=1;$top=5)");
		assertThat(ids(skipped.get("Datastreams"))).containsExactly(family.b());
		JsonNode paged = thingOf(family, "$expand", "Datastreams($orderby=id;$top=1)");
		assertThat(ids(paged.get("Datastreams"))).containsExactly(family.a());
		String next = paged.get("Datastreams@iot.nextLink").asString();
		assertThat(ids(api.get(next))).containsExactly(family.b());
		// Filtering the parent by a related collection does not filter the expanded items.
		JsonNode filtered = ok(api.get(V + "/Things", "$filter", "Datastreams/name eq '" + family.name() + "-a'",
				"$expand", "Datastreams")).json();
		assertThat(ids(filtered.get("value"))).containsExactly(family.thing());
		assertThat(filtered.get("value").get(0).get("Datastreams").size()).isEqualTo(2);
	}

	@Test
	@DisplayName(REQUEST_DATA + "expand-and-select (req/request-data/select): $select of properties and navigation properties")
	void select() {
		Family family = family();
		JsonNode name = thingOf(family, "$select", "name");
		// Without id in $select there is no control information (a design decision).
		assertThat(name.properties().stream().map(Map.Entry::getKey).toList()).containsExactly("name");
		JsonNode withId = thingOf(family, "$select", "id,name,description");
		assertThat(withId.get("@iot.id").asLong()).isEqualTo(family.thing());
		assertThat(propertyNames(withId)).containsExactlyInAnyOrder("name", "description");
		assertThat(navigationLinks(withId)).isEmpty();
		// A navigation property in $select gives its link.
		JsonNode links = thingOf(family, "$select", "name,Datastreams");
		assertThat(navigationLinks(links)).containsExactly("Datastreams");
		assertThat(links.get("Datastreams@iot.navigationLink").asString())
			.isEqualTo(api.base() + V + "/Things(" + family.thing() + ")/Datastreams");
		// Expanded items are selected implicitly.
		JsonNode expanded = thingOf(family, "$select", "id", "$expand", "Datastreams($select=name)");
		assertThat(expanded.get("@iot.id").asLong()).isEqualTo(family.thing());
		assertThat(expanded.get("Datastreams").size()).isEqualTo(2);
		assertThat(propertyNames(expanded.get("Datastreams").get(0))).containsExactly("name");
		// On a collection, and on Observations.
		JsonNode results = ok(api.get(V + "/Datastreams(" + family.a() + ")/Observations", "$select",
				"result,phenomenonTime")).json();
		results.get("value")
			.forEach(o -> assertThat(propertyNames(o)).containsExactlyInAnyOrder("result", "phenomenonTime"));
		problem(api.get(V + "/Things(" + family.thing() + ")", "$select", "colour"), 400);
	}

	// ---- request-data/sorting ----

	@Test
	@DisplayName(REQUEST_DATA + "sorting (req/request-data/orderby): ascending, descending and default order")
	void orderBy() {
		String run = things(named("beta"), named("alpha"), named("gamma"));
		assertThat(thingsWhere(run, "true", "$orderby", "name")).containsExactly("alpha", "beta", "gamma");
		assertThat(thingsWhere(run, "true", "$orderby", "name asc")).containsExactly("alpha", "beta", "gamma");
		assertThat(thingsWhere(run, "true", "$orderby", "name desc")).containsExactly("gamma", "beta", "alpha");
		// Default: ids ascending, the order of creation.
		assertThat(thingsWhere(run, "true")).containsExactly("beta", "alpha", "gamma");
		// Observations default to phenomenonTime order, then id (a design decision).
		Series series = series(List.of(observation("2024-01-03T00:00:00Z", 3), observation("2024-01-01T00:00:00Z", 1),
				observation("2024-01-02T00:00:00Z", 2)));
		assertThat(results(api.get(series.observationsPath()))).containsExactly(1.0, 2.0, 3.0);
		assertThat(results(api.get(series.observationsPath(), "$orderby", "phenomenonTime desc")))
			.containsExactly(3.0, 2.0, 1.0);
		// By a function, and by a property of a related entity.
		assertThat(thingsWhere(run, "true", "$orderby", "length(name) desc,name")).containsExactly("alpha", "gamma",
				"beta");
		Family family = family();
		assertThat(ids(api.get(V + "/Datastreams", "$filter", "Thing/id eq " + family.thing(), "$orderby",
				"Sensor/name desc"))).containsExactly(family.b(), family.a());
	}

	@Test
	@DisplayName(REQUEST_DATA + "sorting (req/request-data/orderby): several keys, ties broken by the next")
	void orderBySeveralKeys() {
		Series series = series(List.of(observation("2024-01-01T00:00:00Z", 2), observation("2024-01-02T00:00:00Z", 1),
				observation("2024-01-03T00:00:00Z", 2), observation("2024-01-04T00:00:00Z", 1)));
		List<String> times = strings(api.get(series.observationsPath(), "$orderby", "result desc,phenomenonTime"),
				"phenomenonTime");
		assertThat(times).containsExactly("2024-01-01T00:00:00Z", "2024-01-03T00:00:00Z", "2024-01-02T00:00:00Z",
				"2024-01-04T00:00:00Z");
		times = strings(api.get(series.observationsPath(), "$orderby", "result asc, phenomenonTime desc"),
				"phenomenonTime");
		assertThat(times).containsExactly("2024-01-04T00:00:00Z", "2024-01-02T00:00:00Z", "2024-01-03T00:00:00Z",
				"2024-01-01T00:00:00Z");
		String run = things(named("b", "properties", obj("rank", 1)), named("a", "properties", obj("rank", 1)),
				named("c", "properties", obj("rank", 2)));
		assertThat(thingsWhere(run, "true", "$orderby", "properties/rank desc,name")).containsExactly("c", "a", "b");
	}

	@Test
	@DisplayName(REQUEST_DATA + "sorting (req/request-data/orderby): nulls first in ascending order, last in descending")
	void orderByNulls() {
		Map<String, Object> known = observation("2024-01-01T00:00:00Z", 1);
		known.put("resultTime", "2024-01-01T00:00:10Z");
		Map<String, Object> later = observation("2024-01-02T00:00:00Z", 2);
		later.put("resultTime", "2024-01-02T00:00:10Z");
		Series series = series(List.of(known, observation("2024-01-03T00:00:00Z", 3), later));
		assertThat(results(api.get(series.observationsPath(), "$orderby", "resultTime"))).containsExactly(3.0, 1.0,
				2.0);
		assertThat(results(api.get(series.observationsPath(), "$orderby", "resultTime desc"))).containsExactly(2.0,
				1.0, 3.0);
		String run = things(named("with", "properties", obj("rank", 1)), named("without"));
		assertThat(thingsWhere(run, "true", "$orderby", "properties/rank")).containsExactly("without", "with");
		assertThat(thingsWhere(run, "true", "$orderby", "properties/rank desc")).containsExactly("with", "without");
	}

	@Test
	@DisplayName(REQUEST_DATA + "sorting (req/request-data/orderby): geometries by type, then by their first position; JSON values too")
	void orderByGeometryAndJson() {
		String run = unique("run");
		List<Map<String, Object>> geometries = List.of(obj("type", "Point", "coordinates", arr(5, 1)),
				obj("type", "Point", "coordinates", arr(2, 9)), obj("type", "Point", "coordinates", arr(2, 3)),
				obj("type", "LineString", "coordinates", arr(arr(1, 1), arr(9, 9))),
				obj("type", "Polygon", "coordinates", arr(arr(arr(0, 5), arr(1, 5), arr(1, 6), arr(0, 5)))),
				// the OGC suite's two places: by the text of their coordinates, -100.05 comes before -117.05
				obj("type", "Point", "coordinates", arr(-117.05, 51.05)),
				obj("type", "Point", "coordinates", arr(-100.05, 50.05)));
		List<String> names = List.of("point 5 1", "point 2 9", "point 2 3", "line", "polygon", "point -117",
				"point -100");
		for (int i = 0; i < geometries.size(); i++) {
			created(api.post(V + "/Locations", obj("name", names.get(i), "description", run, "encodingType", GEOJSON,
					"location", geometries.get(i))));
			created(api.post(V + "/FeaturesOfInterest", obj("name", names.get(i), "description", run, "encodingType",
					GEOJSON, "feature", geometries.get(i))));
		}
		List<String> ascending = List.of("line", "point -100", "point -117", "point 2 3", "point 2 9", "point 5 1",
				"polygon");
		for (String[] set : new String[][] { { "Locations", "location" }, { "FeaturesOfInterest", "feature" } }) {
			String filter = "description eq '" + run + "'";
			assertThat(strings(api.get(V + "/" + set[0], "$filter", filter, "$orderby", set[1]), "name")).as(set[1])
				.containsExactlyElementsOf(ascending);
			assertThat(strings(api.get(V + "/" + set[0], "$filter", filter, "$orderby", set[1] + " desc"), "name"))
				.as(set[1] + " desc")
				.containsExactlyElementsOf(ascending.reversed());
		}
		// The other properties without an order of their own are ordered too, never refused.
		Family family = family();
		for (String key : List.of("observedArea", "unitOfMeasurement", "properties", "phenomenonTime")) {
			ok(api.get(V + "/Datastreams", "$filter", "Thing/id eq " + family.thing(), "$orderby", key));
		}
		Series series = series(List.of(observation("2024-01-01T00:00:00Z", obj("a", 2)),
				observation("2024-01-02T00:00:00Z", arr(1)), observation("2024-01-03T00:00:00Z", 1)));
		for (String key : List.of("result", "parameters", "resultQuality", "validTime", "FeatureOfInterest/feature")) {
			assertThat(ids(api.get(series.observationsPath(), "$orderby", key))).as(key).hasSize(3);
		}
	}

	// ---- request-data/client-driven-pagination ----

	@Test
	@DisplayName(REQUEST_DATA + "client-driven-pagination (req/request-data/top, skip, count)")
	void clientDrivenPagination() {
		Series series = oneToTen();
		String path = series.observationsPath();
		assertThat(results(api.get(path, "$top", "3"))).containsExactly(1.0, 2.0, 3.0);
		assertThat(results(api.get(path, "$skip", "8"))).containsExactly(9.0, 10.0);
		assertThat(results(api.get(path, "$skip", "4", "$top", "2"))).containsExactly(5.0, 6.0);
		assertThat(results(api.get(path, "$skip", "20"))).isEmpty();
		assertThat(results(api.get(path, "$top", "0"))).isEmpty();
		// $count: the total of all pages, ignoring $top and $skip, honouring $filter.
		JsonNode counted = ok(api.get(path, "$count", "true", "$top", "2", "$skip", "1")).json();
		assertThat(counted.get("@iot.count").asLong()).isEqualTo(10);
		assertThat(counted.get("value").size()).isEqualTo(2);
		assertThat(ok(api.get(path, "$count", "true", "$filter", "result le 4")).json().get("@iot.count").asLong())
			.isEqualTo(4);
		assertThat(ok(api.get(path, "$count", "true", "$top", "0")).json().get("@iot.count").asLong()).isEqualTo(10);
		// @iot.count comes before value.
		assertThat(ok(api.get(path, "$count", "true")).json().properties().iterator().next().getKey())
			.isEqualTo("@iot.count");
		assertThat(ok(api.get(path, "$count", "false")).json().has("@iot.count")).isFalse();
		assertThat(ok(api.get(path)).json().has("@iot.count")).isFalse();
		// A bigger $top than there are entities gives them all, and no next link.
		JsonNode all = ok(api.get(path, "$top", "10000")).json();
		assertThat(all.get("value").size()).isEqualTo(10);
		assertThat(all.has("@iot.nextLink")).isFalse();
		assertThat(problem(api.get(path, "$count", "yes"), 400).get("option").asString()).isEqualTo("$count");
		assertThat(problem(api.get(path, "$top", "-1"), 400).get("option").asString()).isEqualTo("$top");
		assertThat(problem(api.get(path, "$skip", "-1"), 400).get("option").asString()).isEqualTo("$skip");
		assertThat(problem(api.get(path, "$top", "ten"), 400).get("option").asString()).isEqualTo("$top");
	}

	// ---- request-data/server-driven-pagination ----

	@Test
	@DisplayName(REQUEST_DATA + "server-driven-pagination (req/request-data/pagination): following @iot.nextLink reaches every entity")
	void serverDrivenPagination() {
		List<Map<String, Object>> observations = new ArrayList<>();
		Instant start = Instant.parse("2023-06-01T00:00:00Z");
		for (int i = 0; i < 250; i++) {
			observations.add(observation(start.plus(i, ChronoUnit.MINUTES).toString(), i));
		}
		Series series = series(observations);
		assertThat(series.observations()).hasSize(250);
		Set<Long> seen = new HashSet<>();
		List<Integer> pageSizes = new ArrayList<>();
		String next = api.base() + series.observationsPath() + Api.query("$filter", "result ge 0", "$count", "true");
		while (next != null) {
			JsonNode page = ok(api.get(next)).json();
			assertThat(page.get("@iot.count").asLong()).isEqualTo(250);
			List<Long> ids = ids(page.get("value"));
			pageSizes.add(ids.size());
			assertThat(seen).doesNotContainAnyElementsOf(ids);
			seen.addAll(ids);
			next = page.has("@iot.nextLink") ? page.get("@iot.nextLink").asString() : null;
			if (next != null) {
				assertThat(next).startsWith(api.base() + series.observationsPath() + "?");
			}
		}
		// Pages of the default size, 100; the last one has no next link.
		assertThat(pageSizes).containsExactly(100, 100, 50);
		assertThat(seen).containsExactlyInAnyOrderElementsOf(series.observations());
		// A $top within the limit but smaller than the collection still reaches everything.
		seen.clear();
		next = api.base() + series.observationsPath() + Api.query("$top", "120", "$orderby", "result desc");
		List<Double> results = new ArrayList<>();
		while (next != null) {
			JsonNode page = ok(api.get(next)).json();
			page.get("value").forEach(o -> results.add(o.get("result").asDouble()));
			next = page.has("@iot.nextLink") ? page.get("@iot.nextLink").asString() : null;
		}
		assertThat(results).hasSizeGreaterThanOrEqualTo(120).startsWith(249.0, 248.0).isSortedAccordingTo(
				(a, b) -> Double.compare(b, a));
	}

	@Test
	@DisplayName(REQUEST_DATA + "server-driven-pagination (req/request-data/pagination): a next link carries every parameter of the request, encoded")
	void nextLinkCarriesEveryParameter() {
		Series series = oneToTen();
		String note = "a b&c=d+e/é?%";
		String filter = "result ge 2 and not substringof('&=+%', 'a b')";
		JsonNode page = ok(api.get(series.observationsPath(), "$filter", filter, "$top", "2", "note", note,
				"$orderby", "result desc")).json();
		String next = page.get("@iot.nextLink").asString();
		Map<String, String> carried = parameters(next);
		assertThat(carried).containsEntry("note", note)
			.containsEntry("$filter", filter)
			.containsEntry("$orderby", "result desc")
			.containsEntry("$top", "2")
			.containsEntry("$skip", "2");
		assertThat(results(api.get(next))).containsExactly(8.0, 7.0);
		// And in an expanded collection.
		JsonNode datastream = ok(api.get(V + "/Datastreams(" + series.datastream() + ")", "$expand",
				"Observations($top=3;$orderby=result)", "note", note)).json();
		String expanded = datastream.get("Observations@iot.nextLink").asString();
		assertThat(parameters(expanded)).containsEntry("note", note).containsEntry("$skip", "3");
		assertThat(results(api.get(expanded))).containsExactly(4.0, 5.0, 6.0);
	}

	/** The query parameters of a link, decoded. */
	private static Map<String, String> parameters(String link) {
		Map<String, String> parameters = new java.util.LinkedHashMap<>();
		for (String pair : java.net.URI.create(link).getRawQuery().split("&")) {
			int equals = pair.indexOf('=');
			parameters.put(java.net.URLDecoder.decode(pair.substring(0, equals), java.nio.charset.StandardCharsets.UTF_8),
					java.net.URLDecoder.decode(pair.substring(equals + 1), java.nio.charset.StandardCharsets.UTF_8));
		}
		return parameters;
	}

	/** The page limits made small, so that a capped $top can be seen without 10,000 entities. */
	@Nested
	@TestPropertySource(properties = { "cabildo.sensing.default-page-size=2", "cabildo.sensing.max-page-size=3" })
	@DisplayName("with a default page size of 2 and a limit of 3")
	class SmallPages {

		@LocalServerPort
		int smallPort;

		@Test
		@DisplayName(REQUEST_DATA + "server-driven-pagination (req/request-data/pagination, req/request-data/top): a $top above the limit is capped, with a next link")
		void topAboveTheLimitIsCapped() {
			Api small = new Api(smallPort);
			String run = unique("run");
			List<Long> created = new ArrayList<>();
			for (int i = 0; i < 7; i++) {
				created.add(created(small.post(V + "/Things", obj("name", "t" + i, "description", run))));
			}
			String first = V + "/Things" + Api.query("$filter", "description eq '" + run + "'");
			JsonNode page = ok(small.get(first)).json();
			assertThat(page.get("value").size()).isEqualTo(2);
			page = ok(small.get(first + "&" + Api.query("$top", "50").substring(1))).json();
			assertThat(page.get("value").size()).isEqualTo(3);
			List<Long> seen = new ArrayList<>(ids(page.get("value")));
			while (page.has("@iot.nextLink")) {
				page = ok(small.get(page.get("@iot.nextLink").asString())).json();
				assertThat(page.get("value").size()).isLessThanOrEqualTo(3);
				seen.addAll(ids(page.get("value")));
			}
			assertThat(seen).containsExactlyElementsOf(created);
		}

	}

	// ---- request-data/filter-query-options: operators ----

	@Test
	@DisplayName(REQUEST_DATA + "filter-query-options (req/request-data/built-in-filter-operations): comparison operators on numbers")
	void comparisonOperatorsOnNumbers() {
		Series series = oneToTen();
		assertWhere(series, "result eq 5", r -> r == 5);
		assertWhere(series, "result ne 5", r -> r != 5);
		assertWhere(series, "result gt 5", r -> r > 5);
		assertWhere(series, "result ge 5", r -> r >= 5);
		assertWhere(series, "result lt 5", r -> r < 5);
		assertWhere(series, "result le 5", r -> r <= 5);
		assertWhere(series, "result le 3.5", r -> r <= 3.5);
		assertWhere(series, "5 lt result", r -> r > 5);
		assertWhere(series, "result gt -1.5e1", r -> true);
	}

	@Test
	@DisplayName(REQUEST_DATA + "filter-query-options (req/request-data/built-in-filter-operations): comparison operators on text, times, booleans and null")
	void comparisonOperatorsOnOtherTypes() {
		String run = things(named("alpha", "properties", obj("active", true)),
				named("beta", "properties", obj("active", false)), named("gamma"));
		assertThat(thingsWhere(run, "name eq 'beta'")).containsExactly("beta");
		assertThat(thingsWhere(run, "name ne 'beta'")).containsExactly("alpha", "gamma");
		assertThat(thingsWhere(run, "name gt 'beta'")).containsExactly("gamma");
		assertThat(thingsWhere(run, "name ge 'beta'")).containsExactly("beta", "gamma");
		assertThat(thingsWhere(run, "name lt 'beta'")).containsExactly("alpha");
		assertThat(thingsWhere(run, "name le 'beta'")).containsExactly("alpha", "beta");
		assertThat(thingsWhere(run, "properties/active eq true")).containsExactly("alpha");
		assertThat(thingsWhere(run, "properties/active eq false")).containsExactly("beta");
		assertThat(thingsWhere(run, "properties/active ne true")).containsExactly("beta");
		assertThat(thingsWhere(run, "properties/active eq null")).containsExactly("gamma");
		Series series = oneToTen();
		assertWhere(series, "phenomenonTime eq 2024-01-01T05:00:00Z", r -> r == 6);
		assertWhere(series, "phenomenonTime eq 2024-01-01T07:00:00+02:00", r -> r == 6);
		assertWhere(series, "phenomenonTime ne 2024-01-01T05:00:00Z", r -> r != 6);
		assertWhere(series, "phenomenonTime gt 2024-01-01T05:00:00Z", r -> r > 6);
		assertWhere(series, "phenomenonTime ge 2024-01-01T05:00:00Z", r -> r >= 6);
		assertWhere(series, "phenomenonTime lt 2024-01-01T05:00:00Z", r -> r < 6);
		assertWhere(series, "phenomenonTime le 2024-01-01T05:00:00Z", r -> r <= 6);
		assertWhere(series, "resultTime eq null", r -> true);
		assertWhere(series, "resultTime ne null", r -> false);
	}

	/** A result as sent, and its text as a comparison with a string literal reads it. */
	record Sent(Object value, String text) {
	}

	/**
	 * Results of every kind a client sends. Compared with a string literal, a result compares as
	 * text (a number as its canonical JSON text: what 4.0 or 100.0 are sent as does not matter);
	 * with a number literal, only number results compare.
	 */
	private static final List<Sent> MIXED = List.of(new Sent(1, "1"), new Sent(3, "3"), new Sent(4, "4"),
			new Sent(4.0, "4"), new Sent(9, "9"), new Sent(10, "10"), new Sent(12, "12"), new Sent(4.5, "4.5"),
			new Sent(-2, "-2"), new Sent(0.5, "0.5"), new Sent(100.0, "100"), new Sent(1e21, "1e+21"),
			new Sent(1.5e-7, "1.5e-7"), new Sent("3", "3"), new Sent("10", "10"), new Sent("4.0", "4.0"),
			new Sent("abc", "abc"), new Sent("-2", "-2"), new Sent(true, "true"));

	private static final List<String> OPERATORS = List.of("eq", "ne", "gt", "ge", "lt", "le");

	private static boolean holds(String operator, int comparison) {
		return switch (operator) {
			case "eq" -> comparison == 0;
			case "ne" -> comparison != 0;
			case "gt" -> comparison > 0;
			case "ge" -> comparison >= 0;
			case "lt" -> comparison < 0;
			default -> comparison <= 0;
		};
	}

	@Test
	@DisplayName(REQUEST_DATA + "filter-query-options (req/request-data/built-in-filter-operations): a result compared with text compares as text, with a number as a number (ets-sta10)")
	void resultComparedWithTextOrNumber() {
		// As the test suite has it: results 1..12 stored as numbers.
		List<Map<String, Object>> twelve = new ArrayList<>();
		for (int i = 1; i <= 12; i++) {
			twelve.add(observation(String.format("2024-01-01T%02d:00:00Z", i), i));
		}
		Series suite = series(twelve);
		assertThat(where(suite, "result gt '3'")).containsExactly(4, 5, 6, 7, 8, 9);
		assertThat(where(suite, "result gt 3")).containsExactly(4, 5, 6, 7, 8, 9, 10, 11, 12);
		assertThat(where(suite, "result eq '4'")).containsExactly(4);
		assertThat(where(suite, "'3' lt result")).containsExactly(4, 5, 6, 7, 8, 9);
		// ets-sta10's checkQueriesPriorityOrdering, whole: $filter before $orderby before $skip before $top.
		JsonNode page = ok(api.get(suite.observationsPath(), "$count", "true", "$top", "1", "$skip", "2", "$orderby",
				"phenomenonTime asc", "$filter", "result gt '3'")).json();
		assertThat(page.get("@iot.count").asLong()).isEqualTo(6);
		assertThat(page.get("value")).hasSize(1);
		assertThat(page.get("value").get(0).get("result").isNumber()).as("a number stays a number").isTrue();
		assertThat(page.get("value").get(0).get("result").asInt()).isEqualTo(6);

		// Every operator, every kind of result, literals of text and of numbers.
		List<Map<String, Object>> mixed = new ArrayList<>();
		for (int i = 0; i < MIXED.size(); i++) {
			mixed.add(observation(Instant.parse("2024-02-01T00:00:00Z").plus(i, ChronoUnit.HOURS).toString(),
					MIXED.get(i).value()));
		}
		Series series = series(mixed);
		for (String literal : List.of("3", "4", "10", "4.0", "abc", "-2", "1e+21", "0.5", "true", "12", "1.5e-7", "")) {
			for (String operator : OPERATORS) {
				assertThat(mixedWhere(series, "result " + operator + " '" + literal + "'"))
					.as("result %s '%s'", operator, literal)
					.containsExactlyElementsOf(IntStream.range(0, MIXED.size())
						.filter(i -> holds(operator, MIXED.get(i).text().compareTo(literal)))
						.boxed()
						.toList());
			}
		}
		for (String literal : List.of("3", "4", "-2", "0.5", "1e21")) {
			for (String operator : OPERATORS) {
				assertThat(mixedWhere(series, "result " + operator + " " + literal))
					.as("result %s %s", operator, literal)
					.containsExactlyElementsOf(IntStream.range(0, MIXED.size())
						.filter(i -> MIXED.get(i).value() instanceof Number number
								&& holds(operator, Double.compare(number.doubleValue(), Double.parseDouble(literal))))
						.boxed()
						.toList());
			}
		}
	}

	/** The positions in {@link #MIXED} of the Observations of a series that pass a filter. */
	private List<Integer> mixedWhere(Series series, String filter) {
		List<Long> passed = ids(api.get(series.observationsPath(), "$filter", filter, "$top", "1000"));
		return passed.stream().map(id -> series.observations().indexOf(id)).sorted().toList();
	}

	@Test
	@DisplayName(REQUEST_DATA + "filter-query-options (req/request-data/built-in-filter-operations): a JSON member compared with text compares as text")
	void jsonMemberComparedWithText() {
		List<Map<String, Object>> things = new ArrayList<>();
		for (int i = 0; i < MIXED.size(); i++) {
			things.add(named("m" + (char) ('a' + i), "properties", obj("x", MIXED.get(i).value())));
		}
		@SuppressWarnings("unchecked")
		String run = things(things.toArray(Map[]::new));
		for (String literal : List.of("3", "4", "10", "-2", "1e+21", "true")) {
			for (String operator : OPERATORS) {
				assertThat(thingsWhere(run, "properties/x " + operator + " '" + literal + "'"))
					.as("properties/x %s '%s'", operator, literal)
					.containsExactlyElementsOf(IntStream.range(0, MIXED.size())
						.filter(i -> holds(operator, MIXED.get(i).text().compareTo(literal)))
						.mapToObj(i -> "m" + (char) ('a' + i))
						.toList());
			}
		}
		assertThat(thingsWhere(run, "properties/x gt 3")).containsExactly("mc", "md", "me", "mf", "mg", "mh",
				"mk", "ml");
	}

	@Test
	@DisplayName(REQUEST_DATA + "filter-query-options (req/request-data/built-in-filter-operations): time intervals compare as half-open [start, end)")
	void comparisonOfIntervals() {
		Series series = series(List.of(observation("2024-01-01T00:00:00Z/2024-01-01T01:00:00Z", 1),
				observation("2024-01-01T01:00:00Z/2024-01-01T02:00:00Z", 2), observation("2024-01-01T01:00:00Z", 3)));
		String t = "2024-01-01T01:00:00Z";
		assertThat(where(series, "phenomenonTime lt " + t)).containsExactlyInAnyOrder(1);
		assertThat(where(series, "phenomenonTime le " + t)).containsExactlyInAnyOrder(1, 3);
		assertThat(where(series, "phenomenonTime eq " + t)).containsExactlyInAnyOrder(3);
		assertThat(where(series, "phenomenonTime ge " + t)).containsExactlyInAnyOrder(2, 3);
		assertThat(where(series, "phenomenonTime gt " + t)).isEmpty();
		assertThat(where(series, "phenomenonTime gt 2024-01-01T00:30:00Z")).containsExactlyInAnyOrder(2, 3);
	}

	@Test
	@DisplayName(REQUEST_DATA + "filter-query-options (req/request-data/built-in-filter-operations): logical operators")
	void logicalOperators() {
		Series series = oneToTen();
		assertWhere(series, "result gt 2 and result lt 5", r -> r > 2 && r < 5);
		assertWhere(series, "result lt 2 or result gt 8", r -> r < 2 || r > 8);
		assertWhere(series, "not result gt 2", r -> !(r > 2));
		assertWhere(series, "not (result gt 2 and result lt 9)", r -> !(r > 2 && r < 9));
		assertWhere(series, "result eq 1 or result eq 2 or result eq 3", r -> r <= 3);
		assertWhere(series, "result gt 1 and result gt 2 and result gt 3", r -> r > 3);
	}

	@Test
	@DisplayName(REQUEST_DATA + "filter-query-options (req/request-data/built-in-filter-operations): arithmetic operators")
	void arithmeticOperators() {
		Series series = oneToTen();
		assertWhere(series, "result add 5 eq 12", r -> r + 5 == 12);
		assertWhere(series, "result sub 5 eq 2", r -> r - 5 == 2);
		assertWhere(series, "result mul 3 eq 21", r -> r * 3 == 21);
		assertWhere(series, "result div 2 eq 2.5", r -> r / 2.0 == 2.5);
		assertWhere(series, "result mod 3 eq 1", r -> r % 3 == 1);
		assertWhere(series, "result mod 2 eq 0", r -> r % 2 == 0);
		assertWhere(series, "(result sub 5) gt 3", r -> r - 5 > 3);
		assertWhere(series, "-result lt -8", r -> -r < -8);
		assertWhere(series, "result div 0 eq 1", r -> false);
	}

	@Test
	@DisplayName(REQUEST_DATA + "filter-query-options (req/request-data/built-in-filter-operations): each pair of operators of adjacent precedence")
	void operatorPrecedence() {
		Series series = oneToTen();
		// Grouping before everything.
		assertWhere(series, "(result add 1) mul 2 eq 12", r -> (r + 1) * 2 == 12);
		assertWhere(series, "(result eq 1 or result eq 2) and result eq 2", r -> r == 2);
		// Unary minus before multiplicative and additive.
		assertWhere(series, "-result add 10 eq 3", r -> -r + 10 == 3);
		assertWhere(series, "-result mul 2 eq -8", r -> -r * 2 == -8);
		// Multiplicative before additive, and left to right within a level.
		assertWhere(series, "result add 2 mul 3 eq 11", r -> r + 2 * 3 == 11);
		assertWhere(series, "result sub 4 div 2 eq 3", r -> r - 4 / 2.0 == 3);
		assertWhere(series, "result add 7 mod 3 eq 6", r -> r + 7 % 3 == 6);
		assertWhere(series, "result mul 2 div 4 eq 2", r -> r * 2 / 4.0 == 2);
		assertWhere(series, "result sub 3 sub 2 eq 1", r -> r - 3 - 2 == 1);
		// Additive before relational.
		assertWhere(series, "result add 1 gt 5", r -> r + 1 > 5);
		assertWhere(series, "8 lt result mul 2", r -> 8 < r * 2);
		// Relational before equality.
		assertWhere(series, "result gt 3 eq true", r -> r > 3);
		assertWhere(series, "result le 3 ne true", r -> r > 3);
		// Equality before and; and before or.
		assertWhere(series, "result eq 5 and result ne 6", r -> r == 5);
		assertWhere(series, "result eq 1 or result eq 2 and result eq 3", r -> r == 1);
		assertWhere(series, "result eq 2 and result eq 3 or result eq 1", r -> r == 1);
		// not applies to the comparison that follows it, before and (an interpretation).
		assertWhere(series, "not result eq 1 and result lt 3", r -> r != 1 && r < 3);
		assertWhere(series, "not result lt 3 or result eq 1", r -> r >= 3 || r == 1);
	}

	// ---- request-data/filter-query-options: functions ----

	@Test
	@DisplayName(REQUEST_DATA + "filter-query-options (req/request-data/built-in-query-functions): string functions")
	void stringFunctions() {
		String run = things(named("Sensor Things"), named("  Padded "), named("lower"), named("It's"));
		assertThat(thingsWhere(run, "substringof('or Th', name)")).containsExactly("Sensor Things");
		assertThat(thingsWhere(run, "substringof(name, 'or Th')")).isEmpty();
		assertThat(thingsWhere(run, "endswith(name, 'Things')")).containsExactly("Sensor Things");
		assertThat(thingsWhere(run, "startswith(name, 'Sensor')")).containsExactly("Sensor Things");
		assertThat(thingsWhere(run, "not startswith(name, 'Sensor')")).containsExactly("  Padded ", "lower", "It's");
		assertThat(thingsWhere(run, "length(name) eq 13")).containsExactly("Sensor Things");
		assertThat(thingsWhere(run, "indexof(name, 'Things') eq 7")).containsExactly("Sensor Things");
		assertThat(thingsWhere(run, "indexof(name, 'nowhere') eq -1")).hasSize(4);
		assertThat(thingsWhere(run, "substring(name, 1) eq 'ensor Things'")).containsExactly("Sensor Things");
		assertThat(thingsWhere(run, "substring(name, 2, 4) eq 'nsor'")).containsExactly("Sensor Things");
		assertThat(thingsWhere(run, "tolower(name) eq 'sensor things'")).containsExactly("Sensor Things");
		assertThat(thingsWhere(run, "toupper(name) eq 'LOWER'")).containsExactly("lower");
		assertThat(thingsWhere(run, "trim(name) eq 'Padded'")).containsExactly("  Padded ");
		assertThat(thingsWhere(run, "concat(concat(name, ', '), 'yes') eq 'lower, yes'")).containsExactly("lower");
		assertThat(thingsWhere(run, "name eq 'It''s'")).containsExactly("It's");
		// The standard's example, on JSON members of a Datastream.
		Series series = oneToTen();
		List<Long> datastreams = ids(api.get(V + "/Datastreams", "$filter", "Thing/id eq " + series.thing()
				+ " and concat(concat(unitOfMeasurement/symbol, ', '), unitOfMeasurement/name) eq 'degC, degree Celsius'"));
		assertThat(datastreams).containsExactly(series.datastream());
		assertThat(ids(api.get(V + "/Datastreams", "$filter", "Thing/id eq " + series.thing()
				+ " and unitOfMeasurement/name eq 'degree Celsius'"))).containsExactly(series.datastream());
	}

	@Test
	@DisplayName(REQUEST_DATA + "filter-query-options (req/request-data/built-in-query-functions): date functions")
	void dateFunctions() {
		Map<String, Object> a = observation("2015-06-17T13:45:30.250Z", 1);
		a.put("resultTime", "2015-06-17T13:45:30.250Z");
		Map<String, Object> b = observation("2016-02-29T23:05:09Z", 2);
		Series series = series(List.of(a, b));
		assertThat(where(series, "year(phenomenonTime) eq 2015")).containsExactly(1);
		assertThat(where(series, "month(phenomenonTime) eq 2")).containsExactly(2);
		assertThat(where(series, "day(phenomenonTime) eq 29")).containsExactly(2);
		assertThat(where(series, "hour(phenomenonTime) eq 23")).containsExactly(2);
		assertThat(where(series, "minute(phenomenonTime) eq 45")).containsExactly(1);
		assertThat(where(series, "second(phenomenonTime) eq 9")).containsExactly(2);
		assertThat(where(series, "fractionalseconds(phenomenonTime) eq 0.25")).containsExactly(1);
		assertThat(where(series, "fractionalseconds(phenomenonTime) eq 0")).containsExactly(2);
		assertThat(where(series, "date(phenomenonTime) eq 2016-02-29")).containsExactly(2);
		assertThat(where(series, "time(phenomenonTime) eq 23:05:09")).containsExactly(2);
		assertThat(where(series, "totaloffsetminutes(phenomenonTime) eq 0")).containsExactly(1, 2);
		assertThat(where(series, "phenomenonTime lt now()")).containsExactly(1, 2);
		assertThat(where(series, "phenomenonTime gt now()")).isEmpty();
		assertThat(where(series, "phenomenonTime gt mindatetime()")).containsExactly(1, 2);
		assertThat(where(series, "phenomenonTime lt maxdatetime()")).containsExactly(1, 2);
		assertThat(where(series, "year(resultTime) eq 2015")).containsExactly(1);
		assertThat(where(series, "phenomenonTime gt now() sub duration'P36500D'")).containsExactly(1, 2);
	}

	@Test
	@DisplayName(REQUEST_DATA + "filter-query-options (req/request-data/built-in-query-functions): math functions")
	void mathFunctions() {
		Series series = series(List.of(observation("2024-01-01T00:00:00Z", 31.6),
				observation("2024-01-01T01:00:00Z", 32.4), observation("2024-01-01T02:00:00Z", 32.6)));
		assertThat(results(api.get(series.observationsPath(), "$filter", "round(result) eq 32"))).containsExactly(31.6,
				32.4);
		assertThat(results(api.get(series.observationsPath(), "$filter", "floor(result) eq 32"))).containsExactly(32.4,
				32.6);
		assertThat(results(api.get(series.observationsPath(), "$filter", "ceiling(result) eq 33")))
			.containsExactly(32.4, 32.6);
		assertThat(results(api.get(series.observationsPath(), "$filter", "ceiling(result) eq 32")))
			.containsExactly(31.6);
	}

	@Test
	@DisplayName(REQUEST_DATA + "filter-query-options (req/request-data/built-in-query-functions): geospatial functions")
	void geospatialFunctions() {
		String run = unique("run");
		long p1 = created(api.post(V + "/Locations", obj("name", "p1", "description", run, "encodingType", GEOJSON,
				"location", obj("type", "Point", "coordinates", arr(30, 10)))));
		long p2 = created(api.post(V + "/Locations", obj("name", "p2", "description", run, "encodingType", GEOJSON,
				"location", obj("type", "Feature", "properties", obj(), "geometry",
						obj("type", "Point", "coordinates", arr(10, 40))))));
		long line = created(api.post(V + "/Locations", obj("name", "line", "description", run, "encodingType",
				GEOJSON, "location", obj("type", "LineString", "coordinates", arr(arr(0, 0), arr(3, 4))))));
		String box = "geography'POLYGON ((25 5, 35 5, 35 15, 25 15, 25 5))'";
		assertThat(locationsWhere(run, "geo.intersects(location, " + box + ")")).containsExactly(p1);
		assertThat(locationsWhere(run, "geo.distance(location, geography'POINT (30 10)') lt 1")).containsExactly(p1);
		assertThat(locationsWhere(run, "geo.distance(location, geography'POINT (30 10)') ge 1"))
			.containsExactly(p2, line);
		assertThat(locationsWhere(run, "geo.length(location) eq 5")).containsExactly(line);
		assertThat(locationsWhere(run, "st_equals(location, geography'POINT (30 10)')")).containsExactly(p1);
		assertThat(locationsWhere(run, "st_disjoint(location, " + box + ")")).containsExactly(p2, line);
		assertThat(locationsWhere(run, "st_touches(location, geography'LINESTRING (3 4, 10 10)')"))
			.containsExactly(line);
		assertThat(locationsWhere(run, "st_within(location, " + box + ")")).containsExactly(p1);
		assertThat(locationsWhere(run, "st_overlaps(location, geography'LINESTRING (1.5 2, 6 8)')"))
			.containsExactly(line);
		assertThat(locationsWhere(run, "st_crosses(location, geography'LINESTRING (0 4, 3 0)')"))
			.containsExactly(line);
		assertThat(locationsWhere(run, "st_intersects(location, " + box + ")")).containsExactly(p1);
		assertThat(locationsWhere(run, "st_contains(location, geography'POINT (1.5 2)')")).containsExactly(line);
		assertThat(locationsWhere(run, "st_relate(location, " + box + ", 'T********')")).containsExactly(p1);
		assertThat(locationsWhere(run, "st_within(location, geography'SRID=4326;POLYGON ((5 35, 15 35, 15 45, 5 45, 5 35))')"))
			.containsExactly(p2);
		// Through a navigation path: the Things located in the box.
		long inside = created(api.post(V + "/Things", obj("name", "inside", "description", run, "Locations",
				arr(ref(p1)))));
		created(api.post(V + "/Things", obj("name", "outside", "description", run, "Locations", arr(ref(p2)))));
		assertThat(ids(api.get(V + "/Things", "$filter", "description eq '" + run + "' and st_within(Locations/location, "
				+ box + ")"))).containsExactly(inside);
	}

	private List<Long> locationsWhere(String run, String filter) {
		return ids(api.get(V + "/Locations", "$filter", "description eq '" + run + "' and " + filter));
	}

	@Test
	@DisplayName(REQUEST_DATA + "filter-query-options (req/request-data/filter): paths through related entities and JSON members")
	void filterPaths() {
		Family family = family();
		long observation = ids(api.get(V + "/Datastreams(" + family.b() + ")/Observations")).get(0);
		long feature = api.get(V + "/Observations(" + observation + ")/FeatureOfInterest").id();
		// To one: the Observations of a Datastream.
		assertThat(ids(api.get(V + "/Observations", "$filter", "Datastream/id eq " + family.b()))).hasSize(3)
			.contains(observation);
		assertThat(results(api.get(V + "/Observations", "$filter", "Datastream/Thing/name eq '" + family.name()
				+ "' and result ge 20"))).containsExactly(20.0, 30.0);
		assertThat(ids(api.get(V + "/Observations", "$filter", "FeatureOfInterest/id eq " + feature
				+ " and result le 10 and Datastream/id eq " + family.b()))).containsExactly(observation);
		// To many: "any" of the related entities.
		assertThat(ids(api.get(V + "/Things", "$filter", "Datastreams/Observations/result eq 30 and name eq '"
				+ family.name() + "'"))).containsExactly(family.thing());
		assertThat(ids(api.get(V + "/Things", "$filter", "Datastreams/Observations/result eq 31 and name eq '"
				+ family.name() + "'"))).isEmpty();
		assertThat(ids(api.get(V + "/Locations", "$filter", "Things/Datastreams/name eq '" + family.name() + "-b'")))
			.containsExactly(family.location());
	}

	// ---- request-data/status-codes ----

	@Test
	@DisplayName(REQUEST_DATA + "status-codes (req/request-data/status-code): 404 for an entity that does not exist")
	void statusCodeNotFound() {
		problem(api.get(V + "/Things(" + Long.MAX_VALUE + ")"), 404);
		problem(api.get(V + "/Observations(" + Long.MAX_VALUE + ")", "$select", "result"), 404);
		problem(api.get(V + "/Datastreams(" + Long.MAX_VALUE + ")/Observations", "$top", "1"), 404);
	}

	@Test
	@DisplayName(REQUEST_DATA + "status-codes (req/request-data/query-status-code): 400 for a malformed option, naming the option and the position")
	void statusCodeMalformedOption() {
		JsonNode problem = problem(api.get(V + "/Things", "$filter", "name eq"), 400);
		assertThat(problem.get("option").asString()).isEqualTo("$filter");
		assertThat(problem.get("position").asInt()).isEqualTo(7);
		String unclosed = "name eq 'a' and (description eq 'b'";
		problem = problem(api.get(V + "/Things", "$filter", unclosed), 400);
		assertThat(problem.get("option").asString()).isEqualTo("$filter");
		assertThat(problem.get("position").asInt()).isEqualTo(unclosed.length());
		problem = problem(api.get(V + "/Things", "$filter", "colour eq 'red'"), 400);
		assertThat(problem.get("option").asString()).isEqualTo("$filter");
		assertThat(problem.get("position").asInt()).isZero();
		problem = problem(api.get(V + "/Things", "$filter", "name eq 'a' and wobble(name)"), 400);
		assertThat(problem.get("position").asInt()).isEqualTo(16);
		problem = problem(api.get(V + "/Things", "$orderby", "name sideways"), 400);
		assertThat(problem.get("option").asString()).isEqualTo("$orderby");
		assertThat(problem.get("position").asInt()).isEqualTo(5);
		assertThat(problem(api.get(V + "/Things", "$expand", "Wheels"), 400).get("option").asString())
			.isEqualTo("$expand");
		assertThat(problem(api.get(V + "/Things", "$select", "name,,description"), 400).get("option").asString())
			.isEqualTo("$select");
		problem = problem(api.get(V + "/Things", "$expand", "Datastreams($filter=name eq)"), 400);
		assertThat(problem.get("option").asString()).contains("$expand").contains("$filter");
		assertThat(problem.get("position").asInt()).isEqualTo(7);
	}

	@Test
	@DisplayName(REQUEST_DATA + "status-codes (req/request-data/query-status-code): 501 for a system query option that is not supported")
	void statusCodeUnsupportedOption() {
		JsonNode problem = problem(api.get(V + "/Things", "$search", "blue"), 501);
		assertThat(problem.get("option").asString()).isEqualTo("$search");
		problem(api.get(V + "/Things", "$apply", "groupby((name))"), 501);
		// Parameters that are not system query options are left alone.
		ok(api.get(V + "/Things", "colour", "blue", "$top", "1"));
	}

}
