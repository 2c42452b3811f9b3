package org.cabildo.sensing.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
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
import static org.cabildo.sensing.conformance.Sta.observedProperty;
import static org.cabildo.sensing.conformance.Sta.ok;
import static org.cabildo.sensing.conformance.Sta.point;
import static org.cabildo.sensing.conformance.Sta.problem;
import static org.cabildo.sensing.conformance.Sta.propertyNames;
import static org.cabildo.sensing.conformance.Sta.ref;
import static org.cabildo.sensing.conformance.Sta.sensor;
import static org.cabildo.sensing.conformance.Sta.thing;
import static org.cabildo.sensing.conformance.Sta.unique;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Create-Update-Delete tests, OGC 18-088 annex A.3: the conformance class
 * {@code conf/create-update-delete}, with the 1.1 requirements that annex A has no test for
 * (PUT, manual HistoricalLocations) named by their requirement URIs.
 */
@IntegrationTest
@DisplayName("Create-Update-Delete (OGC 18-088 A.3): conf/create-update-delete")
class CreateUpdateDeleteConformanceTest {

	private static final String CUD = CONF + "create-update-delete/";

	private static final String REQ = Sta.REQ + "create-update-delete/";

	@LocalServerPort
	int port;

	private Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	// ---- fixtures ----

	/** A Thing at a Location, with one Datastream (no Observations yet), its Sensor and ObservedProperty. */
	record Base(String name, long thing, long location, long datastream, long sensor, long observedProperty) {
	}

	private Base base() {
		String name = unique("cud");
		Map<String, Object> thing = thing(name);
		thing.put("Locations", arr(location(name + "-loc", 10, 20)));
		thing.put("Datastreams", arr(datastream(name + "-ds")));
		long thingId = created(api.post(V + "/Things", thing));
		long location = ids(api.get(V + "/Things(" + thingId + ")/Locations")).get(0);
		long datastream = ids(api.get(V + "/Things(" + thingId + ")/Datastreams")).get(0);
		return new Base(name, thingId, location, datastream, get("Datastreams", datastream, "/Sensor").id(),
				get("Datastreams", datastream, "/ObservedProperty").id());
	}

	private long observe(long datastream, Map<String, Object> observation) {
		return created(api.post(V + "/Datastreams(" + datastream + ")/Observations", observation));
	}

	private Api.Response get(String set, long id, String rest) {
		return api.get(V + "/" + set + "(" + id + ")" + rest);
	}

	private JsonNode entity(String set, long id) {
		return ok(get(set, id, "")).json();
	}

	private void assertGone(String set, long id) {
		problem(get(set, id, ""), 404);
	}

	private void assertExists(String set, long id) {
		ok(get(set, id, ""));
	}

	/** The ids of the entities of a set with this name. */
	private List<Long> named(String set, String name) {
		return ids(api.get(V + "/" + set, "$filter", "name eq '" + name + "'"));
	}

	private List<Long> historicalLocationsOf(long thing) {
		return ids(api.get(V + "/Things(" + thing + ")/HistoricalLocations", "$orderby", "time,id"));
	}

	private List<Long> locationsOf(long historicalLocation) {
		return ids(get("HistoricalLocations", historicalLocation, "/Locations"));
	}

	// ---- sensing-entity-creation ----

	@Test
	@DisplayName(CUD + "sensing-entity-creation (req/create-update-delete/create-entity): each entity type by POST to its collection, 201 with Location")
	void createEachEntityType() {
		String name = unique("create");
		long thing = created(api.post(V + "/Things", obj("name", name, "description", "d", "properties",
				obj("k", "v"))));
		long location = created(api.post(V + "/Locations", location(name, 1, 2)));
		long sensor = created(api.post(V + "/Sensors", sensor(name)));
		long property = created(api.post(V + "/ObservedProperties", observedProperty(name)));
		long feature = created(api.post(V + "/FeaturesOfInterest", feature(name, 1, 2)));
		Map<String, Object> datastream = datastream(name);
		datastream.put("Thing", ref(thing));
		datastream.put("Sensor", ref(sensor));
		datastream.put("ObservedProperty", ref(property));
		long datastreamId = created(api.post(V + "/Datastreams", datastream));
		Map<String, Object> observation = observation("2024-05-01T12:00:00Z", 3.5);
		observation.put("Datastream", ref(datastreamId));
		observation.put("FeatureOfInterest", ref(feature));
		long observationId = created(api.post(V + "/Observations", observation));
		long historicalLocation = created(api.post(V + "/HistoricalLocations", obj("time", "2020-01-01T00:00:00Z",
				"Thing", ref(thing), "Locations", arr(ref(location)))));
		assertThat(entity("Things", thing).get("properties").get("k").asString()).isEqualTo("v");
		assertThat(entity("Datastreams", datastreamId).get("name").asString()).isEqualTo(name);
		assertThat(get("Datastreams", datastreamId, "/Thing").id()).isEqualTo(thing);
		assertThat(get("Datastreams", datastreamId, "/Sensor").id()).isEqualTo(sensor);
		assertThat(get("Datastreams", datastreamId, "/ObservedProperty").id()).isEqualTo(property);
		assertThat(get("Observations", observationId, "/Datastream").id()).isEqualTo(datastreamId);
		assertThat(get("Observations", observationId, "/FeatureOfInterest").id()).isEqualTo(feature);
		assertThat(get("HistoricalLocations", historicalLocation, "/Thing").id()).isEqualTo(thing);
		assertThat(locationsOf(historicalLocation)).containsExactly(location);
		assertThat(entity("HistoricalLocations", historicalLocation).get("time").asString())
			.isEqualTo("2020-01-01T00:00:00Z");
		for (String set : List.of("Locations", "Sensors", "ObservedProperties", "FeaturesOfInterest")) {
			assertThat(named(set, name)).as(set).hasSize(1);
		}
	}

	@Test
	@DisplayName(CUD + "sensing-entity-creation (req/create-update-delete/create-entity): POST to a navigation collection links to its entity")
	void createInNavigationCollection() {
		Base base = base();
		Map<String, Object> datastream = datastream(base.name() + "-second");
		datastream.remove("Sensor");
		datastream.put("Sensor", ref(base.sensor()));
		long second = created(api.post(V + "/Things(" + base.thing() + ")/Datastreams", datastream));
		assertThat(get("Datastreams", second, "/Thing").id()).isEqualTo(base.thing());
		long observation = observe(second, observation("2024-05-01T00:00:00Z", 1));
		assertThat(get("Observations", observation, "/Datastream").id()).isEqualTo(second);
		long feature = created(api.post(V + "/FeaturesOfInterest", feature(base.name(), 3, 4)));
		Map<String, Object> viaFeature = observation("2024-05-01T01:00:00Z", 2);
		viaFeature.put("Datastream", ref(second));
		long other = created(api.post(V + "/FeaturesOfInterest(" + feature + ")/Observations", viaFeature));
		assertThat(get("Observations", other, "/FeatureOfInterest").id()).isEqualTo(feature);
		assertThat(ids(get("Datastreams", second, "/Observations"))).containsExactly(observation, other);
	}

	@Test
	@DisplayName(CUD + "sensing-entity-creation (req/create-update-delete/deep-insert, deep-insert-status-code): the standard's deep insert, 201 with Location")
	void deepInsertOfAThing() {
		String name = unique("deep");
		Map<String, Object> observation = observation("2024-05-01T00:00:00Z", 7);
		observation.put("FeatureOfInterest", feature(name + "-foi", 5, 6));
		Map<String, Object> datastream = datastream(name + "-ds");
		datastream.put("Observations", arr(observation, observation("2024-05-01T01:00:00Z", 8)));
		Map<String, Object> thing = thing(name);
		thing.put("Locations", arr(location(name + "-loc", 5, 6)));
		thing.put("Datastreams", arr(datastream));
		Api.Response response = api.post(V + "/Things", thing);
		long id = created(response);
		assertThat(response.header("Location")).isEqualTo(api.base() + V + "/Things(" + id + ")");
		assertThat(response.json().get("name").asString()).isEqualTo(name);
		assertThat(named("Locations", name + "-loc")).hasSize(1);
		assertThat(named("Sensors", name + "-ds-sensor")).hasSize(1);
		assertThat(named("ObservedProperties", name + "-ds-property")).hasSize(1);
		assertThat(named("FeaturesOfInterest", name + "-foi")).hasSize(1);
		long datastreamId = ids(get("Things", id, "/Datastreams")).get(0);
		JsonNode observations = ok(get("Datastreams", datastreamId, "/Observations", "$expand",
				"FeatureOfInterest")).json().get("value");
		assertThat(observations.size()).isEqualTo(2);
		assertThat(observations.get(0).get("FeatureOfInterest").get("name").asString()).isEqualTo(name + "-foi");
		// The second Observation named no feature: it got the one made from the Thing's Location.
		assertThat(observations.get(1).get("FeatureOfInterest").get("feature").get("coordinates").get(0).asDouble())
			.isEqualTo(5);
	}

	/**
	 * On PostgreSQL each month of Observations is a partition, made on first need. A request
	 * with Observations of several new months must see every partition it made, also when the
	 * connection already runs the INSERT as a server-side prepared statement (hence the
	 * Observations posted first).
	 */
	@Test
	@DisplayName(CUD + "sensing-entity-creation (req/create-update-delete/deep-insert): Observations of several months in one request")
	void deepInsertAcrossMonths() {
		Base base = base();
		for (int i = 0; i < 10; i++) {
			observe(base.datastream(), observation("2024-01-01T00:00:0" + i + "Z", i));
		}
		List<Object> observations = arr();
		for (int month = 1; month <= 4; month++) {
			observations.add(observation(String.format("1991-%02d-15T00:00:00Z", month), month));
		}
		long datastream = created(api.post(V + "/Datastreams", with(datastream(unique("months")), "Thing",
				ref(base.thing()), "Observations", observations)));
		assertThat(Sta.results(get("Datastreams", datastream, "/Observations"))).containsExactly(1.0, 2.0, 3.0, 4.0);
		assertThat(entity("Datastreams", datastream).get("phenomenonTime").asString())
			.isEqualTo("1991-01-15T00:00:00Z/1991-04-15T00:00:00Z");
	}

	private Api.Response get(String set, long id, String rest, String... options) {
		return api.get(V + "/" + set + "(" + id + ")" + rest, options);
	}

	@Test
	@DisplayName(CUD + "sensing-entity-creation (req/create-update-delete/deep-insert): a deep insert starting at each entity type")
	void deepInsertFromEachEntityType() {
		Base base = base();
		String name = unique("deep");
		// Location with a new Thing.
		long location = created(api.post(V + "/Locations", with(location(name + "-loc", 1, 1), "Things",
				arr(thing(name + "-thing")))));
		long thing = ids(get("Locations", location, "/Things")).get(0);
		assertThat(entity("Things", thing).get("name").asString()).isEqualTo(name + "-thing");
		// HistoricalLocation with a new Thing and a new Location.
		long historicalLocation = created(api.post(V + "/HistoricalLocations", obj("time", "2021-01-01T00:00:00Z",
				"Thing", thing(name + "-hl-thing"), "Locations", arr(location(name + "-hl-loc", 2, 2)))));
		assertThat(entity("Things", get("HistoricalLocations", historicalLocation, "/Thing").id()).get("name")
			.asString()).isEqualTo(name + "-hl-thing");
		assertThat(named("Locations", name + "-hl-loc")).containsExactlyElementsOf(locationsOf(historicalLocation));
		// Datastream with a new Thing (at a new Location), Sensor, ObservedProperty and Observations.
		Map<String, Object> observation = observation("2024-01-01T00:00:00Z", 1);
		observation.put("FeatureOfInterest", feature(name + "-foi", 3, 3));
		long datastream = created(api.post(V + "/Datastreams", with(datastream(name + "-ds"), "Thing",
				with(thing(name + "-ds-thing"), "Locations", arr(location(name + "-ds-loc", 3, 3))), "Observations",
				arr(observation, observation("2024-01-01T01:00:00Z", 2)))));
		assertThat(ids(get("Datastreams", datastream, "/Observations"))).hasSize(2);
		assertThat(entity("Things", get("Datastreams", datastream, "/Thing").id()).get("name").asString())
			.isEqualTo(name + "-ds-thing");
		// Sensor with a new Datastream (for an existing Thing) and its new ObservedProperty.
		Map<String, Object> forSensor = datastream(name + "-sensor-ds");
		forSensor.remove("Sensor");
		long sensor = created(api.post(V + "/Sensors", with(sensor(name + "-sensor"), "Datastreams",
				arr(with(forSensor, "Thing", ref(base.thing()))))));
		long sensorDatastream = ids(get("Sensors", sensor, "/Datastreams")).get(0);
		assertThat(get("Datastreams", sensorDatastream, "/Thing").id()).isEqualTo(base.thing());
		// ObservedProperty with a new Datastream and its new Sensor.
		Map<String, Object> forProperty = datastream(name + "-op-ds");
		forProperty.remove("ObservedProperty");
		long property = created(api.post(V + "/ObservedProperties", with(observedProperty(name + "-op"),
				"Datastreams", arr(with(forProperty, "Thing", ref(base.thing()))))));
		assertThat(ids(get("ObservedProperties", property, "/Datastreams"))).hasSize(1);
		// Observation with a new Datastream (and all it needs) and a new FeatureOfInterest.
		Map<String, Object> deepObservation = observation("2024-01-02T00:00:00Z", 3);
		deepObservation.put("Datastream", with(datastream(name + "-obs-ds"), "Thing", ref(base.thing())));
		deepObservation.put("FeatureOfInterest", feature(name + "-obs-foi", 4, 4));
		long observationId = created(api.post(V + "/Observations", deepObservation));
		assertThat(entity("Datastreams", get("Observations", observationId, "/Datastream").id()).get("name")
			.asString()).isEqualTo(name + "-obs-ds");
		// FeatureOfInterest with new Observations of an existing Datastream.
		long feature = created(api.post(V + "/FeaturesOfInterest", with(feature(name + "-foi2", 5, 5),
				"Observations", arr(with(observation("2024-01-03T00:00:00Z", 4), "Datastream",
						ref(base.datastream()))))));
		assertThat(ids(get("FeaturesOfInterest", feature, "/Observations"))).hasSize(1);
	}

	private static Map<String, Object> with(Map<String, Object> entity, Object... members) {
		for (int i = 0; i < members.length; i += 2) {
			entity.put((String) members[i], members[i + 1]);
		}
		return entity;
	}

	@Test
	@DisplayName(CUD + "sensing-entity-creation (req/create-update-delete/link-to-existing-entities): links by @iot.id")
	void linkToExistingEntities() {
		Base base = base();
		// The same Location for a second Thing, and an existing Thing for a new Location.
		long second = created(api.post(V + "/Things", with(thing(unique("second")), "Locations",
				arr(ref(base.location())))));
		assertThat(ids(get("Things", second, "/Locations"))).containsExactly(base.location());
		assertThat(ids(get("Locations", base.location(), "/Things"))).containsExactlyInAnyOrder(base.thing(), second);
		// Linking what does not exist is refused, and nothing is made.
		String name = unique("dangling");
		Map<String, Object> datastream = datastream(name);
		datastream.put("Thing", ref(Long.MAX_VALUE));
		JsonNode problem = problem(api.post(V + "/Datastreams", datastream), 400);
		assertThat(problem.get("pointer").asString()).isEqualTo("/Thing");
		assertThat(named("Datastreams", name)).isEmpty();
		assertThat(named("Sensors", name + "-sensor")).isEmpty();
		Map<String, Object> observation = observation("2024-01-01T00:00:00Z", 1);
		observation.put("Datastream", ref(base.datastream()));
		observation.put("FeatureOfInterest", ref(Long.MAX_VALUE));
		problem(api.post(V + "/Observations", observation), 400);
		assertThat(ids(get("Datastreams", base.datastream(), "/Observations"))).isEmpty();
	}

	@Test
	@DisplayName(CUD + "sensing-entity-creation (req/create-update-delete/deep-insert): a deep insert that fails creates nothing")
	void deepInsertIsAtomic() {
		// Refused while reading: the second Datastream's Sensor lacks its encodingType.
		String name = unique("atomic");
		Map<String, Object> broken = datastream(name + "-ds2");
		((Map<String, Object>) broken.get("Sensor")).remove("encodingType");
		Map<String, Object> thing = with(thing(name), "Locations", arr(location(name + "-loc", 1, 1)), "Datastreams",
				arr(datastream(name + "-ds1"), broken));
		JsonNode problem = problem(api.post(V + "/Things", thing), 400);
		assertThat(problem.get("pointer").asString()).isEqualTo("/Datastreams/1/Sensor");
		assertNothingNamed(name);
		// Refused while writing: the second Datastream links an ObservedProperty that does not
		// exist, after the Thing, its Location and the first Datastream with Observations were made.
		name = unique("atomic");
		double marker = ThreadLocalRandom.current().nextLong(1L << 40) + 0.5;
		Map<String, Object> observation = observation("2024-01-01T00:00:00Z", marker);
		observation.put("FeatureOfInterest", feature(name + "-foi", 1, 1));
		Map<String, Object> first = with(datastream(name + "-ds1"), "Observations",
				arr(observation, observation("2024-01-01T01:00:00Z", marker)));
		Map<String, Object> second = with(datastream(name + "-ds2"), "ObservedProperty", ref(Long.MAX_VALUE));
		thing = with(thing(name), "Locations", arr(location(name + "-loc", 1, 1)), "Datastreams",
				arr(first, second));
		problem = problem(api.post(V + "/Things", thing), 400);
		assertThat(problem.get("pointer").asString()).isEqualTo("/Datastreams/1/ObservedProperty");
		assertNothingNamed(name);
		assertThat(named("FeaturesOfInterest", name + "-foi")).isEmpty();
		assertThat(ids(api.get(V + "/Observations", "$filter", "result eq " + marker))).isEmpty();
		assertThat(ids(api.get(V + "/HistoricalLocations", "$filter", "Thing/name eq '" + name + "'"))).isEmpty();
	}

	private void assertNothingNamed(String name) {
		assertThat(named("Things", name)).isEmpty();
		assertThat(named("Locations", name + "-loc")).isEmpty();
		assertThat(named("Datastreams", name + "-ds1")).isEmpty();
		assertThat(named("Sensors", name + "-ds1-sensor")).isEmpty();
		assertThat(named("ObservedProperties", name + "-ds1-property")).isEmpty();
		assertThat(named("Sensors", name + "-ds2-sensor")).isEmpty();
	}

	@Test
	@DisplayName(CUD + "sensing-entity-creation (req/create-update-delete/create-entity, Table 24): what a Datastream and an Observation must link")
	void integrityConstraintsOnCreate() {
		Base base = base();
		String name = unique("orphan");
		// A Datastream without a Sensor.
		Map<String, Object> noSensor = datastream(name);
		noSensor.remove("Sensor");
		noSensor.put("Thing", ref(base.thing()));
		problem(api.post(V + "/Datastreams", noSensor), 400);
		assertThat(named("Datastreams", name)).isEmpty();
		assertThat(named("ObservedProperties", name + "-property")).isEmpty();
		// A Datastream without a Thing, and one without an ObservedProperty.
		problem(api.post(V + "/Datastreams", datastream(name)), 400);
		Map<String, Object> noProperty = datastream(name);
		noProperty.remove("ObservedProperty");
		noProperty.put("Thing", ref(base.thing()));
		problem(api.post(V + "/Datastreams", noProperty), 400);
		assertThat(named("Sensors", name + "-sensor")).isEmpty();
		// An Observation without a Datastream.
		Map<String, Object> observation = observation("2024-01-01T00:00:00Z", 1);
		observation.put("FeatureOfInterest", feature(name + "-foi", 1, 1));
		problem(api.post(V + "/Observations", observation), 400);
		assertThat(named("FeaturesOfInterest", name + "-foi")).isEmpty();
		// An Observation without a FeatureOfInterest, of a Thing that has no Location to make one from.
		long nowhere = created(api.post(V + "/Things", with(thing(name + "-nowhere"), "Datastreams",
				arr(datastream(name + "-nowhere-ds")))));
		long datastream = ids(get("Things", nowhere, "/Datastreams")).get(0);
		problem(api.post(V + "/Datastreams(" + datastream + ")/Observations", observation("2024-01-01T00:00:00Z", 1)),
				400);
		assertThat(ids(get("Datastreams", datastream, "/Observations"))).isEmpty();
		// A HistoricalLocation without a Thing.
		problem(api.post(V + "/HistoricalLocations", obj("time", "2020-01-01T00:00:00Z", "Locations",
				arr(ref(base.location())))), 400);
	}

	@Test
	@DisplayName(CUD + "sensing-entity-creation (req/create-update-delete/create-entity, 10.2.1.1): a FeatureOfInterest from the Thing's Location, made once")
	void automaticFeatureOfInterest() {
		Base base = base();
		long first = observe(base.datastream(), observation("2024-01-01T00:00:00Z", 1));
		long feature = get("Observations", first, "/FeatureOfInterest").id();
		JsonNode made = entity("FeaturesOfInterest", feature);
		JsonNode location = entity("Locations", base.location());
		assertThat(made.get("feature")).isEqualTo(location.get("location"));
		assertThat(made.get("encodingType").asString()).isEqualTo(location.get("encodingType").asString());
		long second = observe(base.datastream(), observation("2024-01-01T01:00:00Z", 2));
		assertThat(get("Observations", second, "/FeatureOfInterest").id()).isEqualTo(feature);
		// Another Datastream of the same Thing shares it too.
		Map<String, Object> other = datastream(unique("other"));
		other.put("Thing", ref(base.thing()));
		long otherDatastream = created(api.post(V + "/Datastreams", other));
		long third = observe(otherDatastream, observation("2024-01-01T02:00:00Z", 3));
		assertThat(get("Observations", third, "/FeatureOfInterest").id()).isEqualTo(feature);
	}

	@Test
	@DisplayName(CUD + "sensing-entity-creation (req/create-update-delete/create-entity, 10.2.1.1): after the Thing moves, new Observations are of the new place")
	void automaticFeatureOfInterestFollowsTheThing() {
		Base base = base();
		long before = observe(base.datastream(), observation("2024-01-01T00:00:00Z", 1));
		long oldFeature = get("Observations", before, "/FeatureOfInterest").id();
		created(api.post(V + "/Things(" + base.thing() + ")/Locations", location(unique("moved"), 11, 21)));
		long after = observe(base.datastream(), observation("2024-01-01T01:00:00Z", 2));
		JsonNode feature = get("Observations", after, "/FeatureOfInterest").json();
		assertThat(feature.get("@iot.id").asLong()).isNotEqualTo(oldFeature);
		assertThat(feature.get("feature").get("coordinates").get(0).asDouble()).isEqualTo(11);
		assertThat(get("Observations", before, "/FeatureOfInterest").id()).isEqualTo(oldFeature);
	}

	@Test
	@DisplayName(CUD + "sensing-entity-creation (req/datamodel/observation/properties): resultTime null and phenomenonTime now when omitted")
	void observationDefaults() {
		Base base = base();
		Api.Response response = api.post(V + "/Datastreams(" + base.datastream() + ")/Observations",
				observation("2024-01-01T00:00:00Z", 1));
		long id = created(response);
		assertThat(response.json().has("resultTime")).isTrue();
		assertThat(response.json().get("resultTime").isNull()).isTrue();
		assertThat(entity("Observations", id).get("resultTime").isNull()).isTrue();
		Instant before = Instant.now();
		long now = observe(base.datastream(), obj("result", 2));
		Instant after = Instant.now();
		Instant phenomenonTime = Instant.parse(entity("Observations", now).get("phenomenonTime").asString());
		assertThat(phenomenonTime).isBetween(before.minusSeconds(5), after.plusSeconds(5));
	}

	@Test
	@DisplayName(CUD + "sensing-entity-creation (req/create-update-delete/historical-location-auto-creation): a Thing that gets a Location gets a HistoricalLocation")
	void historicalLocationAutoCreation() {
		// On creating a Thing with a Location.
		Instant before = Instant.now().minusSeconds(5);
		Base base = base();
		List<Long> history = historicalLocationsOf(base.thing());
		assertThat(history).hasSize(1);
		assertThat(locationsOf(history.get(0))).containsExactly(base.location());
		Instant time = Instant.parse(entity("HistoricalLocations", history.get(0)).get("time").asString());
		assertThat(time).isBetween(before, Instant.now().plusSeconds(5));
		// On POST Things(x)/Locations.
		long moved = created(api.post(V + "/Things(" + base.thing() + ")/Locations",
				location(base.name() + "-2", 11, 21)));
		history = historicalLocationsOf(base.thing());
		assertThat(history).hasSize(2);
		assertThat(locationsOf(history.get(1))).containsExactly(moved);
		assertThat(ids(get("Things", base.thing(), "/Locations"))).contains(moved);
		// On PATCH with Locations, which replace the current ones (a design decision).
		long third = created(api.post(V + "/Locations", location(base.name() + "-3", 12, 22)));
		ok(api.patch(V + "/Things(" + base.thing() + ")", obj("Locations", arr(ref(third)))));
		history = historicalLocationsOf(base.thing());
		assertThat(history).hasSize(3);
		assertThat(locationsOf(history.get(2))).containsExactly(third);
		assertThat(ids(get("Things", base.thing(), "/Locations"))).containsExactly(third);
		// On creating a Location linked to an existing Thing.
		long fourth = created(api.post(V + "/Locations", with(location(base.name() + "-4", 13, 23), "Things",
				arr(ref(base.thing())))));
		history = historicalLocationsOf(base.thing());
		assertThat(history).hasSize(4);
		assertThat(locationsOf(history.get(3))).containsExactly(fourth);
		// The auto-generated HistoricalLocations are the only ones: a Thing without Locations has none.
		long bare = created(api.post(V + "/Things", thing(unique("bare"))));
		assertThat(historicalLocationsOf(bare)).isEmpty();
	}

	@Test
	@DisplayName(REQ + "historical-location-manual-creation: a HistoricalLocation newer than all others moves the Thing")
	void historicalLocationManualCreation() {
		Base base = base();
		long second = created(api.post(V + "/Locations", location(base.name() + "-2", 30, 40)));
		long third = created(api.post(V + "/Locations", location(base.name() + "-3", 50, 60)));
		String future = Instant.now().plus(Duration.ofDays(1)).toString();
		long newest = created(api.post(V + "/HistoricalLocations", obj("time", future, "Thing", ref(base.thing()),
				"Locations", arr(ref(second)))));
		assertThat(ids(get("Things", base.thing(), "/Locations"))).containsExactly(second);
		// An older one is history only: the Thing stays where it is.
		long older = created(api.post(V + "/HistoricalLocations", obj("time", "2000-01-01T00:00:00Z", "Thing",
				ref(base.thing()), "Locations", arr(ref(third)))));
		assertThat(ids(get("Things", base.thing(), "/Locations"))).containsExactly(second);
		assertThat(historicalLocationsOf(base.thing())).hasSize(3).startsWith(older).endsWith(newest);
		// Creating them by hand made no HistoricalLocations of their own.
		assertThat(locationsOf(newest)).containsExactly(second);
		assertThat(locationsOf(older)).containsExactly(third);
	}

	// ---- update-entity ----

	@Test
	@DisplayName(CUD + "update-entity (req/create-update-delete/update-entity): PATCH changes the given properties only, for each entity type")
	void patchEachEntityType() {
		Base base = base();
		long observation = observe(base.datastream(), with(observation("2024-01-01T00:00:00Z", 1), "resultTime",
				"2024-01-01T00:00:01Z", "parameters", obj("p", 1)));
		long feature = get("Observations", observation, "/FeatureOfInterest").id();
		long historicalLocation = historicalLocationsOf(base.thing()).get(0);
		assertPatch("Things", base.thing(), obj("description", "patched", "properties", obj("new", true)));
		assertPatch("Locations", base.location(), obj("name", "patched", "location", point(-1, -2)));
		assertPatch("HistoricalLocations", historicalLocation, obj("time", "2019-01-01T00:00:00Z"));
		assertPatch("Datastreams", base.datastream(), obj("description", "patched", "unitOfMeasurement",
				obj("name", "kelvin", "symbol", "K", "definition", "http://example.org/K")));
		assertPatch("Sensors", base.sensor(), obj("metadata", "http://example.org/patched.pdf"));
		assertPatch("ObservedProperties", base.observedProperty(), obj("definition", "http://example.org/patched"));
		assertPatch("Observations", observation, obj("result", 99, "validTime",
				"2024-01-01T00:00:00Z/2024-01-02T00:00:00Z"));
		assertPatch("FeaturesOfInterest", feature, obj("description", "patched", "properties", obj("zone", 3)));
		problem(api.patch(V + "/Things(" + Long.MAX_VALUE + ")", obj("name", "x")), 404);
	}

	/** PATCHes an entity and checks that what was sent changed and nothing else did. */
	private void assertPatch(String set, long id, Map<String, Object> changes) {
		JsonNode before = entity(set, id);
		Api.Response response = ok(api.patch(V + "/" + set + "(" + id + ")", changes));
		JsonNode after = entity(set, id);
		assertThat(response.json()).as(set).isEqualTo(after);
		List<String> names = new ArrayList<>(propertyNames(before));
		changes.keySet().forEach(name -> {
			if (!names.contains(name)) {
				names.add(name);
			}
		});
		for (String name : names) {
			if (changes.containsKey(name)) {
				JsonNode sent = Api.json(JsonMapper.shared().writeValueAsString(changes.get(name)));
				assertThat(after.get(name)).as(set + " " + name).isEqualTo(sent);
			}
			else {
				assertThat(after.get(name)).as(set + " " + name).isEqualTo(before.get(name));
			}
		}
	}

	@Test
	@DisplayName(CUD + "update-entity (req/create-update-delete/update-entity): PATCH may not create related entities inline")
	void patchRefusesInlineEntities() {
		Base base = base();
		JsonNode before = entity("Datastreams", base.datastream());
		String name = unique("inline");
		problem(api.patch(V + "/Datastreams(" + base.datastream() + ")", obj("description", "changed", "Sensor",
				sensor(name))), 400);
		problem(api.patch(V + "/Things(" + base.thing() + ")", obj("Locations", arr(location(name, 1, 1)))), 400);
		assertThat(entity("Datastreams", base.datastream())).isEqualTo(before);
		assertThat(get("Datastreams", base.datastream(), "/Sensor").id()).isEqualTo(base.sensor());
		assertThat(named("Sensors", name)).isEmpty();
		assertThat(named("Locations", name)).isEmpty();
	}

	@Test
	@DisplayName(CUD + "update-entity (req/create-update-delete/update-entity): PATCH with bindings; to one replaces, to many adds")
	void patchWithBindings() {
		Base base = base();
		Base other = base();
		ok(api.patch(V + "/Datastreams(" + base.datastream() + ")", obj("Sensor", ref(other.sensor()),
				"ObservedProperty", ref(other.observedProperty()))));
		assertThat(get("Datastreams", base.datastream(), "/Sensor").id()).isEqualTo(other.sensor());
		assertThat(get("Datastreams", base.datastream(), "/ObservedProperty").id())
			.isEqualTo(other.observedProperty());
		assertThat(ids(get("Sensors", other.sensor(), "/Datastreams"))).containsExactlyInAnyOrder(
				base.datastream(), other.datastream());
		// To many: the other Thing's Datastream joins this Thing's.
		ok(api.patch(V + "/Things(" + base.thing() + ")", obj("Datastreams", arr(ref(other.datastream())))));
		assertThat(ids(get("Things", base.thing(), "/Datastreams"))).containsExactlyInAnyOrder(base.datastream(),
				other.datastream());
		// An Observation moved to another Datastream by its binding.
		long observation = observe(base.datastream(), observation("2024-01-01T00:00:00Z", 1));
		ok(api.patch(V + "/Observations(" + observation + ")", obj("Datastream", ref(other.datastream()))));
		assertThat(get("Observations", observation, "/Datastream").id()).isEqualTo(other.datastream());
		assertThat(ids(get("Datastreams", base.datastream(), "/Observations"))).isEmpty();
		// A binding to nothing is refused.
		problem(api.patch(V + "/Datastreams(" + base.datastream() + ")", obj("Sensor", ref(Long.MAX_VALUE))), 400);
		assertThat(get("Datastreams", base.datastream(), "/Sensor").id()).isEqualTo(other.sensor());
	}

	@Test
	@DisplayName(REQ + "update-entity-put: PUT replaces the entity; a missing mandatory property is 400")
	void put() {
		Base base = base();
		ok(api.patch(V + "/Things(" + base.thing() + ")", obj("properties", obj("old", 1))));
		Api.Response response = ok(api.put(V + "/Things(" + base.thing() + ")", obj("name", "replaced",
				"description", "whole")));
		JsonNode thing = entity("Things", base.thing());
		assertThat(response.json()).isEqualTo(thing);
		assertThat(thing.get("name").asString()).isEqualTo("replaced");
		assertThat(thing.get("description").asString()).isEqualTo("whole");
		assertThat(thing.has("properties")).as("left out, so cleared").isFalse();
		// Relations are not structural properties: they stay.
		assertThat(ids(get("Things", base.thing(), "/Datastreams"))).containsExactly(base.datastream());
		JsonNode problem = problem(api.put(V + "/Things(" + base.thing() + ")", obj("name", "no description")), 400);
		assertThat(problem.get("pointer").asString()).isEqualTo("/");
		assertThat(entity("Things", base.thing())).isEqualTo(thing);
		Map<String, Object> sensor = sensor("replaced");
		ok(api.put(V + "/Sensors(" + base.sensor() + ")", sensor));
		assertThat(entity("Sensors", base.sensor()).get("metadata").asString())
			.isEqualTo("http://example.org/replaced.pdf");
		problem(api.put(V + "/Things(" + Long.MAX_VALUE + ")", obj("name", "x", "description", "y")), 404);
	}

	// ---- sensing-entity-deletion ----

	@Test
	@DisplayName(CUD + "sensing-entity-deletion (req/create-update-delete/delete-entity): each entity type, then 404")
	void deleteEachEntityType() {
		Base base = base();
		long observation = observe(base.datastream(), observation("2024-01-01T00:00:00Z", 1));
		long feature = get("Observations", observation, "/FeatureOfInterest").id();
		long historicalLocation = historicalLocationsOf(base.thing()).get(0);
		List<Map.Entry<String, Long>> order = List.of(Map.entry("Observations", observation),
				Map.entry("FeaturesOfInterest", feature), Map.entry("HistoricalLocations", historicalLocation),
				Map.entry("Datastreams", base.datastream()), Map.entry("Sensors", base.sensor()),
				Map.entry("ObservedProperties", base.observedProperty()), Map.entry("Locations", base.location()),
				Map.entry("Things", base.thing()));
		for (Map.Entry<String, Long> entry : order) {
			Api.Response deleted = api.delete(V + "/" + entry.getKey() + "(" + entry.getValue() + ")");
			assertThat(deleted.status()).as("%s %s", entry, deleted).isEqualTo(200);
			assertGone(entry.getKey(), entry.getValue());
			problem(api.delete(V + "/" + entry.getKey() + "(" + entry.getValue() + ")"), 404);
		}
	}

	/** A Thing at a Location with one Datastream of two Observations, and its HistoricalLocation. */
	private record Full(Base base, long first, long second, long feature, long historicalLocation) {
	}

	private Full full() {
		Base base = base();
		long first = observe(base.datastream(), observation("2024-01-01T00:00:00Z", 1));
		long second = observe(base.datastream(), observation("2024-01-01T01:00:00Z", 2));
		return new Full(base, first, second, get("Observations", first, "/FeatureOfInterest").id(),
				historicalLocationsOf(base.thing()).get(0));
	}

	@Test
	@DisplayName(CUD + "sensing-entity-deletion (req/create-update-delete/delete-entity): a Thing takes its Datastreams and HistoricalLocations")
	void deleteThingCascades() {
		Full full = full();
		Base base = full.base();
		ok(api.delete(V + "/Things(" + base.thing() + ")"));
		assertGone("Datastreams", base.datastream());
		assertGone("Observations", full.first());
		assertGone("Observations", full.second());
		assertGone("HistoricalLocations", full.historicalLocation());
		assertExists("Locations", base.location());
		assertExists("Sensors", base.sensor());
		assertExists("ObservedProperties", base.observedProperty());
		assertExists("FeaturesOfInterest", full.feature());
		assertThat(ids(get("Locations", base.location(), "/Things"))).isEmpty();
	}

	@Test
	@DisplayName(CUD + "sensing-entity-deletion (req/create-update-delete/delete-entity): a Location takes its HistoricalLocations")
	void deleteLocationCascades() {
		Full full = full();
		Base base = full.base();
		ok(api.delete(V + "/Locations(" + base.location() + ")"));
		assertGone("HistoricalLocations", full.historicalLocation());
		assertExists("Things", base.thing());
		assertThat(ids(get("Things", base.thing(), "/Locations"))).isEmpty();
		assertExists("Observations", full.first());
		assertExists("FeaturesOfInterest", full.feature());
	}

	@Test
	@DisplayName(CUD + "sensing-entity-deletion (req/create-update-delete/delete-entity): a Datastream takes its Observations")
	void deleteDatastreamCascades() {
		Full full = full();
		Base base = full.base();
		ok(api.delete(V + "/Datastreams(" + base.datastream() + ")"));
		assertGone("Observations", full.first());
		assertGone("Observations", full.second());
		assertExists("Things", base.thing());
		assertExists("Sensors", base.sensor());
		assertExists("ObservedProperties", base.observedProperty());
		assertExists("FeaturesOfInterest", full.feature());
		assertThat(ids(get("Things", base.thing(), "/Datastreams"))).isEmpty();
	}

	@Test
	@DisplayName(CUD + "sensing-entity-deletion (req/create-update-delete/delete-entity): a Sensor takes its Datastreams and their Observations")
	void deleteSensorCascades() {
		Full full = full();
		Base base = full.base();
		ok(api.delete(V + "/Sensors(" + base.sensor() + ")"));
		assertGone("Datastreams", base.datastream());
		assertGone("Observations", full.first());
		assertExists("Things", base.thing());
		assertExists("ObservedProperties", base.observedProperty());
	}

	@Test
	@DisplayName(CUD + "sensing-entity-deletion (req/create-update-delete/delete-entity): an ObservedProperty takes its Datastreams and their Observations")
	void deleteObservedPropertyCascades() {
		Full full = full();
		Base base = full.base();
		ok(api.delete(V + "/ObservedProperties(" + base.observedProperty() + ")"));
		assertGone("Datastreams", base.datastream());
		assertGone("Observations", full.second());
		assertExists("Things", base.thing());
		assertExists("Sensors", base.sensor());
	}

	@Test
	@DisplayName(CUD + "sensing-entity-deletion (req/create-update-delete/delete-entity): a FeatureOfInterest takes its Observations")
	void deleteFeatureOfInterestCascades() {
		Full full = full();
		Base base = full.base();
		long elsewhere = created(api.post(V + "/FeaturesOfInterest", feature(base.name() + "-elsewhere", 0, 0)));
		long kept = observe(base.datastream(), with(observation("2024-01-02T00:00:00Z", 3), "FeatureOfInterest",
				ref(elsewhere)));
		ok(api.delete(V + "/FeaturesOfInterest(" + full.feature() + ")"));
		assertGone("Observations", full.first());
		assertGone("Observations", full.second());
		assertExists("Observations", kept);
		assertExists("Datastreams", base.datastream());
		assertThat(ids(get("Datastreams", base.datastream(), "/Observations"))).containsExactly(kept);
		// The Datastream's time span follows: only the kept Observation is left.
		assertThat(entity("Datastreams", base.datastream()).get("phenomenonTime").asString())
			.isEqualTo("2024-01-02T00:00:00Z/2024-01-02T00:00:00Z");
		// The next Observation without a feature gets a new one from the Location.
		long next = observe(base.datastream(), observation("2024-01-03T00:00:00Z", 4));
		long made = get("Observations", next, "/FeatureOfInterest").id();
		assertThat(made).isNotEqualTo(full.feature());
		assertThat(entity("FeaturesOfInterest", made).get("feature"))
			.isEqualTo(entity("Locations", base.location()).get("location"));
	}

	@Test
	@DisplayName(CUD + "sensing-entity-deletion (req/create-update-delete/delete-entity): an Observation or a HistoricalLocation goes alone")
	void deleteObservationAndHistoricalLocation() {
		Full full = full();
		Base base = full.base();
		ok(api.delete(V + "/Observations(" + full.first() + ")"));
		assertExists("Observations", full.second());
		assertExists("FeaturesOfInterest", full.feature());
		assertThat(entity("Datastreams", base.datastream()).get("phenomenonTime").asString())
			.isEqualTo("2024-01-01T01:00:00Z/2024-01-01T01:00:00Z");
		ok(api.delete(V + "/HistoricalLocations(" + full.historicalLocation() + ")"));
		assertExists("Things", base.thing());
		assertExists("Locations", base.location());
		assertThat(ids(get("Things", base.thing(), "/Locations"))).containsExactly(base.location());
	}

	// ---- Datastream properties derived from its Observations ----

	@Test
	@DisplayName(Sta.REQ + "datamodel/datastream/properties: phenomenonTime, resultTime and observedArea follow the Observations")
	void datastreamSummaries() {
		Base base = base();
		JsonNode empty = entity("Datastreams", base.datastream());
		assertThat(empty.has("phenomenonTime")).isFalse();
		assertThat(empty.has("resultTime")).isFalse();
		assertThat(empty.has("observedArea")).isFalse();
		long north = created(api.post(V + "/FeaturesOfInterest", feature(base.name() + "-n", 1, 5)));
		long south = created(api.post(V + "/FeaturesOfInterest", feature(base.name() + "-s", 3, 2)));
		long first = observe(base.datastream(), with(observation("2024-02-01T00:00:00Z/2024-02-01T06:00:00Z", 1),
				"resultTime", "2024-02-01T07:00:00Z", "FeatureOfInterest", ref(north)));
		observe(base.datastream(), with(observation("2024-01-15T00:00:00Z", 2), "resultTime", "2024-01-15T00:05:00Z",
				"FeatureOfInterest", ref(south)));
		observe(base.datastream(), with(observation("2024-01-20T00:00:00Z", 3), "FeatureOfInterest", ref(south)));
		JsonNode datastream = entity("Datastreams", base.datastream());
		assertThat(datastream.get("phenomenonTime").asString()).isEqualTo("2024-01-15T00:00:00Z/2024-02-01T06:00:00Z");
		assertThat(datastream.get("resultTime").asString()).isEqualTo("2024-01-15T00:05:00Z/2024-02-01T07:00:00Z");
		assertBox(datastream.get("observedArea"), 1, 2, 3, 5);
		// A change to an Observation's time, a delete: the summaries follow.
		ok(api.patch(V + "/Observations(" + first + ")", obj("phenomenonTime", "2023-12-31T00:00:00Z")));
		assertThat(entity("Datastreams", base.datastream()).get("phenomenonTime").asString())
			.isEqualTo("2023-12-31T00:00:00Z/2024-01-20T00:00:00Z");
		ok(api.delete(V + "/Observations(" + first + ")"));
		datastream = entity("Datastreams", base.datastream());
		assertThat(datastream.get("phenomenonTime").asString()).isEqualTo("2024-01-15T00:00:00Z/2024-01-20T00:00:00Z");
		assertThat(datastream.get("resultTime").asString()).isEqualTo("2024-01-15T00:05:00Z/2024-01-15T00:05:00Z");
		assertThat(datastream.get("observedArea").get("type").asString()).isEqualTo("Point");
		assertThat(datastream.get("observedArea").get("coordinates").get(0).asDouble()).isEqualTo(3);
		// Values a client sends for them are not taken (an interpretation: they summarise the Observations).
		Map<String, Object> claimed = with(datastream(unique("claimed")), "Thing", ref(base.thing()),
				"phenomenonTime", "2000-01-01T00:00:00Z/2000-01-02T00:00:00Z", "observedArea", point(0, 0));
		JsonNode stored = entity("Datastreams", created(api.post(V + "/Datastreams", claimed)));
		assertThat(stored.has("phenomenonTime")).isFalse();
		assertThat(stored.has("observedArea")).isFalse();
	}

	/** A GeoJSON Polygon whose coordinates span exactly the given box. */
	private static void assertBox(JsonNode area, double minX, double minY, double maxX, double maxY) {
		assertThat(area.get("type").asString()).isEqualTo("Polygon");
		double[] seen = { Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
		area.get("coordinates").get(0).forEach(position -> {
			seen[0] = Math.min(seen[0], position.get(0).asDouble());
			seen[1] = Math.min(seen[1], position.get(1).asDouble());
			seen[2] = Math.max(seen[2], position.get(0).asDouble());
			seen[3] = Math.max(seen[3], position.get(1).asDouble());
		});
		assertThat(seen[0]).isCloseTo(minX, within(1e-9));
		assertThat(seen[1]).isCloseTo(minY, within(1e-9));
		assertThat(seen[2]).isCloseTo(maxX, within(1e-9));
		assertThat(seen[3]).isCloseTo(maxY, within(1e-9));
	}

}
