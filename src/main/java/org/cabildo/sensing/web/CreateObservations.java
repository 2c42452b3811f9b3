package org.cabildo.sensing.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.cabildo.platform.ApiException;
import org.cabildo.sensing.WriteAccess;
import org.cabildo.sensing.Writer;
import org.cabildo.sensing.ingest.IngestOutcome;
import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.store.EntityReader;
import org.cabildo.sensing.web.DataArrayRows.Row;
import org.cabildo.sensing.write.NewObservation;
import org.cabildo.sensing.write.Owners;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST CreateObservations} (OGC 18-088, 14.4): many Observations in the DataArray
 * format. The answer is 201 with one entry per row, in order: the selfLink of its
 * Observation (the one already stored, for a re-sent reading) or {@code "error"}. With
 * {@code reasons=true} each entry is an object instead: {@code {"selfLink": ...}} (with
 * {@code "duplicate": true} for a re-sent reading) or {@code {"error": reason, "row": n,
 * "pointer": ...}}, {@code row} being the 0-based position in the answer. Refused rows do
 * not keep the others out, unless {@code atomic=true}: then any refused row makes the
 * request a 400 listing every refusal ({@code errors}), and nothing is stored.
 */
@Component
public class CreateObservations {

	private final ObservationIntake intake;

	private final EntityReader reader;

	private final Clock clock;

	private final Owners owners;

	private final ObjectProvider<WriteAccess> access;

	CreateObservations(ObservationIntake intake, EntityReader reader, Clock clock, Owners owners,
			ObjectProvider<WriteAccess> access) {
		this.intake = intake;
		this.reader = reader;
		this.clock = clock;
		this.owners = owners;
		this.access = access;
	}

	Reply create(Call call, Map<String, String> parameters, Supplier<JsonNode> content) {
		IngestOptions options = IngestOptions.of(parameters);
		List<Row> rows = checked(content.get());
		List<NewObservation> good = good(rows);
		if (options.atomic() && good.size() < rows.size()) {
			throw refused(rows, null);
		}
		List<IngestOutcome> outcomes;
		if (options.atomic()) {
			try {
				outcomes = intake.storeAll(good, call.writer(), options.allowDuplicates());
			}
			catch (ObservationIntake.Refusals e) {
				throw refused(rows, e.outcomes());
			}
		}
		else {
			outcomes = intake.store(good, call.writer(), options.allowDuplicates());
		}
		IngestOutcome[] answers = answers(rows, outcomes);
		EntityJson out = call.out();
		return Reply.json(HttpStatus.CREATED,
				json -> answer(json, out, rows, answers, options.reasons()));
	}

	/**
	 * Stores the rows of a CreateObservations body as a request without {@code atomic=true} does,
	 * with the same checks and the rights of the caller in the security context, for work in the
	 * server's process that must pass the gate every client passes (an import through the API).
	 *
	 * @return the outcome of every row, in the body's order
	 */
	public List<IngestOutcome> store(JsonNode body, Writer writer) {
		List<Row> rows = checked(body);
		return List.of(answers(rows, intake.store(good(rows), writer, false)));
	}

	/** The rows of a body, with those refused that name a missing feature or a stream the caller may not write to. */
	private List<Row> checked(JsonNode body) {
		return refuseUnauthorised(refuseUnknownFeatures(DataArrayRows.read(body, clock.instant())));
	}

	private static List<NewObservation> good(List<Row> rows) {
		List<NewObservation> good = new ArrayList<>(rows.size());
		for (Row row : rows) {
			if (!row.isRefused()) {
				good.add(row.observation());
			}
		}
		return good;
	}

	/** Every row's outcome: its refusal, or what the store answered for it. */
	private static IngestOutcome[] answers(List<Row> rows, List<IngestOutcome> stored) {
		IngestOutcome[] answers = new IngestOutcome[rows.size()];
		int next = 0;
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			answers[i] = row.isRefused() ? new IngestOutcome.Refused(row.reason()) : stored.get(next++);
		}
		return answers;
	}

	/** Rows into a Datastream the caller may not write to are refused, each with the reason. */
	private List<Row> refuseUnauthorised(List<Row> rows) {
		WriteAccess rules = access.getObject();
		Map<Long, java.util.Optional<String>> refusals = new java.util.HashMap<>();
		List<Row> checked = new ArrayList<>(rows.size());
		for (Row row : rows) {
			if (row.isRefused()) {
				checked.add(row);
				continue;
			}
			long datastream = row.observation().datastreamId();
			java.util.Optional<String> refusal = refusals.computeIfAbsent(datastream, id -> rules
				.observationsRefused(id, () -> owners.ofDatastream(id).orElse(-1L)));
			checked.add(refusal.isPresent() ? row.refuse(refusal.get(), row.pointer()) : row);
		}
		return checked;
	}

	/** Rows naming a FeatureOfInterest that does not exist are refused here, before they reach the store. */
	private List<Row> refuseUnknownFeatures(List<Row> rows) {
		Set<Long> named = new HashSet<>();
		rows.forEach(row -> {
			if (!row.isRefused() && row.observation().featureOfInterestId() != null) {
				named.add(row.observation().featureOfInterestId());
			}
		});
		Set<Long> missing = new HashSet<>();
		for (long feature : named) {
			if (!ObservationIntake.mayExist(feature) || !reader.exists(EntityType.FEATURE_OF_INTEREST, feature)) {
				missing.add(feature);
			}
		}
		if (missing.isEmpty()) {
			return rows;
		}
		List<Row> checked = new ArrayList<>(rows.size());
		for (Row row : rows) {
			Long feature = row.isRefused() ? null : row.observation().featureOfInterestId();
			checked.add(feature != null && missing.contains(feature)
					? row.refuse("FeatureOfInterest " + feature + " does not exist", row.featureAt()) : row);
		}
		return checked;
	}

	/** The 400 of an all-or-nothing request: every refused row, with its reason and where. */
	private static ApiException refused(List<Row> rows, List<IngestOutcome> stored) {
		List<Map<String, Object>> errors = new ArrayList<>();
		int next = 0;
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			String reason = row.reason();
			String at = row.at();
			if (!row.isRefused()) {
				IngestOutcome outcome = stored == null ? null : stored.get(next++);
				if (!(outcome instanceof IngestOutcome.Refused refusal)) {
					continue;
				}
				reason = refusal.reason();
				at = row.pointer();
			}
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("error", reason);
			error.put("row", i);
			error.put("pointer", at);
			errors.add(error);
		}
		return ApiException.badRequest(errors.size() + " of " + rows.size()
				+ " observations are refused; with atomic=true none was stored").with("errors", errors);
	}

	private static void answer(JsonGenerator json, EntityJson out, List<Row> rows, IngestOutcome[] answers,
			boolean reasons) {
		json.writeStartArray();
		for (int i = 0; i < answers.length; i++) {
			IngestOutcome answer = answers[i];
			if (!reasons) {
				json.writeString(answer instanceof IngestOutcome.Refused ? "error"
						: answer instanceof IngestOutcome.Folded ? "folded"
								: out.selfLink(EntityType.OBSERVATION, answer.id()));
				continue;
			}
			json.writeStartObject();
			switch (answer) {
				case IngestOutcome.Created created ->
					json.writeStringProperty("selfLink", out.selfLink(EntityType.OBSERVATION, created.id()));
				case IngestOutcome.Duplicate duplicate -> {
					json.writeStringProperty("selfLink", out.selfLink(EntityType.OBSERVATION, duplicate.id()));
					json.writeBooleanProperty("duplicate", true);
				}
				case IngestOutcome.Corrected corrected -> {
					json.writeStringProperty("selfLink", out.selfLink(EntityType.OBSERVATION, corrected.id()));
					json.writeBooleanProperty("corrected", true);
				}
				case IngestOutcome.Folded folded -> {
					json.writeBooleanProperty("folded", true);
					if (folded.repeated()) {
						json.writeBooleanProperty("duplicate", true);
					}
					json.writeStringProperty("note", folded.note());
					json.writeNumberProperty("row", i);
				}
				case IngestOutcome.Refused refused -> {
					Row row = rows.get(i);
					json.writeStringProperty("error", refused.reason());
					json.writeNumberProperty("row", i);
					json.writeStringProperty("pointer", row.isRefused() ? row.at() : row.pointer());
				}
			}
			json.writeEndObject();
		}
		json.writeEndArray();
	}

}
