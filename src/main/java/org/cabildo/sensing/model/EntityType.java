package org.cabildo.sensing.model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The eight entity types of the SensorThings Sensing part. */
public enum EntityType {

	THING("Thing", "Things", "things"),
	LOCATION("Location", "Locations", "locations"),
	HISTORICAL_LOCATION("HistoricalLocation", "HistoricalLocations", "historical_locations"),
	DATASTREAM("Datastream", "Datastreams", "datastreams"),
	SENSOR("Sensor", "Sensors", "sensors"),
	OBSERVED_PROPERTY("ObservedProperty", "ObservedProperties", "observed_properties"),
	OBSERVATION("Observation", "Observations", "observations"),
	FEATURE_OF_INTEREST("FeatureOfInterest", "FeaturesOfInterest", "features_of_interest");

	private static final Map<String, EntityType> BY_SET_NAME = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(EntityType::setName, Function.identity()));

	private final String entityName;

	private final String setName;

	private final String table;

	EntityType(String entityName, String setName, String table) {
		this.entityName = entityName;
		this.setName = setName;
		this.table = table;
	}

	/** Singular name, as used for a to-one navigation property ({@code Thing}). */
	public String entityName() {
		return entityName;
	}

	/** Entity set name, as used in URLs and for to-many navigation properties ({@code Things}). */
	public String setName() {
		return setName;
	}

	public String table() {
		return table;
	}

	public List<Property> properties() {
		return Schema.properties(this);
	}

	public List<Navigation> navigations() {
		return Schema.navigations(this);
	}

	public Optional<Property> property(String name) {
		return Schema.property(this, name);
	}

	public Optional<Navigation> navigation(String name) {
		return Schema.navigation(this, name);
	}

	/** The navigation property of the target that leads back along the same link. */
	public static Navigation inverse(Navigation navigation) {
		return Schema.inverse(navigation);
	}

	public static Optional<EntityType> bySetName(String name) {
		return Optional.ofNullable(BY_SET_NAME.get(name));
	}

}
