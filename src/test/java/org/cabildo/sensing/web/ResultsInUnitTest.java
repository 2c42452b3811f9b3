package org.cabildo.sensing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.cabildo.IntegrationTest;
import org.cabildo.sensing.store.ResultUnits;
import org.cabildo.sensing.units.AskedUnit;
import org.cabildo.sensing.units.Conversion;
import org.cabildo.support.Api;
import org.cabildo.support.StreamKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * A read may ask results in another unit ({@code unit=} or the {@code Cabildo-Unit} header): ozone
 * of one city in ppb and of another in ug/m3 answer, filter and compare in the one asked, at
 * 25 °C and 1 atm (1 ppb of O3 is 1.963 ug/m3); what does not convert is refused naming the stream.
 */
@IntegrationTest
class ResultsInUnitTest {

	private static final String EEA_OZONE = "http://dd.eionet.europa.eu/vocabulary/aq/pollutant/7";

	private static final double OZONE = 48.00 / 24.45;

	@LocalServerPort
	int port;

	@Autowired
	ResultUnits units;

	private Api api;

	private String name;

	private long ppb;

	private long micrograms;

	private long celsius;

	private long particles;

	private long notUcum;

	@BeforeEach
	void twoCities() {
		api = new Api(port);
		name = "units-" + UUID.randomUUID();
		Map<String, Object> thing = new LinkedHashMap<>(Map.of("name", name, "description", "two cities' ozone"));
		thing.put("Locations", List.of(Map.of("name", name, "description", "d", "encodingType",
				"application/geo+json", "location", Map.of("type", "Point", "coordinates", List.of(1, 2)))));
		thing.put("Datastreams", List.of(
				stream("o3 ppb", "[ppb]", Map.of("name", "O3", "definition", EEA_OZONE, "description", "d")),
				stream("o3 ug", "ug/m3", Map.of("name", "Ozone", "definition", "urn:other-city:ozone",
						"description", "d")),
				stream("temperature", "Cel", Map.of("name", "air temperature " + name, "definition", "urn:t",
						"description", "d")),
				stream("pm10", "ug/m3", Map.of("name", "PM10", "definition",
						"http://dd.eionet.europa.eu/vocabulary/aq/pollutant/5", "description", "d")),
				stream("counter", "vehicles", Map.of("name", "vehicles " + name, "definition", "urn:v",
						"description", "d"))));
		Api.Response created = api.post("/v1.1/Things", thing);
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		Map<String, Long> ids = new LinkedHashMap<>();
		api.get("/v1.1/Things(" + created.id() + ")/Datastreams", "$select", "id,name").json().get("value")
			.forEach(d -> ids.put(d.get("name").asString(), d.get("@iot.id").asLong()));
		ppb = ids.get("o3 ppb");
		micrograms = ids.get("o3 ug");
		celsius = ids.get("temperature");
		particles = ids.get("pm10");
		notUcum = ids.get("counter");
		observe(ppb, "2026-01-01T00:00:00Z", 40);
		observe(ppb, "2026-01-01T01:00:00Z", 60);
		observe(micrograms, "2026-01-01T00:00:00Z", 90);
		observe(micrograms, "2026-01-01T01:00:00Z", 110);
		observe(celsius, "2026-01-01T00:00:00Z", 25);
		observe(particles, "2026-01-01T00:00:00Z", 30);
		observe(notUcum, "2026-01-01T00:00:00Z", 12);
	}

	private static Map<String, Object> stream(String name, String symbol, Map<String, Object> property) {
		return Map.of("name", name, "description", "d", "observationType",
				"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement", "unitOfMeasurement",
				Map.of("name", symbol, "symbol", symbol, "definition", "https://ucum.org"), "Sensor",
				Map.of("name", name, "description", "d", "encodingType", "text/plain", "metadata", "m"),
				"ObservedProperty", property);
	}

	private void observe(long datastream, String time, double result) {
		Api.Response stored = api.post("/v1.1/Datastreams(" + datastream + ")/Observations",
				Map.of("phenomenonTime", time, "result", result));
		assertThat(stored.status()).as("%s", stored).isEqualTo(201);
	}

	private static List<Double> results(JsonNode page) {
		List<Double> results = new ArrayList<>();
		page.get("value").forEach(o -> results.add(o.get("result").asDouble()));
		return results;
	}

	private static void ok(Api.Response response) {
		assertThat(response.status()).as("%s", response).isEqualTo(200);
	}

	@Test
	void aCollectionOfPpbComesBackInMicrogramsAndSaysSo() {
		Api.Response answer = api.get("/v1.1/Datastreams(" + ppb + ")/Observations", "unit", "ug/m3");
		ok(answer);
		assertThat(results(answer.json())).satisfiesExactly(r -> assertThat(r).isCloseTo(40 * OZONE, within(1e-6)),
				r -> assertThat(r).isCloseTo(60 * OZONE, within(1e-6)));
		assertThat(answer.header("Cabildo-Unit")).isEqualTo("ug/m3");
		// Without the option, as stored.
		assertThat(results(api.get("/v1.1/Datastreams(" + ppb + ")/Observations").json())).containsExactly(40.0,
				60.0);
	}

	@Test
	void theHeaderAsksAsTheOptionDoes() {
		Api.Response answer = api.send("GET", "/v1.1/Datastreams(" + micrograms + ")/Observations", null,
				Map.of("Cabildo-Unit", "[ppb]"));
		ok(answer);
		assertThat(results(answer.json())).satisfiesExactly(r -> assertThat(r).isCloseTo(90 / OZONE, within(1e-6)),
				r -> assertThat(r).isCloseTo(110 / OZONE, within(1e-6)));
	}

	@Test
	void anEntityItsResultItsValueAndItsExpandedDatastreamAreInTheAskedUnit() {
		long first = api.get("/v1.1/Datastreams(" + ppb + ")/Observations", "$top", "1").json().get("value").get(0)
			.get("@iot.id").asLong();
		Api.Response entity = api.get("/v1.1/Observations(" + first + ")", "$expand", "Datastream", "unit",
				"ug/m3");
		ok(entity);
		assertThat(entity.json().get("result").asDouble()).isCloseTo(40 * OZONE, within(1e-6));
		assertThat(entity.json().get("Datastream").get("unitOfMeasurement").get("symbol").asString())
			.isEqualTo("ug/m3");
		Api.Response property = api.get("/v1.1/Observations(" + first + ")/result", "unit", "ug/m3");
		ok(property);
		assertThat(property.json().get("result").asDouble()).isCloseTo(40 * OZONE, within(1e-6));
		Api.Response value = api.get("/v1.1/Observations(" + first + ")/result/$value", "unit", "ug/m3");
		ok(value);
		assertThat(Double.parseDouble(value.body())).isCloseTo(40 * OZONE, within(1e-6));
	}

	@Test
	void expandedObservationsAndDataArraysAreConverted() {
		Api.Response expanded = api.get("/v1.1/Datastreams(" + ppb + ")", "$expand", "Observations", "unit",
				"ug/m3");
		ok(expanded);
		assertThat(expanded.json().get("unitOfMeasurement").get("symbol").asString()).isEqualTo("ug/m3");
		List<Double> inline = new ArrayList<>();
		expanded.json().get("Observations").forEach(o -> inline.add(o.get("result").asDouble()));
		assertThat(inline).satisfiesExactly(r -> assertThat(r).isCloseTo(40 * OZONE, within(1e-6)),
				r -> assertThat(r).isCloseTo(60 * OZONE, within(1e-6)));
		Api.Response array = api.get("/v1.1/Datastreams(" + ppb + ")/Observations", "$resultFormat", "dataArray",
				"$select", "result", "unit", "ug/m3");
		ok(array);
		JsonNode rows = array.json().get("value").get(0).get("dataArray");
		assertThat(rows.get(0).get(0).asDouble()).isCloseTo(40 * OZONE, within(1e-6));
		assertThat(rows.get(1).get(0).asDouble()).isCloseTo(60 * OZONE, within(1e-6));
	}

	@Test
	void aFilterOnResultsComparesInTheAskedUnitAcrossStreams() {
		// The trap: "O3 > 100" over two cities, one in ppb and one in ug/m3.
		Api.Response answer = api.get("/v1.1/Observations", "$filter",
				"result gt 100 and Datastream/Thing/name eq '" + name + "'", "$orderby", "phenomenonTime,id",
				"$count", "true", "unit", "ug/m3");
		ok(answer);
		// 60 ppb (117.8 ug/m3) and 110 ug/m3; not 40 ppb (78.5), 90 ug/m3, nor the PM10 or temperature streams.
		assertThat(results(answer.json())).satisfiesExactlyInAnyOrder(
				r -> assertThat(r).isCloseTo(60 * OZONE, within(1e-6)), r -> assertThat(r).isEqualTo(110.0));
		assertThat(answer.json().get("@iot.count").asLong()).isEqualTo(2);
		// In ppb the same question is "gt 51", and within one Datastream as well.
		Api.Response inPpb = api.get("/v1.1/Datastreams(" + micrograms + ")/Observations", "$filter",
				"result gt 51", "unit", "[ppb]");
		ok(inPpb);
		assertThat(results(inPpb.json())).satisfiesExactly(r -> assertThat(r).isCloseTo(110 / OZONE, within(1e-6)));
	}

	@Test
	void aReadInsideABatchAsksByItsOwnOption() {
		Api.Response batch = api.post("/v1.1/$batch", Map.of("requests", List.of(
				Map.of("id", "converted", "method", "get", "url", "Datastreams(" + ppb + ")/Observations?unit=ug/m3"),
				Map.of("id", "stored", "method", "get", "url", "Datastreams(" + ppb + ")/Observations"))));
		ok(batch);
		JsonNode responses = batch.json().get("responses");
		assertThat(results(responses.get(0).get("body")))
			.satisfiesExactly(r -> assertThat(r).isCloseTo(40 * OZONE, within(1e-6)),
					r -> assertThat(r).isCloseTo(60 * OZONE, within(1e-6)));
		assertThat(results(responses.get(1).get("body"))).containsExactly(40.0, 60.0);
	}

	@Test
	void nextLinksCarryTheUnit() {
		Api.Response first = api.get("/v1.1/Datastreams(" + ppb + ")/Observations", "$top", "1", "unit", "ug/m3");
		ok(first);
		String next = first.json().get("@iot.nextLink").asString();
		assertThat(next).contains("unit=");
		Api.Response second = api.get(next.substring(next.indexOf("/v1.1")));
		ok(second);
		assertThat(results(second.json())).satisfiesExactly(r -> assertThat(r).isCloseTo(60 * OZONE, within(1e-6)));
	}

	@Test
	void theLibraryConvertsOtherDimensionsWithTheirOffsets() {
		Api.Response answer = api.get("/v1.1/Datastreams(" + celsius + ")/Observations", "unit", "[degF]");
		ok(answer);
		assertThat(results(answer.json())).satisfiesExactly(r -> assertThat(r).isCloseTo(77, within(1e-9)));
	}

	@Test
	void whatDoesNotConvertIsRefusedNamingTheStreamAndBothUnits() {
		Api.Response particlesAsPpb = api.get("/v1.1/Datastreams(" + particles + ")/Observations", "unit", "[ppb]");
		assertThat(particlesAsPpb.status()).as("%s", particlesAsPpb).isEqualTo(400);
		assertThat(particlesAsPpb.body()).contains("Datastream " + particles).contains("ug/m3").contains("[ppb]")
			.contains("molar mass");
		Api.Response temperature = api.get("/v1.1/Datastreams(" + celsius + ")/Observations", "unit", "ug/m3");
		assertThat(temperature.status()).isEqualTo(400);
		assertThat(temperature.body()).contains("Datastream " + celsius).contains("Cel");
		Api.Response vehicles = api.get("/v1.1/Datastreams(" + notUcum + ")/Observations", "unit", "ug/m3");
		assertThat(vehicles.status()).isEqualTo(400);
		assertThat(vehicles.body()).contains("'vehicles' is not a UCUM unit");
		// Without unit= the stream whose unit is no UCUM symbol reads as ever.
		ok(api.get("/v1.1/Datastreams(" + notUcum + ")/Observations"));
		// A filter on results in the asked unit matches nothing of a stream that does not convert.
		Api.Response filtered = api.get("/v1.1/Datastreams(" + notUcum + ")/Observations", "$filter", "result gt 1",
				"unit", "ug/m3");
		ok(filtered);
		assertThat(filtered.json().get("value")).isEmpty();
	}

	@Test
	void aMultiDatastreamsResultsOfSeveralUnitsAreRefusedNamingIt() {
		Api.Response created = api.post("/v1.1/MultiDatastreams", StreamKind.MULTI_DATASTREAM.withThing(name + "-multi"));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		long multi = created.id();
		Api.Response stored = api.post("/v1.1/MultiDatastreams(" + multi + ")/Observations",
				Map.of("phenomenonTime", "2026-01-01T00:00:00Z", "result", List.of(21, 0.5)));
		assertThat(stored.status()).as("%s", stored).isEqualTo(201);
		Api.Response answer = api.get("/v1.1/MultiDatastreams(" + multi + ")/Observations", "unit", "K");
		assertThat(answer.status()).as("%s", answer).isEqualTo(400);
		assertThat(answer.body()).contains("MultiDatastream " + multi);
		Api.Response filtered = api.get("/v1.1/MultiDatastreams(" + multi + ")/Observations", "$filter",
				"result[0] gt 0", "unit", "K");
		assertThat(filtered.status()).as("%s", filtered).isEqualTo(400);
		assertThat(filtered.json().get("option").asString()).isEqualTo("$filter");
		// Its Observations without their results are no numbers in any unit.
		ok(api.get("/v1.1/MultiDatastreams(" + multi + ")/Observations", "$select", "id", "unit", "K"));
	}

	@Test
	void anAskedUnitThatIsNotUcumIsA400OnTheOption() {
		Api.Response answer = api.get("/v1.1/Observations", "unit", "furlongs per fortnight");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().get("option").asString()).isEqualTo("unit");
	}

	@Test
	void orderingByResultAcrossStreamsUnderAUnitIsRefused() {
		Api.Response answer = api.get("/v1.1/Observations", "$orderby", "result", "unit", "ug/m3");
		assertThat(answer.status()).as("%s", answer).isEqualTo(400);
		assertThat(answer.json().get("option").asString()).isEqualTo("$orderby");
		// Within one Datastream the order is the same in any unit.
		ok(api.get("/v1.1/Datastreams(" + ppb + ")/Observations", "$orderby", "result desc", "unit", "ug/m3"));
	}

	@Test
	void acrossDatastreamsOnlyTheStreamsTheReaderMayReadAreLookedUp() {
		AskedUnit micrograms = AskedUnit.of(Optional.of("ug/m3")).orElseThrow();

		Map<Conversion, List<Long>> reachable = units.convertible(null, micrograms, Set.of(ppb));
		Map<Conversion, List<Long>> all = units.convertible(null, micrograms, Set.of());

		assertThat(reachable.values().stream().flatMap(List::stream)).contains(this.micrograms).doesNotContain(ppb);
		assertThat(all.values().stream().flatMap(List::stream)).contains(this.micrograms, ppb);
	}

}
