package org.cabildo.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.importing.ImportMapping.Parameter;
import org.cabildo.importing.ImportSink.Observation;
import org.cabildo.importing.ImportSink.Outcome;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The import itself, whatever the sink: reads the stations and readings a mapping names,
 * finds or creates each station's Thing, each (station, parameter) Datastream with its Sensor
 * and ObservedProperty, and sends the readings in batches. A Datastream is created only after
 * the declaration template is there, so that it is declared at its creation.
 */
public final class Importer {

	/** Observations per request: large enough for the DataArray's speed, small enough to resume close to a stop. */
	public static final int BATCH = 5_000;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final ImportMapping mapping;

	private final Source source;

	private final ImportSink sink;

	private final Map<String, Site> sites = new LinkedHashMap<>();

	private final Map<String, Long> things = new HashMap<>();

	private final Map<String, Long> datastreams = new LinkedHashMap<>();

	private final Map<String, Long> sensors = new HashMap<>();

	private final Map<String, Long> properties = new HashMap<>();

	private ImportState state = new ImportState();

	private boolean prepared;

	private java.util.concurrent.ExecutorService senders;

	private final java.util.ArrayDeque<Pending> inFlight = new java.util.ArrayDeque<>();

	public Importer(ImportMapping mapping, Source source, ImportSink sink) {
		this.mapping = mapping;
		this.source = source;
		this.sink = sink;
	}

	/** What the import is told as it goes. */
	public interface Listener {

		/** After each batch: the records done in all, and the state so far (to keep it). */
		default void batchDone(ImportState state) {
		}

		/** A row refused (by the import or the platform), with the cells of its record. */
		default void refused(Row row, String reason) {
		}

	}

	/**
	 * Reads the stations, makes sure of the declaration template, and finds or creates the
	 * Datastreams the stations file lists; returns every Datastream known so far by
	 * {@code station/parameter}.
	 */
	public Map<String, Long> prepare() {
		if (!prepared) {
			sites.putAll(sites(mapping, source));
			if (mapping.declaration() != null) {
				sink.ensureTemplate(mapping.declaration());
			}
			prepared = true;
		}
		for (Site site : sites.values()) {
			for (String code : site.parameters()) {
				if (mapping.parameters().containsKey(code)) {
					datastream(site, code);
				}
			}
		}
		return Map.copyOf(datastreams);
	}

	/**
	 * Checks what can be checked before anything is sent: the stations file and the readings
	 * file's header (an {@link InvalidInput} saying where when wrong); the number of records in
	 * the readings file, for an ETA.
	 */
	public static long check(ImportMapping mapping, Source source) throws java.io.IOException {
		sites(mapping, source);
		readingsHeader(mapping, source);
		return countRecords(source, mapping.readings().file());
	}

	/** The header of the readings file, checked as the import reads it. */
	public static List<String> readingsHeader(ImportMapping mapping, Source source) {
		try (ReadingsFile file = new ReadingsFile(mapping, source)) {
			return file.header();
		}
	}

	/** The data records (lines after the header) of a file, for the ETA. */
	public static long countRecords(Source source, String file) throws java.io.IOException {
		try (java.io.Reader in = source.open(file); java.io.BufferedReader lines = new java.io.BufferedReader(in, 1 << 16)) {
			long count = -1;
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (!line.isBlank()) {
					count++;
				}
			}
			return Math.max(count, 0);
		}
	}

	private static Map<String, Site> sites(ImportMapping mapping, Source source) {
		Map<String, Site> sites = new LinkedHashMap<>();
		for (Site site : SitesFile.read(mapping, source)) {
			if (sites.putIfAbsent(site.id(), site) != null) {
				throw new InvalidInput(mapping.things().file() + ": station '" + site.id() + "' is listed twice");
			}
		}
		return sites;
	}

	/**
	 * Sends the readings, from the record {@code state} says is next, at most {@code maxRecords}
	 * records (a negative number: all); the state it leaves is complete when the file's end
	 * was reached.
	 */
	public ImportState load(ImportState from, long maxRecords, Listener listener) {
		prepare();
		// what prepare() created counts in the state that is kept
		from.thingsCreated += state.thingsCreated;
		from.streamsCreated += state.streamsCreated;
		state = from;
		long started = System.nanoTime();
		double before = state.seconds;
		long stopAt = maxRecords < 0 ? Long.MAX_VALUE : state.recordsDone + maxRecords;
		try (ReadingsFile file = new ReadingsFile(mapping, source);
				java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors
					.newFixedThreadPool(Math.max(1, sink.parallelism()), Thread.ofPlatform().daemon().factory())) {
			this.senders = senders;
			file.skip(state.recordsDone);
			List<Row> record = new ArrayList<>();
			List<Row.Candidate> batch = new ArrayList<>(BATCH);
			List<Observation> observations = new ArrayList<>(BATCH);
			List<Row.Refused> refused = new ArrayList<>();
			long records = state.recordsDone;
			boolean more = true;
			while (records < stopAt && (more = file.next(record))) {
				records++;
				for (Row row : record) {
					switch (row) {
						case Row.Refused refusal -> refused.add(refusal);
						case Row.Candidate candidate -> {
							Site site = sites.get(candidate.station());
							if (site == null) {
								refused.add(new Row.Refused(candidate.record(), candidate.line(), candidate.cells(),
										candidate.parameter(), "station '" + candidate.station()
												+ "' is not in the stations file"));
							}
							else {
								batch.add(candidate);
								observations.add(new Observation(datastream(site, candidate.parameter()),
										candidate.time(), candidate.value()));
							}
						}
					}
				}
				record.clear();
				if (batch.size() >= BATCH) {
					flush(batch, observations, refused, records, listener, started, before);
				}
			}
			if (records >= stopAt && more) {
				more = file.next(record);
			}
			flush(batch, observations, refused, records, listener, started, before);
			drain(listener, started, before);
			sink.finish();
			state.complete = !more;
			state.seconds = before + (System.nanoTime() - started) / 1e9;
			return state;
		}
	}

	/**
	 * Hands a batch to the sink in {@link ImportSink#parallelism()} parts, each with the rows of its
	 * own Datastreams: the platform locks a request's Datastreams while it stores it, so parts
	 * with no Datastream in common are stored side by side instead of one after another. One
	 * batch is stored while the next is read (a sink that stores one part at a time stores each
	 * before the next is read); outcomes are counted, and the state moved on, strictly in file
	 * order, so that a resumed import never skips a record whose batch was not acknowledged.
	 */
	private void flush(List<Row.Candidate> batch, List<Observation> observations, List<Row.Refused> refused,
			long records, Listener listener, long started, double before) {
		int parts = Math.max(1, sink.parallelism());
		List<List<Integer>> positions = new ArrayList<>(parts);
		for (int part = 0; part < parts; part++) {
			positions.add(new ArrayList<>());
		}
		for (int i = 0; i < observations.size(); i++) {
			positions.get((int) Math.floorMod(observations.get(i).datastream(), (long) parts)).add(i);
		}
		List<Part> sent = new ArrayList<>(parts);
		for (List<Integer> part : positions) {
			if (!part.isEmpty()) {
				List<Row.Candidate> rows = part.stream().map(batch::get).toList();
				List<Observation> stored = part.stream().map(observations::get).toList();
				sent.add(new Part(rows, senders.submit(() -> sink.store(stored))));
			}
		}
		inFlight.add(new Pending(sent, List.copyOf(refused), records));
		batch.clear();
		observations.clear();
		refused.clear();
		while (inFlight.size() > (parts > 1 ? 1 : 0)) {
			settle(inFlight.removeFirst(), listener, started, before);
		}
	}

	/** Waits for every batch in flight and counts it. */
	private void drain(Listener listener, long started, double before) {
		while (!inFlight.isEmpty()) {
			settle(inFlight.removeFirst(), listener, started, before);
		}
	}

	private void settle(Pending pending, Listener listener, long started, double before) {
		List<List<Outcome>> outcomes = new ArrayList<>(pending.parts().size());
		try {
			for (Part part : pending.parts()) {
				outcomes.add(part.outcomes().get());
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ImportFailure("interrupted");
		}
		catch (java.util.concurrent.ExecutionException e) {
			pending.parts().forEach(part -> part.outcomes().cancel(false));
			inFlight.forEach(later -> later.parts().forEach(part -> part.outcomes().cancel(false)));
			inFlight.clear();
			if (e.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new ImportFailure(String.valueOf(e.getCause()));
		}
		for (Row.Refused row : pending.refused()) {
			state.refuse(row.reason(), example(row));
			listener.refused(row, row.reason());
		}
		for (int p = 0; p < outcomes.size(); p++) {
			List<Row.Candidate> rows = pending.parts().get(p).rows();
			for (int i = 0; i < outcomes.get(p).size(); i++) {
				switch (outcomes.get(p).get(i)) {
					case Outcome.Created created -> state.created++;
					case Outcome.Duplicate duplicate -> state.duplicates++;
					case Outcome.Corrected corrected -> state.corrected++;
					case Outcome.Folded folded -> state.folded++;
					case Outcome.Refused refusal -> {
						Row row = rows.get(i);
						state.refuse(refusal.reason(), example(row));
						listener.refused(row, refusal.reason());
					}
				}
			}
		}
		state.recordsDone = pending.records();
		state.seconds = before + (System.nanoTime() - started) / 1e9;
		listener.batchDone(state);
	}

	/** Where a refused row is, as a summary names it: {@code line 12 (S1 O3)}. */
	private static String example(Row row) {
		String what = row instanceof Row.Candidate candidate ? candidate.station() + " " + row.parameter()
				: row.parameter();
		return "line " + row.line() + (what == null || what.isBlank() ? "" : " (" + what + ")");
	}

	/** A batch handed to the sink in parts, not yet counted. */
	private record Pending(List<Part> parts, List<Row.Refused> refused, long records) {
	}

	/** The rows of a batch on some of its Datastreams, and what the sink says of them. */
	private record Part(List<Row.Candidate> rows, java.util.concurrent.Future<List<Outcome>> outcomes) {
	}

	private long datastream(Site site, String code) {
		String key = site.id() + "/" + code;
		Long known = datastreams.get(key);
		if (known != null) {
			return known;
		}
		ImportMapping.Keys keys = mapping.keys();
		long id = sink.findFirst("Datastreams", "properties/" + keys.station() + " eq " + literal(site.id())
				+ " and properties/" + keys.parameter() + " eq " + literal(code)).orElseGet(() -> {
					state.streamsCreated++;
					return sink.create("Datastreams", datastreamOf(site, code));
				});
		datastreams.put(key, id);
		return id;
	}

	private ObjectNode datastreamOf(Site site, String code) {
		Parameter parameter = mapping.parameters().get(code);
		ObjectNode datastream = NODES.objectNode();
		datastream.put("name", site.fill(parameter.name() != null ? parameter.name() : code + " at {" + mapping.things().name() + "}"));
		datastream.put("description", site.fill(parameter.description() != null ? parameter.description()
				: parameter.observedProperty().description() + " at station " + site.id()));
		datastream.put("observationType", parameter.observationTypeUri());
		ObjectNode unit = datastream.putObject("unitOfMeasurement");
		unit.put("name", parameter.unit().name());
		unit.put("symbol", parameter.unit().code());
		unit.put("definition", "https://ucum.org/ucum#" + parameter.unit().code());
		ObjectNode props = datastream.putObject("properties");
		props.put(mapping.keys().station(), site.id());
		props.put(mapping.keys().parameter(), code);
		mapping.readings().properties().forEach((name, value) -> props.put(name, site.fill(value)));
		parameter.properties().forEach((name, value) -> props.put(name, site.fill(value)));
		datastream.putObject("Thing").put("@iot.id", thing(site));
		datastream.putObject("Sensor").put("@iot.id", sensor(code, parameter));
		datastream.putObject("ObservedProperty").put("@iot.id", observedProperty(parameter));
		return datastream;
	}

	private long thing(Site site) {
		return things.computeIfAbsent(site.id(), id -> sink
			.findFirst("Things", "properties/" + mapping.keys().station() + " eq " + literal(id)).orElseGet(() -> {
				state.thingsCreated++;
				return sink.create("Things", thingOf(site));
			}));
	}

	private ObjectNode thingOf(Site site) {
		ObjectNode thing = NODES.objectNode();
		thing.put("name", site.name());
		String description = mapping.things().description();
		thing.put("description", description != null ? site.fill(description) : "Station " + site.id());
		ObjectNode props = thing.putObject("properties");
		props.put(mapping.keys().station(), site.id());
		site.properties().forEach((name, value) -> props.set(name, switch (value) {
			case Boolean b -> NODES.booleanNode(b);
			case Double d -> NODES.numberNode(d);
			default -> NODES.stringNode(value.toString());
		}));
		ObjectNode location = thing.putArray("Locations").addObject();
		location.put("name", site.name());
		location.put("description", "Site of station " + site.id());
		location.put("encodingType", "application/geo+json");
		ObjectNode point = location.putObject("location");
		point.put("type", "Point");
		var coordinates = point.putArray("coordinates").add(site.longitude()).add(site.latitude());
		if (site.altitude() != null) {
			coordinates.add(site.altitude());
		}
		return thing;
	}

	private long sensor(String code, Parameter parameter) {
		return sensors.computeIfAbsent(code, c -> sink
			.findFirst("Sensors", "properties/" + mapping.keys().parameter() + " eq " + literal(c)).orElseGet(() -> {
				ImportMapping.Sensor described = parameter.sensor() != null ? parameter.sensor()
						: new ImportMapping.Sensor(c + " sensor", null, null, null);
				ObjectNode sensor = NODES.objectNode();
				sensor.put("name", described.name());
				sensor.put("description", described.description());
				sensor.put("encodingType", described.encodingType());
				sensor.put("metadata", described.metadata());
				sensor.putObject("properties").put(mapping.keys().parameter(), c);
				return sink.create("Sensors", sensor);
			}));
	}

	private long observedProperty(Parameter parameter) {
		ImportMapping.ObservedProperty described = parameter.observedProperty();
		return properties.computeIfAbsent(described.definition(), definition -> sink
			.findFirst("ObservedProperties", "definition eq " + literal(definition)).orElseGet(() -> {
				ObjectNode property = NODES.objectNode();
				property.put("name", described.name());
				property.put("definition", definition);
				property.put("description", described.description());
				return sink.create("ObservedProperties", property);
			}));
	}

	/** A string literal of a $filter. */
	private static String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

}
