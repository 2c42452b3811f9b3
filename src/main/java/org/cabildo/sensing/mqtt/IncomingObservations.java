package org.cabildo.sensing.mqtt;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongPredicate;

import org.cabildo.platform.ApiException;
import org.cabildo.platform.JsonText;
import org.cabildo.platform.Platform;
import org.cabildo.sensing.Writer;
import org.cabildo.sensing.IngestSettings;
import org.cabildo.sensing.ingest.IngestBusyException;
import org.cabildo.sensing.ingest.IngestOutcome;
import org.cabildo.sensing.ingest.ObservationIngest;
import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.sql.ParentLink;
import org.cabildo.sensing.write.DraftReader;
import org.cabildo.sensing.write.EntityWriter;
import org.cabildo.sensing.write.NewObservation;
import org.cabildo.sensing.write.ObservationDrafts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Observations published over MQTT, whichever broker carried them: each is checked as a POST
 * body would be and queued for the next group commit of {@link ObservationIngest}. Nothing here
 * blocks the caller's thread; waiting for room in a full queue happens on a virtual thread.
 */
class IncomingObservations {

	private static final Logger log = LoggerFactory.getLogger(IncomingObservations.class);

	private final ObservationIngest ingest;

	private final EntityWriter writer;

	private final IngestSettings settings;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.shared();

	private final ExecutorService waiting = Executors.newVirtualThreadPerTaskExecutor();

	IncomingObservations(ObservationIngest ingest, EntityWriter writer, IngestSettings settings, Clock clock) {
		this.ingest = ingest;
		this.writer = writer;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Takes one publish.
	 *
	 * @param untilStored whether the receipt waits for the commit (QoS 1 and 2) or only for a
	 * place in the queue (QoS 0)
	 * @param writable the Datastreams the publisher may create Observations in (asked with a
	 * negative id for one the Observation would create)
	 * @param writer who publishes, recorded with any correction the Observation makes
	 * @return the receipt; it never completes exceptionally
	 */
	CompletableFuture<Receipt> take(String topic, byte[] payload, boolean untilStored, LongPredicate writable,
			Writer writer) {
		Optional<Topics.Creation> creation = Topics.creation(topic);
		if (creation.isEmpty()) {
			return refused(Receipt.Fault.TOPIC, "Observations are created by publishing to v1.1/Datastreams(id)/Observations"
					+ ", v1.1/MultiDatastreams(id)/Observations or v1.1/Observations, not to " + topic);
		}
		Long datastream = creation.get().datastream();
		EntityType stream = creation.get().stream();
		JsonNode body;
		try {
			body = json.readTree(payload);
		}
		catch (JacksonException e) {
			return refused(Receipt.Fault.PAYLOAD, "the payload is not JSON: " + JsonText.whyNotJson(e));
		}
		if (body == null || !body.isObject()) {
			return refused(Receipt.Fault.PAYLOAD, "the payload must be one Observation as a JSON object");
		}
		try {
			JsonText.requireValid(body);
		}
		catch (ApiException e) {
			return refused(Receipt.Fault.PAYLOAD, e.getMessage());
		}
		Optional<NewObservation> row;
		try {
			row = ObservationDrafts.read(body, stream, datastream, clock.instant(), "");
		}
		catch (ApiException e) {
			return refused(Receipt.Fault.CONTENT, e.getMessage());
		}
		catch (RuntimeException e) {
			log.warn("An Observation published on {} could not be read", topic, e);
			return refused(Receipt.Fault.CONTENT, "the Observation could not be read: " + e.getMessage());
		}
		long target = row.isPresent() ? row.get().datastreamId() : datastream != null ? datastream : linked(body);
		if (!writable.test(target)) {
			String named = row.isPresent() ? row.get().stream().entityName() : stream.entityName();
			return refused(Receipt.Fault.NOT_AUTHORISED, target < 0 ? "not authorised to create a Datastream"
					: "not authorised to create Observations in " + named + " " + target);
		}
		if (row.isEmpty()) {
			// It creates its FeatureOfInterest inline: the entity writer does that, in its own transaction,
			// as the platform on behalf of a publisher the broker has just found allowed to write here.
			return CompletableFuture.supplyAsync(
					() -> Platform.runAs("MQTT publish on " + topic, () -> createWithFeature(body, stream, datastream, writer)),
					waiting);
		}
		return submit(row.get(), writer, untilStored);
	}

	/** The Datastream (or MultiDatastream) a payload links to by id; -1 when it has one inline, to be created. */
	private static long linked(JsonNode body) {
		JsonNode id = (body.has("MultiDatastream") ? body.path("MultiDatastream") : body.path("Datastream"))
			.path("@iot.id");
		return id.isIntegralNumber() && id.canConvertToLong() ? id.asLong() : -1;
	}

	private CompletableFuture<Receipt> submit(NewObservation row, Writer writer, boolean untilStored) {
		CompletableFuture<List<IngestOutcome>> committed;
		try {
			committed = ingest.submit(List.of(row), writer, false, Duration.ZERO);
		}
		catch (IngestBusyException busy) {
			// The queue is full: wait for room off the broker's threads. A client's next publishes
			// wait behind this one (and the external broker's behind the in-flight few), so the
			// waiting is bounded.
			return CompletableFuture.supplyAsync(() -> ingest.submit(List.of(row), writer, false, settings.mqttWait()), waiting)
				.thenCompose(future -> receipt(future, untilStored))
				.exceptionally(IncomingObservations::failed);
		}
		catch (RuntimeException e) {
			return CompletableFuture.completedFuture(failed(e));
		}
		return receipt(committed, untilStored);
	}

	private CompletableFuture<Receipt> receipt(CompletableFuture<List<IngestOutcome>> committed, boolean untilStored) {
		CompletableFuture<Receipt> stored = committed.handle((outcomes, error) -> error != null ? failed(error)
				: switch (outcomes.get(0)) {
					case IngestOutcome.Created created -> new Receipt.Stored(created.id());
					case IngestOutcome.Duplicate duplicate -> new Receipt.Stored(duplicate.id());
					case IngestOutcome.Corrected corrected -> new Receipt.Stored(corrected.id());
					case IngestOutcome.Folded folded -> new Receipt.Folded(folded.note());
					case IngestOutcome.Refused refused -> new Receipt.Refused(Receipt.Fault.CONTENT, refused.reason());
				});
		if (untilStored) {
			return stored;
		}
		stored.thenAccept(receipt -> {
			if (!(receipt instanceof Receipt.Stored)) {
				log.info("An Observation published with QoS 0 was not stored: {}", receipt);
			}
		});
		return CompletableFuture.completedFuture(new Receipt.Queued());
	}

	private Receipt createWithFeature(JsonNode body, EntityType stream, Long datastream, Writer by) {
		try {
			ParentLink parent = datastream == null ? null
					: new ParentLink(stream.navigation("Observations").orElseThrow(), datastream);
			long id = writer.create(DraftReader.read(EntityType.OBSERVATION, body, DraftReader.Mode.CREATE, ""), parent, by);
			return new Receipt.Stored(id);
		}
		catch (ApiException e) {
			return new Receipt.Refused(Receipt.Fault.CONTENT, e.getMessage());
		}
		catch (RuntimeException e) {
			return failed(e);
		}
	}

	private static Receipt failed(Throwable error) {
		Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
		if (cause instanceof IngestBusyException busy) {
			return new Receipt.Failed(true, busy.getMessage());
		}
		log.warn("An Observation published over MQTT could not be stored", cause);
		return new Receipt.Failed(false, "the Observation could not be stored; send it again later");
	}

	private static CompletableFuture<Receipt> refused(Receipt.Fault fault, String reason) {
		return CompletableFuture.completedFuture(new Receipt.Refused(fault, reason));
	}

}
