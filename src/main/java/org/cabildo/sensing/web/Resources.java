package org.cabildo.sensing.web;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.cabildo.platform.ApiException;
import org.cabildo.sensing.CostlyReads;
import org.cabildo.sensing.ReadAccess;
import org.cabildo.sensing.ReadScope;
import org.cabildo.sensing.ReadScope.ObservationsRead;
import org.cabildo.sensing.WriteAccess;
import org.cabildo.sensing.store.ObservationsReturned;
import org.cabildo.sensing.ingest.IngestOutcome;
import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.model.Navigation;
import org.cabildo.sensing.query.QueryOptions;
import org.cabildo.sensing.query.QueryOptionsParser;
import org.cabildo.sensing.sql.ParentLink;
import org.cabildo.sensing.store.EntityReader;
import org.cabildo.sensing.store.EntityRow;
import org.cabildo.sensing.store.Page;
import org.cabildo.sensing.store.RawJson;
import org.cabildo.sensing.store.ResultUnits;
import org.cabildo.sensing.units.AskedUnit;
import org.cabildo.sensing.units.Conversion;
import org.cabildo.sensing.time.TimeValue;
import org.cabildo.sensing.write.Draft;
import org.cabildo.sensing.write.DraftReader;
import org.cabildo.sensing.write.EntityWriter;
import org.cabildo.sensing.write.InvalidEntityException;
import org.cabildo.sensing.write.NewObservation;
import org.cabildo.sensing.write.ObservationDrafts;
import org.cabildo.sensing.write.Owners;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a request on a resource path does, whether it came over HTTP or inside a
 * {@code $batch}: reads with their query options, and creates, updates and deletes. An
 * Observation that creates nothing else inline goes to the {@link ObservationIntake}.
 * <p>
 * Everything is read for the call's reader, and what an answer returns is handed to its
 * {@link ReadScope} before a byte of it is sent. A change the caller may make to Observations it
 * may not read is made, and answered with the entity's id and address only.
 */
@Component
class Resources {

	/** Names the Datastreams of the answer whose Observations are test data (streams in the lab). */
	static final String TEST_DATA_HEADER = "Cabildo-Test-Data";

	private final PathResolver paths;

	private final EntityReader reader;

	private final EntityWriter writer;

	private final ObservationIntake intake;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.shared();

	private final Owners owners;

	private final ObjectProvider<WriteAccess> access;

	private final ReadAccess readAccess;

	private final ResultUnits units;

	private final CostlyReads costly;

	Resources(PathResolver paths, EntityReader reader, EntityWriter writer, ObservationIntake intake, Clock clock,
			Owners owners, ObjectProvider<WriteAccess> access, ReadAccess readAccess, ResultUnits units,
			ObjectProvider<CostlyReads> costly) {
		this.units = units;
		this.costly = costly.getIfAvailable(() -> CostlyReads.UNLIMITED);
		this.owners = owners;
		this.access = access;
		this.readAccess = readAccess;
		this.paths = paths;
		this.reader = reader;
		this.writer = writer;
		this.intake = intake;
		this.clock = clock;
	}

	// ---- read ----

	/** An answer, and the Observations it returns. */
	private record Answer(Reply reply, ObservationsRead returned) {

		static Answer of(Reply reply) {
			return new Answer(reply, ObservationsRead.NONE);
		}

	}

	/** @param options the system query options ({@code $...}) of the request */
	Reply get(Call call, Map<String, String> options) {
		ReadScope scope = readAccess.scope(call.reader());
		Optional<AskedUnit> unit = AskedUnit.of(call.unit());
		Answer answer = read(call, scope, options, unit);
		// Everything is read by now; the body is only written from it. A read that may not be
		// recorded fails here, before a byte of it is sent.
		Reply reply = recorded(scope, answer);
		return unit.map(asked -> reply.withHeader(AskedUnit.HEADER, asked.symbol())).orElse(reply);
	}

	/** The rows with their results in the asked unit, if one was asked (400 for a stream that does not convert). */
	private <T> T inUnit(T read, List<EntityRow> rows, Optional<AskedUnit> unit) {
		unit.ifPresent(asked -> units.convert(rows, asked));
		return read;
	}

	/**
	 * The streams a {@code $filter} on results under {@code unit=} compares: across Datastreams
	 * (on any path, in a {@code $batch} too) a costly read, as a {@code $filter} over all
	 * Observations is, and only of the Datastreams the reader may read.
	 */
	private Map<Conversion, List<Long>> convertible(ReadScope scope, Long datastream, AskedUnit unit) {
		if (datastream == null) {
			ObservationScans.take(costly);
		}
		return units.convertible(datastream, unit, datastream == null ? scope.hiddenDatastreams() : Set.of());
	}

	/** Tells the scope what the answer returns, and marks the test data in it. */
	private static Reply recorded(ReadScope scope, Answer answer) {
		if (answer.returned().isEmpty()) {
			return answer.reply();
		}
		ReadScope.Receipt receipt = scope.returning(answer.returned());
		if (receipt.testData().isEmpty()) {
			return answer.reply();
		}
		return answer.reply().withHeader(TEST_DATA_HEADER,
				String.join(",", new TreeSet<>(receipt.testData()).stream().map(String::valueOf).toList()));
	}

	private Answer read(Call call, ReadScope scope, Map<String, String> options, Optional<AskedUnit> unit) {
		QueryOptions asked = QueryOptionsParser.parse(options);
		Target target = paths.resolve(call.path(), scope);
		QueryOptions parsed = unit
			.map(in -> FilterInUnit.rewrite(asked, target, in, datastream -> convertible(scope, datastream, in)))
			.orElse(asked);
		if (parsed.resultFormat() != null) {
			return dataArray(call, scope, target, parsed, unit);
		}
		return switch (target) {
			case Target.ServiceRoot ignored -> Answer.of(Reply.json(HttpStatus.OK, out -> serviceRoot(out, call)));
			case Target.Collection collection -> {
				Page page = reader.page(scope, collection.type(), collection.parent(), parsed);
				inUnit(page, page.rows(), unit);
				yield new Answer(Reply.json(HttpStatus.OK, out -> call.out().page(out, collection.type(), page,
						call.url())), ObservationsReturned.in(page));
			}
			case Target.Entity entity -> {
				EntityRow row = reader.byId(scope, entity.type(), entity.id(), parsed)
					.orElseThrow(() -> missing(entity));
				inUnit(row, List.of(row), unit);
				yield new Answer(Reply.json(HttpStatus.OK, out -> call.out().entity(out, row, parsed)),
						ObservationsReturned.in(List.of(row)));
			}
			case Target.PropertyValue value -> property(scope, value, unit);
			case Target.References references -> references(call, scope, references, parsed);
		};
	}

	private Answer dataArray(Call call, ReadScope scope, Target target, QueryOptions options,
			Optional<AskedUnit> unit) {
		if (!(target instanceof Target.Collection collection) || collection.type() != EntityType.OBSERVATION) {
			throw ApiException.badRequest("$resultFormat=dataArray is for collections of Observations")
				.with("option", "$resultFormat");
		}
		DataArrayJson format = DataArrayJson.of(options, call.out());
		Page page = reader.page(scope, EntityType.OBSERVATION, collection.parent(), format.readOptions());
		inUnit(page, page.rows(), unit);
		return new Answer(Reply.json(HttpStatus.OK, out -> format.page(out, page, call.url())),
				ObservationsReturned.in(page));
	}

	private void serviceRoot(JsonGenerator out, Call call) {
		out.writeStartObject();
		out.writeName("value");
		out.writeStartArray();
		for (EntityType type : EntityType.values()) {
			out.writeStartObject();
			out.writeStringProperty("name", type.setName());
			out.writeStringProperty("url", call.out().serviceRoot() + "/" + type.setName());
			out.writeEndObject();
		}
		out.writeEndArray();
		if (call.version() == Version.V1_1) {
			out.writeName("serverSettings");
			out.writeStartObject();
			out.writeName("conformance");
			out.writeStartArray();
			for (String requirement : call.version().conformance()) {
				out.writeString(requirement);
			}
			out.writeEndArray();
			out.writeEndObject();
		}
		out.writeEndObject();
	}

	private Answer property(ReadScope scope, Target.PropertyValue target, Optional<AskedUnit> unit) {
		Target.Entity entity = target.entity();
		Object value;
		ObservationsRead returned = ObservationsRead.NONE;
		if (target.property().name().equals("id")) {
			reader.refuseIfHidden(scope, entity.type(), entity.id());
			value = (double) entity.id();
		}
		else {
			QueryOptions select = new QueryOptions(null, List.of(), null, 0, false,
					List.of(target.property().name()), List.of(), null, Map.of());
			EntityRow row = reader.byId(scope, entity.type(), entity.id(), select).orElseThrow(() -> missing(entity));
			inUnit(row, List.of(row), unit);
			value = member(row.value(target.property().name()), target.path());
			returned = ObservationsReturned.in(List.of(row));
		}
		if (target.raw()) {
			return new Answer(rawValue(value), returned);
		}
		// A property without a value is still answered as itself, {"resultTime": null}: what the
		// standard's examples show for every property and its conformance tests ask (OData would say 204).
		String name = target.path().isEmpty() ? target.property().name()
				: target.path().get(target.path().size() - 1);
		Object shown = value;
		return new Answer(Reply.json(HttpStatus.OK, out -> {
			out.writeStartObject();
			out.writeName(name);
			EntityJson.value(out, shown);
			out.writeEndObject();
		}), returned);
	}

	private Object member(Object value, List<String> path) {
		if (path.isEmpty()) {
			return value;
		}
		if (!(value instanceof RawJson raw)) {
			return null;
		}
		JsonNode node = json.readTree(raw.text());
		for (String name : path) {
			node = node.isArray() && name.matches("\\d+") ? node.path(Integer.parseInt(name)) : node.path(name);
		}
		if (node.isMissingNode()) {
			throw ApiException.notFound("there is no member " + String.join("/", path));
		}
		return node.isNull() ? null : new RawJson(node.toString());
	}

	/**
	 * The raw value ({@code $value}): a simple value as text, a JSON object or array as the JSON
	 * document it is. A null value's raw value is nothing: 200 with an empty body, as the OGC test
	 * suite asks of every property's {@code $value} (OData would answer 204).
	 */
	private Reply rawValue(Object value) {
		if (value == null) {
			return Reply.text("");
		}
		if (value instanceof RawJson raw && json.readTree(raw.text()).isContainer()) {
			return Reply.json(HttpStatus.OK, out -> out.writeRawValue(raw.text()));
		}
		return Reply.text(rawText(value));
	}

	private String rawText(Object value) {
		if (value instanceof RawJson raw) {
			JsonNode node = json.readTree(raw.text());
			return node.isString() ? node.asString() : node.toString();
		}
		// Whole numbers as in the JSON body: without a fraction while a long holds them exactly.
		if (value instanceof Double number && number == Math.rint(number)
				&& Math.abs(number) <= EntityJson.LARGEST_EXACT_INTEGER) {
			return Long.toString(number.longValue());
		}
		if (value instanceof Instant instant) {
			return TimeValue.format(instant);
		}
		return value.toString();
	}

	private Answer references(Call call, ReadScope scope, Target.References references, QueryOptions options) {
		if (references.of() instanceof Target.Entity entity) {
			reader.refuseIfHidden(scope, entity.type(), entity.id());
			return Answer.of(Reply.json(HttpStatus.OK, out -> {
				out.writeStartObject();
				out.writeStringProperty("@iot.selfLink", call.out().selfLink(entity.type(), entity.id()));
				out.writeEndObject();
			}));
		}
		Target.Collection collection = (Target.Collection) references.of();
		QueryOptions idsOnly = new QueryOptions(options.filter(), options.orderBy(), options.top(), options.skip(),
				options.count(), List.of("id"), List.of(), null, options.raw());
		Page page = reader.page(scope, collection.type(), collection.parent(), idsOnly);
		return new Answer(Reply.json(HttpStatus.OK, out -> {
			out.writeStartObject();
			if (page.count() != null) {
				out.writeNumberProperty("@iot.count", page.count());
			}
			out.writeName("value");
			out.writeStartArray();
			for (EntityRow row : page.rows()) {
				out.writeStartObject();
				out.writeStringProperty("@iot.selfLink", call.out().selfLink(row.type(), row.id()));
				out.writeEndObject();
			}
			out.writeEndArray();
			if (page.hasMore()) {
				out.writeStringProperty("@iot.nextLink", call.out().nextLink(call.url(), page));
			}
			out.writeEndObject();
		}), ObservationsReturned.in(page));
	}

	// ---- write ----

	/**
	 * @param parameters the query parameters; {@code duplicates=allow} stores a re-sent Observation again
	 * @param content the body, read once the path is known to address a collection
	 */
	Reply post(Call call, Map<String, String> parameters, Supplier<JsonNode> content) {
		ReadScope scope = readAccess.scope(call.reader());
		Target target = paths.resolve(call.path(), scope);
		if (!(target instanceof Target.Collection collection)) {
			throw new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "entities are created by POST to a collection");
		}
		JsonNode body = content.get();
		if (collection.type() == EntityType.OBSERVATION) {
			Optional<Reply> stored = observation(call, scope, collection, body, IngestOptions.of(parameters));
			if (stored.isPresent()) {
				return stored.get();
			}
		}
		Draft draft = DraftReader.read(collection.type(), body, DraftReader.Mode.CREATE);
		long id = writer.create(draft, collection.parent(), call.writer());
		return written(call, scope, collection.type(), id, HttpStatus.CREATED);
	}

	/**
	 * An Observation in a collection of all Observations or of a Datastream's, which creates
	 * no other entity inline, goes to the intake, outside a transaction; empty for any other.
	 */
	private Optional<Reply> observation(Call call, ReadScope scope, Target.Collection collection, JsonNode body,
			IngestOptions options) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			// In a changeset of a batch: written by the entity writer, in the changeset's transaction.
			return Optional.empty();
		}
		Long datastream = null;
		EntityType streamType = EntityType.DATASTREAM;
		if (collection.parent() != null) {
			streamType = collection.parent().navigation().source();
			if (streamType != EntityType.DATASTREAM && streamType != EntityType.MULTI_DATASTREAM) {
				return Optional.empty();
			}
			datastream = collection.parent().parentId();
		}
		Optional<NewObservation> row = ObservationDrafts.read(body, streamType, datastream, clock.instant(), "");
		if (row.isEmpty()) {
			return Optional.empty();
		}
		long target = row.get().datastreamId();
		String stream = row.get().stream().entityName();
		access.getObject()
			.requireObservations(target, () -> owners.ofDatastream(target).orElse(-1L));
		if (!ObservationIntake.mayExist(target)) {
			throw new InvalidEntityException(stream + " " + target + " does not exist", "/" + stream);
		}
		Long feature = row.get().featureOfInterestId();
		if (feature != null && (!ObservationIntake.mayExist(feature)
				|| !reader.exists(EntityType.FEATURE_OF_INTEREST, feature))) {
			throw new InvalidEntityException("FeatureOfInterest " + feature + " does not exist", "/FeatureOfInterest");
		}
		IngestOutcome outcome = intake.store(List.of(row.get()), call.writer(), options.allowDuplicates()).get(0);
		if (outcome instanceof IngestOutcome.Refused refused) {
			boolean linked = datastream == null;
			throw new InvalidEntityException(refused.reason(), linked && refused.reason().startsWith(stream + " ")
					? "/" + stream : refused.reason().startsWith("the result ") ? "/result"
							: timeField(refused.reason()));
		}
		if (outcome instanceof IngestOutcome.Folded folded) {
			// Nothing to link to: 202 with what became of it, never a 201 for a row soon gone.
			return Optional.of(Reply.json(HttpStatus.ACCEPTED, out -> {
				out.writeStartObject();
				out.writeBooleanProperty("folded", true);
				if (folded.repeated()) {
					out.writeBooleanProperty("duplicate", true);
				}
				out.writeStringProperty("note", folded.note());
				out.writeEndObject();
			}));
		}
		long id = outcome.id();
		String selfLink = call.out().selfLink(EntityType.OBSERVATION, id);
		if (outcome instanceof IngestOutcome.Created) {
			// What the sender sent, as stored: nothing it did not know already.
			NewObservation stored = row.get();
			return Optional.of(Reply.created(EntityType.OBSERVATION, id, selfLink,
					out -> call.out().observation(out, id, stored)));
		}
		if (scope.refusal(target).isPresent()) {
			JsonBody address = out -> address(out, call, EntityType.OBSERVATION, id);
			return Optional.of(outcome instanceof IngestOutcome.Corrected
					? Reply.corrected(EntityType.OBSERVATION, id, selfLink, address)
					: Reply.created(EntityType.OBSERVATION, id, selfLink, address));
		}
		EntityRow existing = reStored(scope, id, row.get());
		if (outcome instanceof IngestOutcome.Corrected) {
			// Nothing new was created: 200 with the corrected Observation and its address, like a PATCH.
			return Optional.of(recorded(scope, new Answer(Reply.corrected(EntityType.OBSERVATION, id, selfLink,
					out -> call.out().entity(out, existing, QueryOptions.NONE)), ObservationsReturned.in(List.of(existing)))));
		}
		return Optional.of(recorded(scope, new Answer(Reply.created(EntityType.OBSERVATION, id, selfLink,
				out -> call.out().entity(out, existing, QueryOptions.NONE)), ObservationsReturned.in(List.of(existing)))));
	}

	/** Where a refusal about one of an Observation's times points: the time it names first. */
	private static String timeField(String reason) {
		for (String field : List.of("phenomenonTime", "resultTime", "validTime")) {
			if (reason.startsWith(field + " ")) {
				return "/" + field;
			}
		}
		return "/";
	}

	/**
	 * The Observation a re-sent one repeats, found through its Datastream and phenomenonTime:
	 * the index on them finds it at once, where a lookup by id alone may read far more.
	 */
	private EntityRow reStored(ReadScope scope, long id, NewObservation row) {
		Navigation observations = row.stream().navigation("Observations").orElseThrow();
		Instant start = row.phenomenonTime().start().truncatedTo(ChronoUnit.MICROS);
		QueryOptions options = QueryOptionsParser.parse(Map.of("$filter",
				"id eq " + id + " and phenomenonTime ge " + start, "$top", "1"));
		List<EntityRow> found = reader.page(scope, EntityType.OBSERVATION,
				new ParentLink(observations, row.datastreamId()), options).rows();
		return found.isEmpty() ? reader.byId(scope, EntityType.OBSERVATION, id, QueryOptions.NONE).orElseThrow()
				: found.get(0);
	}

	/**
	 * The answer to a change that was made: the entity as the caller may read it now, or, for an
	 * Observation of a stream the caller may change but not read, its id and address only.
	 */
	private Reply written(Call call, ReadScope scope, EntityType type, long id, HttpStatus status) {
		String selfLink = call.out().selfLink(type, id);
		if (type == EntityType.OBSERVATION && !reader.mayRead(scope, id)) {
			JsonBody address = out -> address(out, call, type, id);
			return status == HttpStatus.CREATED ? Reply.created(type, id, selfLink, address)
					: Reply.json(status, address);
		}
		EntityRow row = reader.byId(scope, type, id, QueryOptions.NONE).orElseThrow(() -> missing(new Target.Entity(type, id)));
		JsonBody body = out -> call.out().entity(out, row, QueryOptions.NONE);
		return recorded(scope, new Answer(status == HttpStatus.CREATED ? Reply.created(type, id, selfLink, body)
				: Reply.json(status, body), ObservationsReturned.in(List.of(row))));
	}

	private static void address(JsonGenerator out, Call call, EntityType type, long id) {
		out.writeStartObject();
		out.writeNumberProperty("@iot.id", id);
		out.writeStringProperty("@iot.selfLink", call.out().selfLink(type, id));
		out.writeEndObject();
	}

	/** PATCH ({@link DraftReader.Mode#PATCH}) or PUT ({@link DraftReader.Mode#PUT}) of one entity. */
	Reply update(Call call, Supplier<JsonNode> content, DraftReader.Mode mode) {
		ReadScope scope = readAccess.scope(call.reader());
		Target.Entity entity = entityTarget(call, scope, "updated");
		JsonNode body = content.get();
		Draft draft = DraftReader.read(entity.type(), body, mode);
		writer.update(draft, entity.id(), mode == DraftReader.Mode.PUT);
		return written(call, scope, entity.type(), entity.id(), HttpStatus.OK);
	}

	Reply delete(Call call) {
		Target.Entity entity = entityTarget(call, readAccess.scope(call.reader()), "deleted");
		writer.delete(entity.type(), entity.id());
		return Reply.empty(HttpStatus.OK);
	}

	private Target.Entity entityTarget(Call call, ReadScope scope, String verb) {
		Target target = paths.resolve(call.path(), scope);
		if (!(target instanceof Target.Entity entity)) {
			throw new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "only single entities are " + verb
					+ ", addressed as in Things(1)");
		}
		return entity;
	}

	private static ApiException missing(Target.Entity entity) {
		return ApiException.notFound(entity.type().entityName() + " " + entity.id() + " does not exist");
	}

}
