package org.cabildo.sensing.model;

import static org.cabildo.sensing.model.EntityType.DATASTREAM;
import static org.cabildo.sensing.model.EntityType.FEATURE_OF_INTEREST;
import static org.cabildo.sensing.model.EntityType.HISTORICAL_LOCATION;
import static org.cabildo.sensing.model.EntityType.LOCATION;
import static org.cabildo.sensing.model.EntityType.MULTI_DATASTREAM;
import static org.cabildo.sensing.model.EntityType.OBSERVATION;
import static org.cabildo.sensing.model.EntityType.OBSERVED_PROPERTY;
import static org.cabildo.sensing.model.EntityType.SENSOR;
import static org.cabildo.sensing.model.EntityType.THING;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cabildo.sensing.model.Navigation.Link;

/** The SensorThings 1.1 data model: properties and navigations of each entity type (OGC 18-088, clause 8). */
final class Schema {

	private static final String MULTI_DATASTREAM_OBSERVED_PROPERTIES = "multi_datastream_observed_properties";

	private static final Map<EntityType, Map<String, Property>> PROPERTIES = new EnumMap<>(EntityType.class);

	private static final Map<EntityType, Map<String, Navigation>> NAVIGATIONS = new EnumMap<>(EntityType.class);

	private static final Map<EntityType, Map<String, Property>> DERIVED = new EnumMap<>(EntityType.class);

	static {
		properties(THING, id(), text("name"), text("description"), json("properties", false, false));
		properties(LOCATION, id(), text("name"), text("description"), text("encodingType"),
				new Property("location", ValueKind.GEOMETRY, "location", true, false, false),
				json("properties", false, true));
		properties(HISTORICAL_LOCATION, id(), new Property("time", ValueKind.INSTANT, "time", true, false, false));
		properties(DATASTREAM, id(), text("name"), text("description"),
				new Property("unitOfMeasurement", ValueKind.JSON, "unit_of_measurement", true, false, false),
				text("observationType"),
				new Property("observedArea", ValueKind.GEOMETRY, "observed_area", false, true, false),
				new Property("phenomenonTime", ValueKind.INTERVAL, "phenomenon_time", false, true, false),
				new Property("resultTime", ValueKind.INTERVAL, "result_time", false, true, false),
				json("properties", false, true));
		properties(SENSOR, id(), text("name"), text("description"), text("encodingType"),
				new Property("metadata", ValueKind.JSON, "metadata", true, false, false),
				json("properties", false, true));
		properties(OBSERVED_PROPERTY, id(), text("name"), text("definition"), text("description"),
				json("properties", false, true));
		properties(OBSERVATION, id(),
				new Property("phenomenonTime", ValueKind.INSTANT_OR_INTERVAL, "phenomenon_time", false, false, false),
				new Property("resultTime", ValueKind.INSTANT, "result_time", false, false, false),
				new Property("result", ValueKind.RESULT, "result", true, false, false),
				json("resultQuality", false, false),
				new Property("validTime", ValueKind.INTERVAL, "valid_time", false, false, false),
				json("parameters", false, false));
		properties(FEATURE_OF_INTEREST, id(), text("name"), text("description"), text("encodingType"),
				new Property("feature", ValueKind.GEOMETRY, "feature", true, false, false),
				json("properties", false, true));
		// OGC 18-088, 14.4: one unit and one data type per ObservedProperty; the observationType
		// is always OM_ComplexObservation, which the server fills in when a create leaves it out.
		properties(MULTI_DATASTREAM, id(), text("name"), text("description"),
				new Property("unitOfMeasurements", ValueKind.JSON, "unit_of_measurements", true, false, false),
				new Property("observationType", ValueKind.TEXT, "observation_type", false, false, false),
				new Property("multiObservationDataTypes", ValueKind.JSON, "multi_observation_data_types", true, false,
						false),
				new Property("observedArea", ValueKind.GEOMETRY, "observed_area", false, true, false),
				new Property("phenomenonTime", ValueKind.INTERVAL, "phenomenon_time", false, true, false),
				new Property("resultTime", ValueKind.INTERVAL, "result_time", false, true, false),
				json("properties", false, true));

		// Beyond the standard, so never in a Thing's default representation (the OGC conformance
		// tests compare it): the district the Thing is placed in, for
		// Observations?$filter=Datastream/Thing/district eq '09015'. The indicators module imports
		// the districts and places each Thing in one (thing_districts, migration V34, the table's
		// primary key being the Thing's id). Sensing reads that table by name and never writes it:
		// it depends on the table's shape, which the shared migration fixes, not on that module's
		// code (a dependency Modulith forbids, the indicators module depending on sensing). Without
		// the indicators module the table is empty and every Thing's district is null.
		derived(THING, new Property("district", ValueKind.TEXT, "district_id", false, true, false,
				new Lookup("thing_districts", "thing_id", "district_id")));

		navigations(THING, manyToMany("Locations", THING, LOCATION, "thing_locations", "thing_id", "location_id"),
				oneToMany("HistoricalLocations", THING, HISTORICAL_LOCATION, "thing_id"),
				oneToMany("Datastreams", THING, DATASTREAM, "thing_id"),
				oneToMany("MultiDatastreams", THING, MULTI_DATASTREAM, "thing_id"));
		navigations(LOCATION, manyToMany("Things", LOCATION, THING, "thing_locations", "location_id", "thing_id"),
				manyToMany("HistoricalLocations", LOCATION, HISTORICAL_LOCATION, "historical_location_locations",
						"location_id", "historical_location_id"));
		navigations(HISTORICAL_LOCATION, manyToOne("Thing", HISTORICAL_LOCATION, THING, "thing_id"),
				manyToMany("Locations", HISTORICAL_LOCATION, LOCATION, "historical_location_locations",
						"historical_location_id", "location_id"));
		navigations(DATASTREAM, manyToOne("Thing", DATASTREAM, THING, "thing_id"),
				manyToOne("Sensor", DATASTREAM, SENSOR, "sensor_id"),
				manyToOne("ObservedProperty", DATASTREAM, OBSERVED_PROPERTY, "observed_property_id"),
				oneToMany("Observations", DATASTREAM, OBSERVATION, "datastream_id"));
		navigations(SENSOR, oneToMany("Datastreams", SENSOR, DATASTREAM, "sensor_id"),
				oneToMany("MultiDatastreams", SENSOR, MULTI_DATASTREAM, "sensor_id"));
		navigations(OBSERVED_PROPERTY, oneToMany("Datastreams", OBSERVED_PROPERTY, DATASTREAM, "observed_property_id"),
				new Navigation("MultiDatastreams", OBSERVED_PROPERTY, MULTI_DATASTREAM, new Link.LinkTable(
						MULTI_DATASTREAM_OBSERVED_PROPERTIES, "observed_property_id", "datastream_id"), false));
		// An Observation belongs to a Datastream or to a MultiDatastream: both are datastream_id,
		// and which one it is, is the type of the stream that id names.
		navigations(OBSERVATION, observationOf("Datastream", DATASTREAM),
				manyToOne("FeatureOfInterest", OBSERVATION, FEATURE_OF_INTEREST, "feature_of_interest_id"),
				observationOf("MultiDatastream", MULTI_DATASTREAM));
		navigations(MULTI_DATASTREAM, manyToOne("Thing", MULTI_DATASTREAM, THING, "thing_id"),
				manyToOne("Sensor", MULTI_DATASTREAM, SENSOR, "sensor_id"),
				new Navigation("ObservedProperties", MULTI_DATASTREAM, OBSERVED_PROPERTY,
						new Link.LinkTable(MULTI_DATASTREAM_OBSERVED_PROPERTIES, "datastream_id", "observed_property_id",
								"component_index"),
						false),
				oneToMany("Observations", MULTI_DATASTREAM, OBSERVATION, "datastream_id"));
		navigations(FEATURE_OF_INTEREST, oneToMany("Observations", FEATURE_OF_INTEREST, OBSERVATION,
				"feature_of_interest_id"));
	}

	private Schema() {
	}

	private static Navigation observationOf(String name, EntityType stream) {
		return new Navigation(name, OBSERVATION, stream, new Link.ForeignKey("datastream_id"), false);
	}

	static List<Property> properties(EntityType type) {
		return List.copyOf(PROPERTIES.get(type).values());
	}

	static List<Navigation> navigations(EntityType type) {
		return List.copyOf(NAVIGATIONS.get(type).values());
	}

	/** The properties the server derives from other tables, beyond the standard's. */
	static List<Property> derived(EntityType type) {
		return List.copyOf(DERIVED.getOrDefault(type, Map.of()).values());
	}

	/** A property of the standard or one the server derives. */
	static Optional<Property> property(EntityType type, String name) {
		Property property = PROPERTIES.get(type).get(name);
		return Optional.ofNullable(property != null ? property : DERIVED.getOrDefault(type, Map.of()).get(name));
	}

	static Optional<Navigation> navigation(EntityType type, String name) {
		return Optional.ofNullable(NAVIGATIONS.get(type).get(name));
	}

	static Navigation inverse(Navigation navigation) {
		for (Navigation candidate : navigations(navigation.target())) {
			if (candidate.target() == navigation.source() && leadsBack(navigation.link(), candidate.link())) {
				return candidate;
			}
		}
		throw new IllegalStateException("no inverse of " + navigation);
	}

	private static boolean leadsBack(Link link, Link candidate) {
		return switch (link) {
			case Link.ForeignKey fk -> candidate instanceof Link.Reverse r && r.column().equals(fk.column());
			case Link.Reverse r -> candidate instanceof Link.ForeignKey fk && fk.column().equals(r.column());
			case Link.LinkTable t -> candidate instanceof Link.LinkTable c && c.table().equals(t.table())
					&& c.sourceColumn().equals(t.targetColumn());
		};
	}

	private static void properties(EntityType type, Property... properties) {
		Map<String, Property> byName = new LinkedHashMap<>();
		for (Property property : properties) {
			byName.put(property.name(), property);
		}
		PROPERTIES.put(type, Collections.unmodifiableMap(byName));
	}

	private static void derived(EntityType type, Property... properties) {
		Map<String, Property> byName = new LinkedHashMap<>();
		for (Property property : properties) {
			byName.put(property.name(), property);
		}
		DERIVED.put(type, Collections.unmodifiableMap(byName));
	}

	private static void navigations(EntityType type, Navigation... navigations) {
		Map<String, Navigation> byName = new LinkedHashMap<>();
		for (Navigation navigation : navigations) {
			byName.put(navigation.name(), navigation);
		}
		NAVIGATIONS.put(type, Collections.unmodifiableMap(byName));
	}

	private static Property id() {
		return new Property("id", ValueKind.ID, "id", false, false, false);
	}

	private static Property text(String name) {
		return new Property(name, ValueKind.TEXT, snake(name), true, false, false);
	}

	private static Property json(String name, boolean required, boolean since11) {
		return new Property(name, ValueKind.JSON, snake(name), required, false, since11);
	}

	private static Navigation manyToOne(String name, EntityType source, EntityType target, String column) {
		return new Navigation(name, source, target, new Link.ForeignKey(column), true);
	}

	private static Navigation oneToMany(String name, EntityType source, EntityType target, String column) {
		return new Navigation(name, source, target, new Link.Reverse(column), false);
	}

	private static Navigation manyToMany(String name, EntityType source, EntityType target, String table,
			String sourceColumn, String targetColumn) {
		return new Navigation(name, source, target, new Link.LinkTable(table, sourceColumn, targetColumn), false);
	}

	static String snake(String camel) {
		return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
	}

}
