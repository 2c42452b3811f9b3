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
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import org.cabildo.governance.DeclarationDraft;
import org.cabildo.governance.DeclarationTemplate;
import org.cabildo.governance.Register;
import org.cabildo.governance.Templates;
import org.cabildo.importing.ImportMapping;
import org.cabildo.importing.ImportSink;
import org.cabildo.importing.ImportState;
import org.cabildo.importing.Importer;
import org.cabildo.importing.MappingReader;
import org.cabildo.importing.Source;
import org.cabildo.sensing.Reading;
import org.cabildo.sensing.SensorThings;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads the demo city with the import's own code ({@link Importer}) and the shipped mapping
 * ({@code demo/mexico-city/mapping.yaml}, what {@code ./cabildo import} takes): each station a
 * Thing with its Location, each pollutant it measures a Datastream, the hourly measurements its
 * Observations. Here the sink is the server's own process instead of HTTP. What is already
 * there is kept, so starting twice adds nothing.
 */
@Component
class DemoCity {

	static final String SOURCE = "Fuente: SEDEMA, Dirección de Monitoreo Atmosférico, Ciudad de México";

	static final String FOLDER = "demo/mexico-city";

	private final SensorThings things;

	private final Templates templates;

	private final Register register;

	private final JsonMapper json;

	private final ImportMapping mapping;

	DemoCity(SensorThings things, Templates templates, Register register, JsonMapper json) {
		this.things = things;
		this.templates = templates;
		this.register = register;
		this.json = json;
		try (InputStream in = new ClassPathResource(FOLDER + "/mapping.yaml").getInputStream()) {
			this.mapping = MappingReader.read(in, FOLDER + "/mapping.yaml");
		}
		catch (IOException e) {
			throw new UncheckedIOException("the demo mapping cannot be read", e);
		}
	}

	/** Creates the stations' Things and Datastreams that are missing; returns every Datastream by "station/pollutant". */
	/**
	 * Publishes the mapping's declaration template for its organisation, as {@code ./cabildo import}
	 * does for an organisation that has none, so that an operator may run that import of the
	 * demo's files (which needs no steward once the template is there), and a stream the
	 * organisation adds later is declared at its creation. After the stations' own declarations,
	 * which the template does not replace.
	 */
	void publishTemplate() {
		ImportMapping.Declaration declaration = mapping.declaration();
		long organisation = register.organisation(declaration.organisation()).orElseThrow();
		if (!templates.organisationHasOne(organisation)) {
			templates.publish(DeclarationTemplate.Scope.ORGANISATION, organisation,
					json.convertValue(declaration.template(), DeclarationDraft.class), DemoConfiguration.JOB);
		}
	}

	Map<String, Long> streams() {
		return importer(new LocalSink(things)).prepare();
	}

	/** Loads the measurements of Datastreams that hold none yet; returns the number of observations added. */
	long observations(Map<String, Long> datastreams) {
		ImportState done = importer(new LocalSink(things)).load(new ImportState(), -1, new Importer.Listener() {
		});
		return done.created;
	}

	private Importer importer(ImportSink sink) {
		return new Importer(mapping, Source.classPath(FOLDER), sink);
	}

	/**
	 * The sink of the demo: the server's SensorThings service, as the platform itself. A
	 * Datastream that held Observations before is left as it is (its rows count as
	 * duplicates); the others' rows are appended a stream at a time, in one transaction each.
	 */
	private static final class LocalSink implements ImportSink {

		private final SensorThings things;

		private final Map<Long, Boolean> empty = new HashMap<>();

		private final Map<Long, List<Reading>> pending = new LinkedHashMap<>();

		LocalSink(SensorThings things) {
			this.things = things;
		}

		@Override
		public Optional<Long> findFirst(String entitySet, String filter) {
			return things.findFirst(entitySet, filter);
		}

		@Override
		public long create(String entitySet, ObjectNode entity) {
			return things.create(entitySet, entity, DemoConfiguration.WRITER);
		}

		@Override
		public List<Outcome> store(List<Observation> observations) {
			List<Outcome> outcomes = new ArrayList<>(observations.size());
			for (Observation observation : observations) {
				long datastream = observation.datastream();
				if (empty.computeIfAbsent(datastream, id -> things.observationCount(id) == 0)) {
					pending.computeIfAbsent(datastream, id -> new ArrayList<>())
						.add(new Reading(observation.time().toInstant(), observation.value()));
					outcomes.add(Outcome.CREATED);
				}
				else {
					outcomes.add(Outcome.DUPLICATE);
				}
			}
			return outcomes;
		}

		@Override
		public void finish() {
			pending.forEach((datastream, readings) -> things.append(datastream, readings, DemoConfiguration.WRITER));
			pending.clear();
		}

	}

	/** The stations as the demo's own reading of stations.csv, independent of the import (the tests compare them). */
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

	/**
	 * Readings by "station/pollutant", the demo's own reading of air_hourly.csv.gz, independent of
	 * the import (the tests compare them); times carry SIMAT's fixed UTC-6 offset.
	 */
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
