package org.cabildo.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.DeclarationDraft;
import org.cabildo.governance.Register;
import org.cabildo.governance.Stage;
import org.cabildo.identity.Organisations;
import org.cabildo.sensing.Reading;
import org.cabildo.sensing.SensorThings;
import org.springframework.stereotype.Component;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo city's register, so that the demo shows every state: the air-quality stations
 * declared open, non-personal and city-wide (as the RAMA network is); and one synthetic stream
 * the real data has none of, labelled as such: a pilot vehicle counter of the transport office
 * that sees plates, pseudonymous and restricted, shared with the environment office (the demo
 * analyst's) for planning only.
 */
@Component
class DemoRegister {

	static final String COUNTER_ID = "demo-synthetic-counter-1";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final Register register;

	private final SensorThings things;

	private final Organisations organisations;

	private final Clock clock;

	DemoRegister(Register register, SensorThings things, Organisations organisations, Clock clock) {
		this.register = register;
		this.things = things;
		this.organisations = organisations;
		this.clock = clock;
	}

	/** Declares the stations' streams that have no declaration yet, at the city stage. */
	void declare(Collection<Long> stations) {
		for (long datastream : stations) {
			if (register.current(datastream).isEmpty()) {
				Declaration declared = register.declare(datastream, airQuality(), "demo");
				register.saveVersion(declared.withStage(Stage.CITY, declared.pilot(), "demo"), "stage",
						"city: the RAMA network has measured city-wide for decades (demo city)");
			}
		}
		long counter = counter();
		if (register.current(counter).isEmpty()) {
			register.declare(counter, plateCounter(LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).plusDays(180)),
					"demo");
		}
	}

	/** Loads a fortnight of synthetic hourly counts into the counter when it holds none; returns how many. */
	long trafficCounts() {
		long counter = counter();
		if (things.observationCount(counter) > 0) {
			return 0;
		}
		Instant end = clock.instant().truncatedTo(ChronoUnit.HOURS);
		List<Reading> counts = new ArrayList<>();
		for (Instant hour = end.minus(Duration.ofDays(14)); hour.isBefore(end); hour = hour.plus(Duration.ofHours(1))) {
			int local = (int) ((hour.getEpochSecond() / 3600 - 6) % 24 + 24) % 24;
			boolean rush = (local >= 7 && local <= 9) || (local >= 18 && local <= 20);
			double base = local < 5 ? 40 : rush ? 900 : 450;
			counts.add(new Reading(hour, base + (hour.getEpochSecond() / 3600 * 37) % 120));
		}
		things.append(counter, counts, DemoConfiguration.WRITER);
		return counts.size();
	}

	private long counter() {
		Optional<Long> existing = things.findFirst("Datastreams", "properties/demoId eq '" + COUNTER_ID + "'");
		if (existing.isPresent()) {
			return existing.get();
		}
		ObjectNode thing = NODES.objectNode();
		thing.put("name", "Synthetic vehicle counter, Av. Insurgentes Sur");
		thing.put("description", "SYNTHETIC demo device: an automatic plate-reading counter does not exist in the"
				+ " real open data; this one shows how a restricted, pseudonymous stream is governed.");
		ObjectNode location = thing.putArray("Locations").addObject();
		location.put("name", "Av. Insurgentes Sur y Av. Río Churubusco");
		location.put("description", "synthetic location for the demo");
		location.put("encodingType", "application/geo+json");
		location.putObject("location").put("type", "Point").putArray("coordinates").add(-99.1789).add(19.3587);
		ObjectNode datastream = thing.putArray("Datastreams").addObject();
		datastream.put("name", "Vehicles per hour (synthetic)");
		datastream.put("description", "SYNTHETIC: vehicles counted per hour by keyed hashes of their plates.");
		datastream.put("observationType", "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_CountObservation");
		datastream.putObject("unitOfMeasurement").put("name", "vehicles per hour").put("symbol", "{vehicles}/h")
			.put("definition", "http://unitsofmeasure.org/ucum.html#para-curly");
		datastream.putObject("properties").put("demoId", COUNTER_ID).put("synthetic", true);
		datastream.putObject("Sensor").put("name", "ANPR camera (synthetic)").put("description", "plate reader")
			.put("encodingType", "text/plain").put("metadata", "synthetic");
		datastream.putObject("ObservedProperty").put("name", "Vehicle count").put("description", "vehicles passing")
			.put("definition", "https://example.org/cabildo/vehicle-count");
		long thingId = things.create("Things", thing, DemoConfiguration.WRITER);
		things.assignThing(thingId, organisations.named(DemoAccounts.TRANSPORT, true).id());
		return things.findFirst("Datastreams", "properties/demoId eq '" + COUNTER_ID + "'").orElseThrow();
	}

	private static DeclarationDraft airQuality() {
		return new DeclarationDraft("https://www.aire.cdmx.gob.mx", List.of("ecology", "health", "planning_decision_making"),
				List.of("air_quality"), List.of("values_time"), List.of("raw_data"), List.of("available_to_download"),
				List.of("stored_locally"), new Declaration.Retention(null, Declaration.Retention.NOTHING, null), "none",
				null, null, "open", List.of(), "lab", null, null,
				"Mide cada hora la calidad del aire (ozono, dióxido de nitrógeno y de azufre, monóxido de carbono,"
						+ " partículas PM10 y PM2.5). No registra nada sobre personas. Datos abiertos de la SEDEMA.");
	}

	private static DeclarationDraft plateCounter(LocalDate pilotEnds) {
		return new DeclarationDraft("movilidad@example.org", List.of("mobility", "planning_decision_making"),
				List.of("identifiable_video"), List.of("values_time"), List.of("de_identified", "aggregated"),
				List.of("available_to_the_accountable_organization"), List.of("stored_locally"),
				new Declaration.Retention("P30D", Declaration.Retention.AGGREGATES, "PT1H"), "pseudonymous",
				new Declaration.LegalBasis("public_task", "SYNTHETIC demo: traffic management by the transport office"),
				"https://example.org/cabildo/demo/privacy", "restricted",
				List.of(new DeclarationDraft.Grant(DemoAccounts.ENVIRONMENT, List.of("planning_decision_making"))),
				"pilot", new Declaration.Pilot(Map.of("type", "Polygon", "coordinates", List.of(List.of(
						List.of(-99.19, 19.35), List.of(-99.17, 19.35), List.of(-99.17, 19.37), List.of(-99.19, 19.37),
						List.of(-99.19, 19.35)))), pilotEnds),
				"DPIA-DEMO-2026-01 (synthetic)",
				"SINTÉTICO (demostración): cuenta vehículos por hora a partir de placas convertidas en un código"
						+ " irreversible en el momento de la lectura. Las placas nunca se guardan. Solo la oficina de"
						+ " transporte, y la de medio ambiente para planificación, pueden leer los conteos.");
	}

}
