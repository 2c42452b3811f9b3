package org.cabildo.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.cabildo.sensing.Reading;
import org.cabildo.sensing.SensorThings;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads the demo city through the SensorThings API: each station a Thing with its Location,
 * each pollutant it measures a Datastream, the hourly measurements its Observations. What is
 * already there is kept, so starting twice adds nothing.
 */
@Component
class DemoCity {

	static final String SOURCE = "Fuente: SEDEMA, Dirección de Monitoreo Atmosférico, Ciudad de México";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final SensorThings things;

	DemoCity(SensorThings things) {
		this.things = things;
	}

	/** Creates the stations' Things and Datastreams that are missing; returns every Datastream by "station/pollutant". */
	Map<String, Long> streams() {
		Map<String, Long> sensors = new HashMap<>();
		Map<String, Long> properties = new HashMap<>();
		Map<String, Long> datastreams = new LinkedHashMap<>();
		for (Station station : stations()) {
			for (String code : station.pollutants()) {
				Pollutant pollutant = Pollutant.of(code).orElseThrow();
				long id = things.findFirst("Datastreams", "properties/stationId eq '" + station.id()
						+ "' and properties/pollutant eq '" + pollutant.code + "'")
					.orElseGet(() -> createDatastream(station, pollutant, sensors, properties));
				datastreams.put(station.id() + "/" + code, id);
			}
		}
		return datastreams;
	}

	/** Loads the measurements of Datastreams that hold none yet; returns the number of observations added. */
	long observations(Map<String, Long> datastreams) {
		long added = 0;
		for (Map.Entry<String, List<Reading>> series : measurements().entrySet()) {
			Long datastream = datastreams.get(series.getKey());
			if (datastream != null && things.observationCount(datastream) == 0) {
				things.append(datastream, series.getValue());
				added += series.getValue().size();
			}
		}
		return added;
	}

	private long createDatastream(Station station, Pollutant pollutant, Map<String, Long> sensors,
			Map<String, Long> properties) {
		long thing = things.findFirst("Things", "properties/stationId eq '" + station.id() + "'")
			.orElseGet(() -> things.create("Things", thing(station)));
		ObjectNode datastream = NODES.objectNode();
		datastream.put("name", pollutant.code + " at " + station.name());
		datastream.put("description", pollutant.label + ", hourly mean ending at the time given, measured by "
				+ pollutant.method + " at RAMA station " + station.id() + ". " + SOURCE + ".");
		datastream.put("observationType", "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement");
		ObjectNode unit = datastream.putObject("unitOfMeasurement");
		unit.put("name", pollutant.unitName);
		unit.put("symbol", pollutant.unitSymbol);
		unit.put("definition", "https://ucum.org/ucum#" + pollutant.unitSymbol);
		ObjectNode props = datastream.putObject("properties");
		props.put("stationId", station.id());
		props.put("pollutant", pollutant.code);
		props.put("source", SOURCE);
		datastream.putObject("Thing").put("@iot.id", thing);
		datastream.set("Sensor", link(sensors, pollutant.code, () -> sensor(pollutant), "Sensors",
				"properties/pollutant eq '" + pollutant.code + "'"));
		datastream.set("ObservedProperty", link(properties, pollutant.code, () -> observedProperty(pollutant),
				"ObservedProperties", "definition eq '" + pollutant.definition + "'"));
		return things.create("Datastreams", datastream);
	}

	private ObjectNode link(Map<String, Long> cache, String key, java.util.function.Supplier<ObjectNode> entity,
			String set, String filter) {
		long id = cache.computeIfAbsent(key,
				k -> things.findFirst(set, filter).orElseGet(() -> things.create(set, entity.get())));
		ObjectNode link = NODES.objectNode();
		link.put("@iot.id", id);
		return link;
	}

	private static ObjectNode thing(Station station) {
		ObjectNode thing = NODES.objectNode();
		thing.put("name", station.name());
		thing.put("description", "Air-quality monitoring station " + station.id() + " of the RAMA network ("
				+ (station.inCdmx() ? "Ciudad de México" : "Estado de México") + "). " + SOURCE + ".");
		ObjectNode properties = thing.putObject("properties");
		properties.put("stationId", station.id());
		properties.put("network", "RAMA");
		properties.put("nationalId", station.nationalId());
		properties.put("inCdmx", station.inCdmx());
		if (!station.districtId().isEmpty()) {
			properties.put("districtId", station.districtId());
		}
		if (!station.comment().isEmpty()) {
			properties.put("catalogComment", station.comment());
		}
		ObjectNode location = thing.putArray("Locations").addObject();
		location.put("name", station.name());
		location.put("description", "Site of station " + station.id());
		location.put("encodingType", "application/geo+json");
		ObjectNode point = location.putObject("location");
		point.put("type", "Point");
		point.putArray("coordinates").add(station.longitude()).add(station.latitude()).add(station.altitude());
		return thing;
	}

	private static ObjectNode sensor(Pollutant pollutant) {
		ObjectNode sensor = NODES.objectNode();
		sensor.put("name", pollutant.code + " analyser");
		sensor.put("description", "Automatic " + pollutant.label + " analyser (" + pollutant.method + ")");
		sensor.put("encodingType", "text/html");
		sensor.put("metadata", "http://www.aire.cdmx.gob.mx/default.php?opc=%27ZaBhnmI=%27");
		sensor.putObject("properties").put("pollutant", pollutant.code);
		return sensor;
	}

	private static ObjectNode observedProperty(Pollutant pollutant) {
		ObjectNode property = NODES.objectNode();
		property.put("name", pollutant.code);
		property.put("definition", pollutant.definition);
		property.put("description", pollutant.label + " concentration in ambient air");
		return property;
	}

	static List<Station> stations() {
		List<Station> stations = new ArrayList<>();
		try (BufferedReader lines = reader(new ClassPathResource("demo/mexico-city/stations.csv").getInputStream())) {
			lines.readLine();
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (!line.isBlank()) {
					stations.add(Station.parse(line));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("the demo stations cannot be read", e);
		}
		return stations;
	}

	/** Readings by "station/pollutant"; times carry SIMAT's fixed UTC-6 offset. */
	static Map<String, List<Reading>> measurements() {
		Map<String, List<Reading>> series = new HashMap<>();
		ClassPathResource file = new ClassPathResource("demo/mexico-city/air_hourly.csv.gz");
		try (BufferedReader lines = reader(new GZIPInputStream(file.getInputStream(), 1 << 16))) {
			lines.readLine();
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				String[] f = line.split(",", 4);
				series.computeIfAbsent(f[0] + "/" + f[2], k -> new ArrayList<>())
					.add(new Reading(OffsetDateTime.parse(f[1]).toInstant(), Double.parseDouble(f[3])));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("the demo measurements cannot be read", e);
		}
		return series;
	}

	private static BufferedReader reader(InputStream in) {
		return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
	}

}
