package org.cabildo.sensing.write;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.TreeSet;

import org.cabildo.sensing.model.EntityType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The organisations an entity belongs to: a Thing's and a Datastream's own; an Observation's
 * or a HistoricalLocation's through its Datastream or Thing; a shared entity's (Location,
 * Sensor, ObservedProperty, FeatureOfInterest) those of the Things and Datastreams using it.
 */
@Component
public class Owners {

	private final JdbcClient jdbc;

	private final Map<Long, Long> datastreams = new ConcurrentHashMap<>();

	public Owners(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The organisations of an entity; empty for a shared entity nobody uses or one that does not exist. */
	public Set<Long> of(EntityType type, long id) {
		String sql = switch (type) {
			case THING -> "SELECT organisation_id FROM things WHERE id = ?";
			case DATASTREAM, MULTI_DATASTREAM -> "SELECT organisation_id FROM streams WHERE id = ?";
			case OBSERVATION -> "SELECT d.organisation_id FROM observations o JOIN streams d ON d.id = o.datastream_id WHERE o.id = ?";
			case HISTORICAL_LOCATION -> "SELECT t.organisation_id FROM historical_locations h JOIN things t ON t.id = h.thing_id WHERE h.id = ?";
			case LOCATION -> "SELECT DISTINCT t.organisation_id FROM thing_locations l JOIN things t ON t.id = l.thing_id WHERE l.location_id = ?";
			case SENSOR -> "SELECT DISTINCT organisation_id FROM streams WHERE sensor_id = ?";
			case OBSERVED_PROPERTY -> "SELECT DISTINCT d.organisation_id FROM streams d WHERE d.observed_property_id = ?"
					+ " OR d.id IN (SELECT m.datastream_id FROM multi_datastream_observed_properties m"
					+ " WHERE m.observed_property_id = ?)";
			case FEATURE_OF_INTEREST -> "SELECT DISTINCT d.organisation_id FROM streams d WHERE EXISTS ("
					+ "SELECT 1 FROM observations o WHERE o.datastream_id = d.id AND o.feature_of_interest_id = ?)";
		};
		List<Object> ids = java.util.Collections.nCopies((int) sql.chars().filter(c -> c == '?').count(), id);
		List<Long> found = jdbc.sql(sql).params(ids).query(Long.class).list();
		return new TreeSet<>(found);
	}

	/** Whether an entity of this type has an owner of its own (Thing, Datastream) or through one. */
	public static boolean owned(EntityType type) {
		return switch (type) {
			case THING, DATASTREAM, MULTI_DATASTREAM, OBSERVATION, HISTORICAL_LOCATION -> true;
			default -> false;
		};
	}

	/**
	 * The organisation of a Datastream, remembered: every observation written asks it. Forgotten
	 * on every change of Things and Datastreams ({@link #forget()}).
	 */
	public Optional<Long> ofDatastream(long datastream) {
		Long known = datastreams.get(datastream);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<Long> owner = jdbc.sql("SELECT organisation_id FROM streams WHERE id = ?")
			.param(datastream)
			.query(Long.class)
			.optional();
		owner.ifPresent(organisation -> datastreams.put(datastream, organisation));
		return owner;
	}

	/** Forgets what is remembered, now and when the current transaction ends. */
	void forget() {
		datastreams.clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					datastreams.clear();
				}
			});
		}
	}

	public Optional<Long> ofThing(long thing) {
		return jdbc.sql("SELECT organisation_id FROM things WHERE id = ?").param(thing).query(Long.class).optional();
	}

	/** Hands a Thing and its Datastreams to an organisation. */
	public void assignThing(long thing, long organisation) {
		forget();
		jdbc.sql("UPDATE things SET organisation_id = ? WHERE id = ?").params(organisation, thing).update();
		jdbc.sql("UPDATE streams SET organisation_id = ? WHERE thing_id = ?").params(organisation, thing).update();
	}

}
