package org.cabildo.importing.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.cabildo.governance.DeclarationDraft;
import org.cabildo.governance.DeclarationTemplate;
import org.cabildo.governance.Templates;
import org.cabildo.identity.Caller;
import org.cabildo.importing.DataArray;
import org.cabildo.importing.ImportFailure;
import org.cabildo.importing.ImportMapping;
import org.cabildo.importing.ImportSink;
import org.cabildo.sensing.ObservationOutcome;
import org.cabildo.sensing.SensorThings;
import org.cabildo.sensing.Writer;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sink of an import through the API: the server's own process, but as the caller who
 * started it, never as the platform. Every write is the one a client's request makes (entities
 * as a POST, Observations as a CreateObservations body), so the same gate applies: the caller's
 * roles, the declaration, result checks, duplicates and corrections. Each call checks first
 * whether the import is to stop (cancelled, or the server stopping).
 */
final class CallerSink implements ImportSink {

	private final SensorThings things;

	private final Templates templates;

	private final JsonMapper json;

	private final Caller caller;

	private final long organisation;

	private final BooleanSupplier stopping;

	CallerSink(SensorThings things, Templates templates, JsonMapper json, Caller caller, long organisation,
			BooleanSupplier stopping) {
		this.things = things;
		this.templates = templates;
		this.json = json;
		this.caller = caller;
		this.organisation = organisation;
		this.stopping = stopping;
	}

	/** The import is to stop: the batch in hand is not sent. */
	static final class Stopped extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Stopped() {
			super("the import was stopped", null, false, false);
		}

	}

	@Override
	public Optional<Long> findFirst(String entitySet, String filter) {
		return asCaller(() -> things.findFirst(entitySet, filter));
	}

	@Override
	public long create(String entitySet, ObjectNode entity) {
		return asCaller(() -> things.create(entitySet, entity, writer()));
	}

	@Override
	public List<Outcome> store(List<Observation> observations) {
		DataArray batch = new DataArray(observations);
		List<ObservationOutcome> stored = asCaller(() -> things.createObservations(batch.body(), writer()));
		return batch.inBatchOrder(stored.stream().map(CallerSink::outcome).toList());
	}

	private static Outcome outcome(ObservationOutcome stored) {
		return switch (stored.kind()) {
			case REFUSED -> new Outcome.Refused(stored.reason());
			case DUPLICATE -> Outcome.DUPLICATE;
			case CORRECTED -> Outcome.CORRECTED;
			case CREATED -> Outcome.CREATED;
			case FOLDED -> Outcome.FOLDED;
		};
	}

	/** As the HTTP sink: the organisation's template if it has one, else the mapping's, published by the caller (a steward). */
	@Override
	public void ensureTemplate(ImportMapping.Declaration declaration) {
		asCaller(() -> {
			if (!templates.organisationHasOne(organisation)) {
				Map<String, Object> template = declaration.template();
				if (template == null) {
					throw ImportFailure.noTemplate(declaration.organisation());
				}
				templates.publish(DeclarationTemplate.Scope.ORGANISATION, organisation,
						json.convertValue(template, DeclarationDraft.class), caller.name());
			}
			return null;
		});
	}

	/** Two batches at once: the next is read and encoded while the writers store the last. */
	@Override
	public int parallelism() {
		return 2;
	}

	/** The caller who started the import, as a correction's revision names its writer. */
	private Writer writer() {
		return caller.isDevice() ? Writer.device(caller.name()) : Writer.person(caller.name());
	}

	private <T> T asCaller(Supplier<T> work) {
		if (stopping.getAsBoolean()) {
			throw new Stopped();
		}
		return caller.onBehalf(organisation, work);
	}

}
