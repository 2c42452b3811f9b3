package org.cabildo.sensing.write;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cabildo.platform.ApiException;
import org.cabildo.sensing.Writer;
import org.cabildo.sensing.WriteAccess;
import org.cabildo.sensing.DatastreamCreated;
import org.cabildo.sensing.ingest.EntityChanged;
import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.model.Navigation;
import org.cabildo.sensing.model.Navigation.Link;
import org.cabildo.sensing.model.Property;
import org.cabildo.sensing.model.ValueKind;
import org.cabildo.sensing.sql.Dialect;
import org.cabildo.sensing.sql.ParentLink;
import org.cabildo.sensing.sql.SqlFragment;
import org.cabildo.sensing.store.RawJson;
import org.cabildo.sensing.time.TimeValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Creates, updates and deletes entities with the integrity rules of OGC 18-088 clause 10:
 * deep insert and links, automatic FeatureOfInterest and HistoricalLocation, and the
 * cascades of a delete. Each call is one transaction: all of it happens or none.
 */
@Component
@Transactional
public class EntityWriter {

	private final JdbcClient jdbc;

	private final Dialect dialect;

	private final ObservationStore observations;

	private final FeatureResolver features;

	private final ObservationPartitions partitions;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Owners owners;

	private final ObjectProvider<WriteAccess> access;

	private final MultiDatastreams multiDatastreams;

	private final ResultChecks results;

	private final PlaceChanges places;

	public EntityWriter(JdbcClient jdbc, Dialect dialect, ObservationStore observations, FeatureResolver features,
			ObservationPartitions partitions, Clock clock, ApplicationEventPublisher events, Owners owners,
			ObjectProvider<WriteAccess> access, MultiDatastreams multiDatastreams, ResultChecks results,
			PlaceChanges places) {
		this.results = results;
		this.places = places;
		this.multiDatastreams = multiDatastreams;
		this.events = events;
		this.owners = owners;
		this.access = access;
		this.jdbc = jdbc;
		this.dialect = dialect;
		this.observations = observations;
		this.features = features;
		this.partitions = partitions;
		this.clock = clock;
	}

	// ---- create ----

	/**
	 * Creates an entity and everything inline in it; {@code parent} links it as in
	 * {@code Things(1)/Datastreams}; {@code writer} is recorded with any correction an inline
	 * Observation makes.
	 */
	public long create(Draft draft, ParentLink parent, Writer writer) {
		if (draft.type() != EntityType.OBSERVATION) {
			features.forget();
			owners.forget();
		}
		Instant now = clock.instant();
		// Every month the request needs gets its partition before the transaction starts writing:
		// on PostgreSQL, once a transaction has written to the observations, a prepared INSERT
		// does not see a partition attached after that ("no partition ... found for row").
		partitions.ensure(observationTimes(draft, now, new ArrayList<>()));
		return create(draft, parent, new Writing(now, writer), true);
	}

	/** One creation: its time (of every entity it makes) and who makes it. */
	private record Writing(Instant now, Writer writer) {
	}

	/** The phenomenonTime starts of the Observations a draft creates, itself included. */
	private static List<Instant> observationTimes(Draft draft, Instant now, List<Instant> times) {
		if (draft.type() == EntityType.OBSERVATION && !draft.isLink()) {
			times.add(draft.value("phenomenonTime") instanceof TimeValue time ? time.start() : now);
		}
		draft.related().values().forEach(related -> related.forEach(d -> observationTimes(d, now, times)));
		return times;
	}

	/**
	 * @param history whether linking to the parent records a HistoricalLocation; not when the
	 * parent is a Thing being created, which records all its Locations at once
	 */
	private long create(Draft draft, ParentLink parent, Writing writing, boolean history) {
		Instant now = writing.now();
		EntityType type = draft.type();
		if (type != EntityType.OBSERVATION) {
			places.changing();
		}
		if (draft.isLink()) {
			requireExists(type, draft.linkId(), draft.pointer());
			linkToParent(type, draft.linkId(), parent, now, history);
			return draft.linkId();
		}
		Map<String, Long> foreignKeys = new HashMap<>();
		for (Navigation navigation : type.navigations()) {
			if (navigation.link() instanceof Link.ForeignKey) {
				List<Draft> related = draft.related(navigation.name());
				if (!related.isEmpty()) {
					foreignKeys.put(navigation.name(), create(related.get(0), null, writing, true));
				}
			}
		}
		if (parent != null && parent.navigation().link() instanceof Link.Reverse) {
			foreignKeys.put(EntityType.inverse(parent.navigation()).name(), parent.parentId());
		}
		InlineDeclaration inline = type == EntityType.DATASTREAM || type == EntityType.MULTI_DATASTREAM
				? InlineDeclaration.in(draft.values())
				: new InlineDeclaration(draft.values(), null);
		long id = switch (type) {
			case OBSERVATION -> {
				Long datastream = streamOf(draft, foreignKeys);
				if (datastream != null) {
					access().requireObservations(datastream,
							() -> owners.ofDatastream(datastream).orElse(-1L));
				}
				yield createObservation(draft, foreignKeys, writing);
			}
			case MULTI_DATASTREAM -> {
				requireForeignKeys(draft, foreignKeys);
				yield insertMultiDatastream(draft, foreignKeys, organisationOfNew(type, foreignKeys, parent), writing);
			}
			default -> {
				requireForeignKeys(draft, foreignKeys);
				yield insert(type, inline.values(), foreignKeys, organisationOfNew(type, foreignKeys, parent));
			}
		};
		if (parent != null && parent.navigation().link() instanceof Link.LinkTable) {
			linkToParent(type, id, parent, now, history);
		}
		if (type == EntityType.DATASTREAM || type == EntityType.MULTI_DATASTREAM) {
			results.requireReadable(id, pointer(draft));
			// A MultiDatastream is a Datastream to governance: the same ids, the same declaration.
			events.publishEvent(new DatastreamCreated(id, inline.declaration(), pointer(draft)));
		}
		for (Navigation navigation : type.navigations()) {
			if (navigation.toMany() && !MultiDatastreams.isComponentLink(navigation)) {
				boolean childHistory = !(type == EntityType.THING && navigation.name().equals("Locations"));
				for (Draft child : draft.related(navigation.name())) {
					create(child, new ParentLink(navigation, id), writing, childHistory);
				}
			}
		}
		if (type == EntityType.THING && !draft.related("Locations").isEmpty()) {
			recordLocations(id, currentLocations(id), now);
		}
		if (type == EntityType.HISTORICAL_LOCATION) {
			historicalLocationCreated(id);
		}
		if (type != EntityType.OBSERVATION) {
			announceAfterCommit(new EntityChanged(type, id, EntityChanged.Change.CREATED, draft.values().keySet()));
		}
		return id;
	}

	/** The Datastream or MultiDatastream of a new Observation; null if it has neither yet. */
	private static Long streamOf(Draft draft, Map<String, Long> foreignKeys) {
		if (foreignKeys.containsKey("Datastream") && foreignKeys.containsKey("MultiDatastream")) {
			throw new InvalidEntityException("an Observation belongs to a Datastream or to a MultiDatastream, not both",
					pointer(draft));
		}
		return foreignKeys.containsKey("MultiDatastream") ? foreignKeys.get("MultiDatastream")
				: foreignKeys.get("Datastream");
	}

	private long createObservation(Draft draft, Map<String, Long> foreignKeys, Writing writing) {
		Instant now = writing.now();
		Long datastream = streamOf(draft, foreignKeys);
		if (datastream == null) {
			throw new InvalidEntityException("an Observation needs a Datastream or a MultiDatastream", pointer(draft));
		}
		EntityType stream = foreignKeys.containsKey("MultiDatastream") ? EntityType.MULTI_DATASTREAM
				: EntityType.DATASTREAM;
		Long feature = foreignKeys.get("FeatureOfInterest");
		if (feature == null) {
			feature = features.forDatastream(datastream, pointer(draft));
		}
		TimeValue phenomenonTime = draft.has("phenomenonTime") && draft.value("phenomenonTime") != null
				? (TimeValue) draft.value("phenomenonTime") : TimeValue.instant(now);
		partitions.ensure(List.of(phenomenonTime.start()));
		return observations.insert(new NewObservation(datastream, feature, phenomenonTime,
				(Instant) draft.value("resultTime"), draft.value("result"), (RawJson) draft.value("resultQuality"),
				(TimeValue) draft.value("validTime"), (RawJson) draft.value("parameters"), stream, draft.unzoned()),
				writing.writer());
	}

	/**
	 * Inserts a MultiDatastream with its ObservedProperties, in order: each is the ObservedProperty
	 * of one value of every result, and of the unit and data type at the same place.
	 */
	private long insertMultiDatastream(Draft draft, Map<String, Long> foreignKeys, Long organisation, Writing writing) {
		Map<String, Object> values = new HashMap<>(draft.values());
		MultiDatastreams.requireComplexObservations(values, pointer(draft));
		values.put("observationType", MultiDatastreams.COMPLEX_OBSERVATION);
		ColumnValues columns = ColumnValues.of(EntityType.MULTI_DATASTREAM, values, foreignKeys, dialect);
		columns.add("multi", "?", true);
		columns.add("organisation_id", "?", organisation);
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(columns.insert(EntityType.MULTI_DATASTREAM.storedIn())).params(columns.values()).update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		List<Long> observedProperties = new ArrayList<>();
		for (Draft observedProperty : draft.related("ObservedProperties")) {
			observedProperties.add(create(observedProperty, null, writing, true));
		}
		multiDatastreams.link(id, observedProperties, pointer(draft));
		multiDatastreams.requireShape(id, pointer(draft));
		return id;
	}

	private void requireForeignKeys(Draft draft, Map<String, Long> foreignKeys) {
		for (Navigation navigation : draft.type().navigations()) {
			if (navigation.required() && !foreignKeys.containsKey(navigation.name())) {
				throw new InvalidEntityException("a " + draft.type().entityName() + " needs a " + navigation.name(),
						pointer(draft));
			}
		}
	}

	private WriteAccess access() {
		return access.getObject();
	}

	/**
	 * The organisation a new Thing or Datastream belongs to (null for other types), once the
	 * caller is known to be allowed to create it: a Thing the caller's, a Datastream its Thing's.
	 * Other types need the caller to be allowed to change something; their parent, if any, is
	 * checked when they are linked to it.
	 */
	private Long organisationOfNew(EntityType type, Map<String, Long> foreignKeys, ParentLink parent) {
		switch (type) {
			case THING -> {
				return access().organisationForNewThing();
			}
			case DATASTREAM, MULTI_DATASTREAM -> {
				long thing = foreignKeys.get("Thing");
				long organisation = owners.ofThing(thing).orElse(WriteAccess.UNASSIGNED);
				access().requireChange(Set.of(organisation), "create a " + type.entityName() + " of Thing " + thing);
				return organisation;
			}
			case HISTORICAL_LOCATION -> {
				long thing = foreignKeys.get("Thing");
				access().requireChange(owners.of(EntityType.THING, thing), "create a HistoricalLocation of Thing " + thing);
				return null;
			}
			default -> {
				if (parent == null) {
					access().requireChange(Set.of(), "create a " + type.entityName());
				}
				return null;
			}
		}
	}

	private long insert(EntityType type, Map<String, Object> values, Map<String, Long> foreignKeys,
			Long organisation) {
		ColumnValues columns = ColumnValues.of(type, values, foreignKeys, dialect);
		if (organisation != null) {
			columns.add("organisation_id", "?", organisation);
		}
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(columns.insert(type.storedIn())).params(columns.values()).update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** Links an entity into a parent's collection (many-to-many, or moves it under the parent). */
	private void linkToParent(EntityType type, long id, ParentLink parent, Instant now, boolean history) {
		if (parent == null) {
			return;
		}
		Navigation navigation = parent.navigation();
		String what = "link " + type.entityName() + " " + id + " to " + navigation.source().entityName() + " "
				+ parent.parentId();
		if (Owners.owned(navigation.source())) {
			access().requireChange(owners.of(navigation.source(), parent.parentId()), what);
		}
		if (Owners.owned(type)) {
			access().requireChange(owners.of(type, id), what);
		}
		switch (navigation.link()) {
			case Link.LinkTable table -> {
				MultiDatastreams.refuseLaterComponents(navigation);
				insertLink(table, parent.parentId(), id);
				if (history && navigation.source() == EntityType.THING && type == EntityType.LOCATION) {
					recordLocations(parent.parentId(), List.of(id), now);
				}
				else if (history && navigation.source() == EntityType.LOCATION && type == EntityType.THING) {
					recordLocations(id, List.of(parent.parentId()), now);
				}
			}
			case Link.Reverse reverse -> {
				if (type == EntityType.OBSERVATION) {
					moveObservation(id, reverse.column(), parent.parentId());
				}
				else {
					jdbc.sql("UPDATE " + type.storedIn() + " SET " + reverse.column() + " = ? WHERE id = ?")
						.params(parent.parentId(), id)
						.update();
				}
			}
			case Link.ForeignKey ignored -> {
			}
		}
	}

	private void insertLink(Link.LinkTable table, long source, long target) {
		jdbc.sql("INSERT INTO " + table.table() + " (" + table.sourceColumn() + ", " + table.targetColumn()
				+ ") SELECT ?, ? FROM (VALUES (1)) one WHERE NOT EXISTS (SELECT 1 FROM " + table.table() + " WHERE "
				+ table.sourceColumn() + " = ? AND " + table.targetColumn() + " = ?)")
			.params(source, target, source, target)
			.update();
	}

	private void moveObservation(long observation, String column, long target) {
		Long previous = jdbc.sql("SELECT " + column + " FROM observations WHERE id = ?")
			.param(observation)
			.query(Long.class)
			.single();
		observations.changingObservation(observation);
		jdbc.sql("UPDATE observations SET " + column + " = ? WHERE id = ?").params(target, observation).update();
		observations.changingObservation(observation);
		if (column.equals("datastream_id")) {
			multiDatastreams.requireResultFits(observation, "");
			observations.recompute(List.of(previous, target));
		}
		else {
			List<Long> datastream = jdbc.sql("SELECT datastream_id FROM observations WHERE id = ?")
				.param(observation)
				.query(Long.class)
				.list();
			observations.recompute(datastream);
		}
	}

	// ---- locations and their history ----

	private List<Long> currentLocations(long thing) {
		return jdbc.sql("SELECT location_id FROM thing_locations WHERE thing_id = ? ORDER BY location_id")
			.param(thing)
			.query(Long.class)
			.list();
	}

	/** A Thing has (new) Locations: history records them (req create-update-delete/historical-location-auto-creation). */
	private void recordLocations(long thing, List<Long> locations, Instant time) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO historical_locations (time, thing_id) VALUES (?, ?)")
			.params(ColumnValues.utc(time), thing)
			.update(keys, "id");
		long historicalLocation = keys.getKeyAs(Number.class).longValue();
		Link.LinkTable table = (Link.LinkTable) EntityType.HISTORICAL_LOCATION.navigation("Locations")
			.orElseThrow()
			.link();
		for (long location : locations) {
			insertLink(table, historicalLocation, location);
		}
	}

	/**
	 * A HistoricalLocation created by a client that is newer than all others of its Thing
	 * moves the Thing there (req create-update-delete/historical-location-manual-creation).
	 */
	private void historicalLocationCreated(long id) {
		Long newer = jdbc.sql("""
				SELECT h.thing_id FROM historical_locations h
				WHERE h.id = ? AND NOT EXISTS (
				    SELECT 1 FROM historical_locations o WHERE o.thing_id = h.thing_id AND o.id <> h.id AND o.time >= h.time)""")
			.param(id)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (newer == null) {
			return;
		}
		List<Long> locations = jdbc
			.sql("SELECT location_id FROM historical_location_locations WHERE historical_location_id = ?")
			.param(id)
			.query(Long.class)
			.list();
		if (locations.isEmpty()) {
			return;
		}
		jdbc.sql("DELETE FROM thing_locations WHERE thing_id = ?").param(newer).update();
		Link.LinkTable table = (Link.LinkTable) EntityType.THING.navigation("Locations").orElseThrow().link();
		for (long location : locations) {
			insertLink(table, newer, location);
		}
	}

	// ---- update ----

	/**
	 * Changes an entity. PATCH changes what the body names; PUT also clears what it leaves
	 * out. Related entities may only be linked: to-one links replace, to-many links add,
	 * except a Thing's Locations, which are its current place and so are replaced.
	 */
	public void update(Draft draft, long id, boolean replace) {
		EntityType type = draft.type();
		if (type != EntityType.OBSERVATION) {
			features.forget();
			owners.forget();
			places.changing();
		}
		requireExists(type, id, "");
		access().requireChange(owners.of(type, id), "update " + type.entityName() + " " + id);
		if (type == EntityType.DATASTREAM || type == EntityType.MULTI_DATASTREAM) {
			InlineDeclaration.refuseInChange(draft.values(), draft.pointer());
		}
		Map<String, Object> values = new HashMap<>(draft.values());
		if (replace) {
			for (Property property : type.properties()) {
				if (!property.computed() && property.kind() != ValueKind.ID) {
					values.putIfAbsent(property.name(), null);
				}
			}
		}
		if (type == EntityType.MULTI_DATASTREAM) {
			MultiDatastreams.requireComplexObservations(values, "");
			if (values.containsKey("observationType")) {
				// PUT leaves it out, PATCH may give null: it stays what it always is.
				values.put("observationType", MultiDatastreams.COMPLEX_OBSERVATION);
			}
		}
		Map<String, Long> foreignKeys = new HashMap<>();
		if (type == EntityType.OBSERVATION) {
			if (!draft.related("Datastream").isEmpty() && !draft.related("MultiDatastream").isEmpty()) {
				throw new InvalidEntityException(
						"an Observation belongs to a Datastream or to a MultiDatastream, not both", "/MultiDatastream");
			}
		}
		for (Navigation navigation : type.navigations()) {
			if (navigation.link() instanceof Link.ForeignKey) {
				for (Draft link : draft.related(navigation.name())) {
					requireExists(navigation.target(), link.linkId(), link.pointer());
					if (Owners.owned(navigation.target())) {
						access().requireChange(owners.of(navigation.target(), link.linkId()), "link "
								+ type.entityName() + " " + id + " to " + navigation.target().entityName() + " "
								+ link.linkId());
					}
					foreignKeys.put(navigation.name(), link.linkId());
				}
			}
		}
		List<Long> datastreamsBefore = type == EntityType.OBSERVATION ? datastreamOf(id) : List.of();
		if (type == EntityType.OBSERVATION) {
			observations.changingObservation(id);
		}
		if (values.get("phenomenonTime") instanceof TimeValue time) {
			partitions.ensure(List.of(time.start()));
		}
		if (type == EntityType.OBSERVATION && replace && values.get("phenomenonTime") == null) {
			values.put("phenomenonTime", TimeValue.instant(clock.instant()));
			partitions.ensure(List.of(clock.instant()));
		}
		ColumnValues columns = ColumnValues.of(type, values, foreignKeys, dialect);
		if (!columns.isEmpty()) {
			List<Object> parameters = new ArrayList<>(columns.values());
			parameters.add(id);
			jdbc.sql("UPDATE " + type.storedIn() + " SET " + columns.assignments() + " WHERE id = ?")
				.params(parameters)
				.update();
		}
		if (type == EntityType.MULTI_DATASTREAM) {
			multiDatastreams.requireShape(id, "");
		}
		if (type == EntityType.DATASTREAM || type == EntityType.MULTI_DATASTREAM) {
			results.requireReadable(id, "");
		}
		if (type == EntityType.OBSERVATION) {
			multiDatastreams.requireResultFits(id, "/result");
			if (values.containsKey("result") || !foreignKeys.isEmpty()) {
				// Only a new result, or the move to another stream, is checked: not what was stored before the rules.
				results.requireStoredFits(id, "/result");
			}
			Set<Long> affected = new LinkedHashSet<>(datastreamsBefore);
			affected.addAll(datastreamOf(id));
			observations.recompute(affected);
			observations.changingObservation(id);
		}
		if (type == EntityType.LOCATION && values.containsKey("location")) {
			// Observations made here before keep their feature; the next one gets a new feature.
			jdbc.sql("UPDATE features_of_interest SET source_location_id = NULL WHERE source_location_id = ?")
				.param(id)
				.update();
		}
		if (type == EntityType.FEATURE_OF_INTEREST && values.containsKey("feature")) {
			observations.featureChanged(id);
		}
		Instant now = clock.instant();
		for (Navigation navigation : type.navigations()) {
			List<Draft> links = draft.related(navigation.name());
			if (!navigation.toMany() || links.isEmpty()) {
				continue;
			}
			for (Draft link : links) {
				requireExists(navigation.target(), link.linkId(), link.pointer());
			}
			if (type == EntityType.THING && navigation.name().equals("Locations")) {
				replaceLocations(id, links.stream().map(Draft::linkId).toList(), now);
				continue;
			}
			for (Draft link : links) {
				linkToParent(navigation.target(), link.linkId(), new ParentLink(navigation, id), now, true);
			}
		}
		Set<String> changed = new LinkedHashSet<>(values.keySet());
		changed.addAll(draft.related().keySet());
		announceAfterCommit(new EntityChanged(type, id, EntityChanged.Change.UPDATED, changed));
	}

	/** Tells listeners (MQTT subscriptions) once the change is committed; never what rolls back. */
	private void announceAfterCommit(EntityChanged event) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				events.publishEvent(event);
			}
		});
	}

	private void replaceLocations(long thing, List<Long> locations, Instant now) {
		jdbc.sql("DELETE FROM thing_locations WHERE thing_id = ?").param(thing).update();
		Link.LinkTable table = (Link.LinkTable) EntityType.THING.navigation("Locations").orElseThrow().link();
		for (long location : locations) {
			insertLink(table, thing, location);
		}
		recordLocations(thing, locations, now);
	}

	private List<Long> datastreamOf(long observation) {
		return jdbc.sql("SELECT datastream_id FROM observations WHERE id = ?").param(observation).query(Long.class).list();
	}

	// ---- delete ----

	/** Deletes an entity and what cannot exist without it (OGC 18-088, 10.4). */
	public void delete(EntityType type, long id) {
		requireExists(type, id, "");
		access().requireChange(owners.of(type, id), "delete " + type.entityName() + " " + id);
		if (type != EntityType.OBSERVATION) {
			features.forget();
			owners.forget();
			places.changing();
		}
		switch (type) {
			case THING -> deleteDatastreamsWhere("thing_id", id);
			case SENSOR -> deleteDatastreamsWhere("sensor_id", id);
			case OBSERVED_PROPERTY -> {
				deleteDatastreamsWhere("observed_property_id", id);
				// A MultiDatastream cannot lose one of its ObservedProperties: it goes with it.
				List<Long> multi = multiDatastreams.of(id);
				for (long stream : multi) {
					jdbc.sql("DELETE FROM streams WHERE id = ?").param(stream).update();
				}
				observations.deleteOfDatastreams(multi);
			}
			case DATASTREAM, MULTI_DATASTREAM -> {
				// The row goes first so that a concurrent ingest into it fails instead of leaving orphans.
				jdbc.sql("DELETE FROM streams WHERE id = ?").param(id).update();
				observations.deleteOfDatastreams(List.of(id));
				return;
			}
			case FEATURE_OF_INTEREST -> observations
				.delete(SqlFragment.concat("t0.feature_of_interest_id = ", SqlFragment.bind(id)));
			case OBSERVATION -> {
				observations.delete(SqlFragment.concat("t0.id = ", SqlFragment.bind(id)));
				return;
			}
			case LOCATION -> jdbc.sql("""
					DELETE FROM historical_locations WHERE id IN (
					    SELECT historical_location_id FROM historical_location_locations WHERE location_id = ?)""")
				.param(id)
				.update();
			case HISTORICAL_LOCATION -> {
			}
		}
		jdbc.sql("DELETE FROM " + type.storedIn() + " WHERE id = ?").param(id).update();
	}

	private void deleteDatastreamsWhere(String column, long id) {
		List<Long> datastreams = jdbc.sql("SELECT id FROM streams WHERE " + column + " = ?")
			.param(id)
			.query(Long.class)
			.list();
		// The rows go first so that a concurrent ingest into them fails instead of leaving orphans.
		jdbc.sql("DELETE FROM streams WHERE " + column + " = ?").param(id).update();
		observations.deleteOfDatastreams(datastreams);
	}

	private void requireExists(EntityType type, long id, String pointer) {
		boolean exists = jdbc.sql("SELECT COUNT(*) FROM " + type.table() + " WHERE id = ?")
			.param(id)
			.query(Long.class)
			.single() > 0;
		if (!exists) {
			if (pointer.isEmpty()) {
				throw ApiException.notFound(type.entityName() + " " + id + " does not exist");
			}
			throw new InvalidEntityException(type.entityName() + " " + id + " does not exist", pointer);
		}
	}

	private static String pointer(Draft draft) {
		return draft.pointer().isEmpty() ? "/" : draft.pointer();
	}

}
