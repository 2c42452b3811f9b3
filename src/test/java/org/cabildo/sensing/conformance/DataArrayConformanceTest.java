package org.cabildo.sensing.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cabildo.sensing.conformance.Sta.CONF;
import static org.cabildo.sensing.conformance.Sta.V;
import static org.cabildo.sensing.conformance.Sta.arr;
import static org.cabildo.sensing.conformance.Sta.created;
import static org.cabildo.sensing.conformance.Sta.datastream;
import static org.cabildo.sensing.conformance.Sta.feature;
import static org.cabildo.sensing.conformance.Sta.ids;
import static org.cabildo.sensing.conformance.Sta.location;
import static org.cabildo.sensing.conformance.Sta.obj;
import static org.cabildo.sensing.conformance.Sta.observation;
import static org.cabildo.sensing.conformance.Sta.ok;
import static org.cabildo.sensing.conformance.Sta.problem;
import static org.cabildo.sensing.conformance.Sta.ref;
import static org.cabildo.sensing.conformance.Sta.thing;
import static org.cabildo.sensing.conformance.Sta.unique;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Data Array extension tests, OGC 18-088 annex A.6: the conformance class
 * {@code conf/data-array} (req/data-array/data-array): Observations read with
 * {@code $resultFormat=dataArray} and created by {@code POST CreateObservations}, with the
 * server's own options {@code reasons}, {@code atomic} and {@code duplicates}.
 */
@IntegrationTest
@DisplayName("Data Array (OGC 18-088 A.6): conf/data-array")
class DataArrayConformanceTest {

	private static final String DATA_ARRAY = CONF + "data-array (req/data-array/data-array";

	@LocalServerPort
	int port;

	private Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	/** A Thing at a Location with two Datastreams, no Observations yet. */
	private record Station(long first, long second) {
	}

	@Test
	@DisplayName(DATA_ARRAY + "): the service root declares the requirement class")
	void declared() {
		assertThat(ok(api.get(V)).json().get("serverSettings").get("conformance").toString())
			.contains(Sta.REQ + "data-array/data-array");
	}

	private Station station() {
		String name = unique("array");
		Map<String, Object> thing = thing(name);
		thing.put("Locations", arr(location(name + "-loc", 10, 20)));
		thing.put("Datastreams", arr(datastream(name + "-a"), datastream(name + "-b")));
		long id = created(api.post(V + "/Things", thing));
		List<Long> datastreams = ids(api.get(V + "/Things(" + id + ")/Datastreams", "$orderby", "id"));
		return new Station(datastreams.get(0), datastreams.get(1));
	}

	private static Map<String, Object> group(long datastream, List<String> components, Object... rows) {
		return obj("Datastream", ref(datastream), "components", components, "dataArray@iot.count", rows.length,
				"dataArray", arr(rows));
	}

	private Api.Response create(Object body, String... options) {
		return api.post(V + "/CreateObservations" + Api.query(options), body);
	}

	private List<String> links(Api.Response response) {
		assertThat(response.status()).as("%s", response).isEqualTo(201);
		List<String> links = new ArrayList<>();
		response.json().forEach(entry -> links.add(entry.asString()));
		return links;
	}

	private List<Long> observationsOf(long datastream) {
		return ids(api.get(V + "/Datastreams(" + datastream + ")/Observations", "$top", "1000"));
	}

	private long idOf(String selfLink) {
		return Long.parseLong(selfLink.substring(selfLink.lastIndexOf('(') + 1, selfLink.length() - 1));
	}

	// ---- CreateObservations ----

	@Test
	@DisplayName(DATA_ARRAY + ", 14.4): CreateObservations answers 201 with the selfLinks of the new Observations, in order")
	void createObservations() {
		Station station = station();
		long feature = created(api.post(V + "/FeaturesOfInterest", feature(unique("array-foi"), 1, 1)));
		List<String> components = List.of("phenomenonTime", "result", "FeatureOfInterest/id");
		Api.Response response = create(arr(
				group(station.first(), components, arr("2024-03-01T00:00:00Z", 20, feature),
						arr("2024-03-01T01:00:00Z", 30, feature)),
				group(station.second(), List.of("result", "phenomenonTime", "resultTime", "parameters"),
						arr(1.5, "2024-03-01T00:00:00Z", "2024-03-01T00:05:00Z", obj("k", "v")))));
		List<String> links = links(response);
		assertThat(links).hasSize(3).allMatch(link -> link.startsWith(api.base() + V + "/Observations("));
		assertThat(observationsOf(station.first())).containsExactly(idOf(links.get(0)), idOf(links.get(1)));
		assertThat(observationsOf(station.second())).containsExactly(idOf(links.get(2)));
		JsonNode first = ok(api.get(V + "/Observations(" + idOf(links.get(0)) + ")", "$expand", "FeatureOfInterest"))
			.json();
		assertThat(first.get("result").asInt()).isEqualTo(20);
		assertThat(first.get("phenomenonTime").asString()).isEqualTo("2024-03-01T00:00:00Z");
		assertThat(first.get("FeatureOfInterest").get("@iot.id").asLong()).isEqualTo(feature);
		JsonNode third = ok(api.get(V + "/Observations(" + idOf(links.get(2)) + ")")).json();
		assertThat(third.get("result").asDouble()).isEqualTo(1.5);
		assertThat(third.get("resultTime").asString()).isEqualTo("2024-03-01T00:05:00Z");
		assertThat(third.get("parameters").get("k").asString()).isEqualTo("v");
		// Without FeatureOfInterest/id the feature is the one made from the Thing's Location, as for a POST.
		assertThat(ok(api.get(V + "/Observations(" + idOf(links.get(2)) + ")/FeatureOfInterest")).json()
			.get("feature").get("coordinates").get(0).asDouble()).isEqualTo(10);
		// 1.0 serves it too.
		assertThat(links(api.post("/v1.0/CreateObservations", arr(group(station.second(),
				List.of("phenomenonTime", "result"), arr("2024-03-02T00:00:00Z", 2)))))).singleElement()
			.satisfies(link -> assertThat(link).startsWith(api.base() + "/v1.0/Observations("));
	}

	@Test
	@DisplayName(DATA_ARRAY + ", 14.4): a refused row answers \"error\"; the good rows of the request are stored")
	void refusedRowsAndGoodRows() {
		Station station = station();
		List<String> components = List.of("phenomenonTime", "result");
		Object body = arr(group(station.first(), components,
				arr("2024-04-01T00:00:00Z", 1), // good
				arr("yesterday", 2), // unparseable time
				arr("2024-04-01T02:00:00Z"), // a value missing
				arr("2024-04-01T03:00:00Z", 4), // good
				"not a row", // not an array
				arr(5, 5)), // a time that is a number
				group(Long.MAX_VALUE, components, arr("2024-04-01T00:00:00Z", 1)), // no such Datastream
				group(station.second(), List.of("phenomenonTime", "result", "colour"),
						arr("2024-04-01T00:00:00Z", 1, "red")), // an unknown component
				group(station.second(), List.of("phenomenonTime"), arr("2024-04-01T00:00:00Z")), // no result
				group(station.second(), components, arr("2024-04-01T05:00:00Z", 6))); // good
		List<String> links = links(create(body));
		assertThat(links).hasSize(10);
		assertThat(links.get(0)).startsWith(api.base());
		assertThat(links.subList(1, 3)).containsOnly("error");
		assertThat(links.get(3)).startsWith(api.base());
		assertThat(links.subList(4, 9)).containsOnly("error");
		assertThat(links.get(9)).startsWith(api.base());
		assertThat(observationsOf(station.first())).containsExactly(idOf(links.get(0)), idOf(links.get(3)));
		assertThat(observationsOf(station.second())).containsExactly(idOf(links.get(9)));

		// reasons=true: the same answer, with the reason and place of each refusal.
		Station other = station();
		body = arr(group(other.first(), components, arr("2024-04-01T00:00:00Z", 1), arr("yesterday", 2),
				arr("2024-04-01T02:00:00Z")), group(Integer.MAX_VALUE, components, arr("2024-04-01T00:00:00Z", 1)),
				group(other.second(), List.of("phenomenonTime", "result", "colour"),
						arr("2024-04-01T00:00:00Z", 1, "red")),
				group(Long.MAX_VALUE, components, arr("2024-04-01T00:00:00Z", 1)));
		Api.Response response = create(body, "reasons", "true");
		assertThat(response.status()).as("%s", response).isEqualTo(201);
		JsonNode answers = response.json();
		assertThat(answers.size()).isEqualTo(6);
		assertThat(answers.get(0).get("selfLink").asString()).startsWith(api.base() + V + "/Observations(");
		assertThat(answers.get(0).has("error")).isFalse();
		assertThat(answers.get(1).get("row").asInt()).isEqualTo(1);
		assertThat(answers.get(1).get("pointer").asString()).isEqualTo("/0/dataArray/1/0");
		assertThat(answers.get(1).get("error").asString()).contains("yesterday");
		assertThat(answers.get(2).get("pointer").asString()).isEqualTo("/0/dataArray/2");
		assertThat(answers.get(2).get("error").asString()).contains("1 values for 2 components");
		assertThat(answers.get(3).get("row").asInt()).isEqualTo(3);
		assertThat(answers.get(3).get("error").asString())
			.contains("Datastream " + Integer.MAX_VALUE + " does not exist");
		assertThat(answers.get(3).get("pointer").asString()).isEqualTo("/1/dataArray/0");
		assertThat(answers.get(4).get("error").asString()).contains("'colour'");
		assertThat(answers.get(4).get("pointer").asString()).isEqualTo("/2/components/2");
		assertThat(answers.get(5).get("error").asString()).contains("Datastream " + Long.MAX_VALUE + " does not exist");
		assertThat(answers.get(5).get("pointer").asString()).isEqualTo("/3/Datastream");
		assertThat(observationsOf(other.first())).containsExactly(idOf(answers.get(0).get("selfLink").asString()));
		assertThat(observationsOf(other.second())).isEmpty();
	}

	@Test
	@DisplayName(DATA_ARRAY + ", 14.4): atomic=true stores all rows or none; a refusal is a 400 listing every reason")
	void atomic() {
		Station station = station();
		long missingFeature = Long.MAX_VALUE;
		List<String> components = List.of("phenomenonTime", "result", "FeatureOfInterest/id");
		Object body = arr(group(station.first(), components, arr("2024-05-01T00:00:00Z", 1, null),
				arr("2024-05-01T01:00:00Z", 2, missingFeature), arr("2024-05-01T02:00:00Z", 3, null)),
				group(station.second(), List.of("phenomenonTime", "result"), arr("soon", 4)));
		JsonNode problem = problem(create(body, "atomic", "true"), 400);
		JsonNode errors = problem.get("errors");
		assertThat(errors.size()).isEqualTo(2);
		assertThat(errors.get(0).get("row").asInt()).isEqualTo(1);
		assertThat(errors.get(0).get("pointer").asString()).isEqualTo("/0/dataArray/1/2");
		assertThat(errors.get(0).get("error").asString()).contains("FeatureOfInterest " + missingFeature);
		assertThat(errors.get(1).get("row").asInt()).isEqualTo(3);
		assertThat(errors.get(1).get("pointer").asString()).isEqualTo("/1/dataArray/0/0");
		assertThat(observationsOf(station.first())).isEmpty();
		assertThat(observationsOf(station.second())).isEmpty();
		// A row the store refuses (its Datastream is unknown) undoes the whole request as well.
		problem = problem(create(arr(group(station.first(), List.of("phenomenonTime", "result"),
				arr("2024-05-01T00:00:00Z", 1)), group(Long.MAX_VALUE, List.of("phenomenonTime", "result"),
						arr("2024-05-01T00:00:00Z", 1))), "atomic", "true"), 400);
		assertThat(problem.get("errors").get(0).get("row").asInt()).isEqualTo(1);
		assertThat(observationsOf(station.first())).isEmpty();
		// All good: all stored.
		assertThat(links(create(arr(group(station.first(), List.of("phenomenonTime", "result"),
				arr("2024-05-01T00:00:00Z", 1), arr("2024-05-01T01:00:00Z", 2))), "atomic", "true"))).hasSize(2);
		assertThat(observationsOf(station.first())).hasSize(2);
	}

	@Test
	@DisplayName(DATA_ARRAY + ", 14.4): a re-sent request answers the same selfLinks and stores nothing twice")
	void reSentRowsAreStoredOnce() {
		Station station = station();
		// Results of any kind: a stream of OM_Observation (a measurement's would be refused).
		ok(api.patch(V + "/Datastreams(" + station.first() + ")", obj("observationType",
				"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Observation")));
		Object body = arr(group(station.first(), List.of("phenomenonTime", "result"), arr("2024-06-01T00:00:00Z", 1),
				arr("2024-06-01T01:00:00Z", obj("a", 1, "b", arr(1, 2))), arr("2024-06-01T02:00:00Z", "three")));
		List<String> first = links(create(body));
		List<String> again = links(create(body));
		assertThat(again).isEqualTo(first);
		assertThat(observationsOf(station.first())).hasSize(3);
		JsonNode answers = create(body, "reasons", "true").json();
		answers.forEach(answer -> assertThat(answer.get("duplicate").asBoolean()).isTrue());
		// duplicates=allow stores them again.
		List<String> allowed = links(create(body, "duplicates", "allow"));
		assertThat(allowed).doesNotContainAnyElementsOf(first);
		assertThat(observationsOf(station.first())).hasSize(6);
	}

	@Test
	@DisplayName(DATA_ARRAY + ", 14.4): a body that is no CreateObservations body is a 400 naming where")
	void malformedBodies() {
		Station station = station();
		JsonNode problem = problem(api.send("POST", V + "/CreateObservations",
				"[{\"Datastream\": {\"@iot.id\": 1},\n \"components\": [\"result\"],\n \"dataArray\": [[1], [2}]", Map.of()),
				400);
		assertThat(problem.get("line").asInt()).isEqualTo(3);
		assertThat(problem.get("column").asInt()).isPositive();
		assertThat(problem(create(obj("Datastream", ref(station.first()))), 400).get("pointer").asString())
			.isEqualTo("");
		assertThat(problem(create(arr(obj("Datastream", ref(station.first()), "components", List.of("result")))), 400)
			.get("pointer")
			.asString()).isEqualTo("/0/dataArray");
		assertThat(problem(create(arr(42)), 400).get("pointer").asString()).isEqualTo("/0");
		problem(create(arr(), "atomic", "maybe"), 400);
		problem(create(arr(), "duplicates", "sometimes"), 400);
		assertThat(links(create(arr()))).isEmpty();
		assertThat(observationsOf(station.first())).isEmpty();
	}

	// ---- $resultFormat=dataArray ----

	@Test
	@DisplayName(DATA_ARRAY + ", 14.3): $resultFormat=dataArray groups Observations by Datastream, components follow $select")
	void readAsDataArray() {
		Station station = station();
		List<String> components = List.of("phenomenonTime", "result");
		List<String> links = links(create(arr(group(station.first(), components, arr("2024-07-01T00:00:00Z", 1),
				arr("2024-07-01T01:00:00Z", 2), arr("2024-07-01T02:00:00Z", 3)),
				group(station.second(), components, arr("2024-07-01T00:30:00Z", 10)))));
		JsonNode page = ok(api.get(V + "/Datastreams(" + station.first() + ")/Observations", "$resultFormat",
				"dataArray", "$select", "id,phenomenonTime,result", "$count", "true")).json();
		assertThat(page.get("@iot.count").asInt()).isEqualTo(3);
		assertThat(page.get("value").size()).isEqualTo(1);
		JsonNode group = page.get("value").get(0);
		assertThat(group.get("Datastream@iot.navigationLink").asString())
			.isEqualTo(api.base() + V + "/Datastreams(" + station.first() + ")");
		assertThat(group.get("components").toString()).isEqualTo("[\"id\",\"phenomenonTime\",\"result\"]");
		assertThat(group.get("dataArray@iot.count").asInt()).isEqualTo(3);
		assertThat(group.get("dataArray").get(0).toString())
			.isEqualTo("[" + idOf(links.get(0)) + ",\"2024-07-01T00:00:00Z\",1]");
		assertThat(group.get("dataArray").get(2).get(2).asInt()).isEqualTo(3);

		// The collection of all Observations: one group per Datastream, in the order of the page.
		String filter = "Datastream/id eq " + station.first() + " or Datastream/id eq " + station.second();
		page = ok(api.get(V + "/Observations", "$resultFormat", "dataArray", "$filter", filter, "$select",
				"result,FeatureOfInterest/id")).json();
		assertThat(page.get("value").size()).isEqualTo(2);
		JsonNode first = page.get("value").get(0);
		assertThat(first.get("components").toString()).isEqualTo("[\"result\",\"FeatureOfInterest/id\"]");
		assertThat(first.get("dataArray").size()).isEqualTo(3);
		assertThat(first.get("dataArray").get(0).get(1).isIntegralNumber()).isTrue();
		assertThat(page.get("value").get(1).get("Datastream@iot.navigationLink").asString())
			.endsWith("/Datastreams(" + station.second() + ")");
		assertThat(page.get("value").get(1).get("dataArray").get(0).get(0).asInt()).isEqualTo(10);

		// Without $select: all properties, id first.
		group = ok(api.get(V + "/Datastreams(" + station.second() + ")/Observations", "$resultFormat", "dataArray"))
			.json()
			.get("value")
			.get(0);
		assertThat(group.get("components").get(0).asString()).isEqualTo("id");
		assertThat(group.get("components").toString()).contains("\"phenomenonTime\"", "\"result\"", "\"resultTime\"");
		assertThat(group.get("dataArray").get(0).size()).isEqualTo(group.get("components").size());
	}

	@Test
	@DisplayName(DATA_ARRAY + ", 14.3): pages of a dataArray hold $top Observations and link the next")
	void dataArrayPages() {
		Station station = station();
		List<Object> rows = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			rows.add(arr("2024-08-01T0" + i + ":00:00Z", i));
		}
		links(create(arr(group(station.first(), List.of("phenomenonTime", "result"), rows.toArray()))));
		List<Integer> results = new ArrayList<>();
		String next = V + "/Datastreams(" + station.first() + ")/Observations"
				+ Api.query("$resultFormat", "dataArray", "$select", "result", "$top", "2");
		int pages = 0;
		while (next != null) {
			JsonNode page = ok(api.get(next)).json();
			pages++;
			JsonNode group = page.get("value").get(0);
			assertThat(group.get("dataArray@iot.count").asInt()).isEqualTo(group.get("dataArray").size());
			group.get("dataArray").forEach(row -> results.add(row.get(0).asInt()));
			next = page.has("@iot.nextLink") ? page.get("@iot.nextLink").asString() : null;
			if (next != null) {
				assertThat(next).contains("$resultFormat=dataArray");
			}
		}
		assertThat(pages).isEqualTo(3);
		assertThat(results).containsExactly(0, 1, 2, 3, 4);
	}

	@Test
	@DisplayName(DATA_ARRAY + ", 14.3): $resultFormat is refused where it does not apply")
	void resultFormatWhereItDoesNotApply() {
		Station station = station();
		String observations = V + "/Datastreams(" + station.first() + ")/Observations";
		assertThat(problem(api.get(V + "/Things", "$resultFormat", "dataArray"), 400).get("option").asString())
			.isEqualTo("$resultFormat");
		problem(api.get(V + "/Datastreams(" + station.first() + ")", "$resultFormat", "dataArray"), 400);
		assertThat(problem(api.get(observations, "$resultFormat", "csv"), 400).get("option").asString())
			.isEqualTo("$resultFormat");
		problem(api.get(observations, "$resultFormat", "dataArray", "$expand", "Datastream"), 400);
		problem(api.get(observations, "$resultFormat", "dataArray", "$select", "Datastream"), 400);
		problem(api.get(V + "/Datastreams", "$expand", "Observations($resultFormat=dataArray)"), 400);
	}

}
