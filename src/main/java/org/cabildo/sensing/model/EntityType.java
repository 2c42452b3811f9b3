package org.cabildo.sensing.model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The eight entity types of the SensorThings Sensing part, and the MultiDatastream of its
 * MultiDatastream extension (OGC 18-088, 14.4).
 */
public enum EntityType {

	THING("Thing", "Things", "things", "things"),
	LOCATION("Location", "Locations", "locations", "locations"),
	HISTORICAL_LOCATION("HistoricalLocation", "HistoricalLocations", "historical_locations", "historical_locations"),
	DATASTREAM("Datastream", "Datastreams", "datastreams", "streams"),
	SENSOR("Sensor", "Sensors", "sensors", "sensors"),
	OBSERVED_PROPERTY("ObservedProperty", "ObservedProperties", "observed_properties", "observed_properties"),
	OBSERVATION("Observation", "Observations", "observations", "observations"),
	FEATURE_OF_INTEREST("FeatureOfInterest", "FeaturesOfInterest", "features_of_interest", "features_of_interest"),
	MULTI_DATASTREAM("MultiDatastream", "MultiDatastreams", "multi_datastreams", "streams");

	private static final Map<String, EntityType> BY_SET_NAME = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(EntityType::setName, Function.identity()));

	private final String entityName;

	private final String setName;

	private final String table;

	private final String storedIn;

	EntityType(String entityName, String setName, String table, String storedIn) {
		this.entityName = entityName;
		this.setName = setName;
		this.table = table;
		this.storedIn = storedIn;
	}

	/** Singular name, as used for a to-one navigation property ({@code Thing}). */
	public String entityName() {
		return entityName;
	}

	/** Entity set name, as used in URLs and for to-many navigation properties ({@code Things}). */
	public String setName() {
		return setName;
	}

	/**
	 * What every read of this type selects from: its table, or for the two types that share
	 * the table {@code streams} (Datastream, MultiDatastream) the view that holds only its
	 * rows, so that no read of one type sees the other.
	 */
	public String table() {
		return table;
	}

	/** The table that stores this type, for inserts, updates and deletes (never for reads). */
	public String storedIn() {
		return storedIn;
	}

	/** Whether this type stores its rows with another's, so that a foreign key alone does not tell which it is. */
	public boolean sharesTable() {
		return !table.equals(storedIn);
	}

	/** The properties of the standard, in the order of its tables: an entity's default representation. */
	public List<Property> properties() {
		return Schema.properties(this);
	}

	/**
	 * The properties the server derives beyond the standard (a Thing's {@code district}): read
	 * only, filtered and ordered on, read with {@code $select}, never shown unasked.
	 */
	public List<Property> derivedProperties() {
		return Schema.derived(this);
	}

	public List<Navigation> navigations() {
		return Schema.navigations(this);
	}

	/** A property of the standard or a derived one, by name. */
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
