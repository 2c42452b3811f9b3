package org.cabildo.sensing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cabildo.platform.ApiException;
import org.cabildo.sensing.ingest.IngestBusyException;
import org.cabildo.sensing.ingest.IngestOutcome;
import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.query.QueryOptions;
import org.cabildo.sensing.query.QueryOptionsParser;
import org.cabildo.sensing.store.EntityReader;
import org.cabildo.sensing.web.CreateObservations;
import org.cabildo.sensing.write.BulkObservations;
import org.cabildo.sensing.write.DraftReader;
import org.cabildo.sensing.write.EntityWriter;
import org.cabildo.sensing.write.Owners;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;

/**
 * What other modules may do with sensing data, in the terms of the SensorThings API: create,
 * change and delete entities from their JSON (checked as over HTTP), find them by a filter, and
 * append readings.
 */
@Service
public class SensorThings {

	/** How often a write waits for room in a full queue before it gives up (each wait about a second). */
	private static final int BUSY_ATTEMPTS = 120;

	private final EntityReader reader;

	private final EntityWriter writer;

	private final BulkObservations bulk;

	private final Owners owners;

	private final CreateObservations observations;

	SensorThings(EntityReader reader, EntityWriter writer, BulkObservations bulk, Owners owners,
			CreateObservations observations) {
		this.owners = owners;
		this.observations = observations;
		this.reader = reader;
		this.writer = writer;
		this.bulk = bulk;
	}

	/** Creates an entity of an entity set ({@code Things}, ...) with everything inline, as a POST by the writer would. */
	public long create(String entitySet, JsonNode entity, Writer by) {
		EntityType type = type(entitySet);
		return writer.create(DraftReader.read(type, entity, DraftReader.Mode.CREATE), null, by);
	}

	/**
	 * Changes what {@code changes} names of an entity, as a PATCH by the caller in the security
	 * context would (its rights checked as over HTTP: an operator of the owning organisation).
	 */
	public void update(String entitySet, long id, JsonNode changes) {
		EntityType type = type(entitySet);
		writer.update(DraftReader.read(type, changes, DraftReader.Mode.PATCH), id, false);
	}

	/**
	 * Deletes an entity and what cannot exist without it, as a DELETE by the caller in the
	 * security context would (its rights checked as over HTTP).
	 */
	public void delete(String entitySet, long id) {
		writer.delete(type(entitySet), id);
	}

	/**
	 * The id of the first entity, in id order, that a {@code $filter} selects, for the platform's
	 * own bookkeeping (ids only: nothing read here is handed to a caller).
	 */
	public Optional<Long> findFirst(String entitySet, String filter) {
		QueryOptions options = QueryOptionsParser.parse(Map.of("$filter", filter, "$top", "1", "$select", "id"));
		return reader.page(ReadScope.PLATFORM, type(entitySet), null, options).rows().stream().findFirst()
			.map(row -> row.id());
	}

	/** Ids of the entities a {@code $filter} selects, at most {@code limit}, for the platform's own bookkeeping. */
	public List<Long> find(String entitySet, String filter, int limit) {
		QueryOptions options = QueryOptionsParser
			.parse(Map.of("$filter", filter, "$top", Integer.toString(limit), "$select", "id"));
		return reader.page(ReadScope.PLATFORM, type(entitySet), null, options).rows().stream().map(row -> row.id())
			.toList();
	}

	/** How many observations a datastream holds, for the platform's own bookkeeping. */
	public long observationCount(long datastream) {
		QueryOptions options = QueryOptionsParser.parse(Map.of("$count", "true", "$top", "0"));
		var navigation = EntityType.DATASTREAM.navigation("Observations").orElseThrow();
		return reader.page(ReadScope.PLATFORM, EntityType.OBSERVATION,
				new org.cabildo.sensing.sql.ParentLink(navigation, datastream), options).count();
	}

	/**
	 * Appends numeric readings to a datastream in one transaction; their feature is the Thing's
	 * Location; {@code writer} is recorded with any correction they make.
	 */
	public void append(long datastream, List<Reading> readings, Writer writer) {
		bulk.append(datastream, readings.stream().map(Reading::time).toList(),
				readings.stream().map(Reading::value).toList(), writer);
	}

	/**
	 * Stores Observations given as a CreateObservations body (the DataArray format) through the
	 * gate every client's write passes: the rights of the caller in the security context (a
	 * signed-in caller, not the platform, for work done on someone's behalf), the declaration,
	 * the stream's result checks, duplicates and corrections. When the writers' queue is full it
	 * waits for room rather than refuse, as a client told 503 would retry.
	 *
	 * @param by who writes, as a correction records it
	 * @return the outcome of every row, in the body's order
	 */
	public List<ObservationOutcome> createObservations(JsonNode dataArray, Writer by) {
		for (int attempt = 1;; attempt++) {
			try {
				return observations.store(dataArray, by).stream().map(SensorThings::outcome).toList();
			}
			catch (IngestBusyException e) {
				if (attempt >= BUSY_ATTEMPTS) {
					throw e;
				}
				try {
					Thread.sleep(e.retryAfter());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw e;
				}
			}
		}
	}

	private static ObservationOutcome outcome(IngestOutcome outcome) {
		return switch (outcome) {
			case IngestOutcome.Created created -> new ObservationOutcome(ObservationOutcome.Kind.CREATED, null);
			case IngestOutcome.Duplicate duplicate -> new ObservationOutcome(ObservationOutcome.Kind.DUPLICATE, null);
			case IngestOutcome.Corrected corrected -> new ObservationOutcome(ObservationOutcome.Kind.CORRECTED, null);
			case IngestOutcome.Folded folded -> new ObservationOutcome(ObservationOutcome.Kind.FOLDED, folded.note());
			case IngestOutcome.Refused refused -> new ObservationOutcome(ObservationOutcome.Kind.REFUSED, refused.reason());
		};
	}

	/**
	 * The organisations an entity belongs to: one for a Thing, Datastream, Observation or
	 * HistoricalLocation; for a shared entity (Location, Sensor, ...) those whose data use it.
	 */
	public Set<Long> organisationsOf(String entitySet, long id) {
		return owners.of(type(entitySet), id);
	}

	/** Hands a Thing and its Datastreams to another organisation. */
	public void assignThing(long thing, long organisation) {
		owners.assignThing(thing, organisation);
	}

	private static EntityType type(String entitySet) {
		return EntityType.bySetName(entitySet)
			.orElseThrow(() -> ApiException.badRequest("there is no entity set '" + entitySet + "'"));
	}

}
