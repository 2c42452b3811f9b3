package org.cabildo.sensing.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.cabildo.sensing.IngestSettings;
import org.cabildo.sensing.Writer;
import org.cabildo.sensing.ingest.IngestOutcome;
import org.cabildo.sensing.ingest.ObservationIngest;
import org.cabildo.sensing.write.NewObservation;
import org.cabildo.sensing.write.ObservationPartitions;
import org.cabildo.sensing.write.ObservationStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in the observations that HTTP requests create without creating other entities. On
 * their own they go through the group-commit writer, so that concurrent requests share
 * commits, and the request waits for its commit; inside a transaction (a changeset of a
 * batch) they are written in it. Either way they are stored by the same store, which
 * refuses the same rows and recognises the same re-sent readings.
 */
@Component
class ObservationIntake {

	private final ObservationIngest ingest;

	private final ObservationStore store;

	private final ObservationPartitions partitions;

	private final IngestSettings settings;

	private final TransactionTemplate transaction;

	ObservationIntake(ObservationIngest ingest, ObservationStore store, ObservationPartitions partitions,
			IngestSettings settings, PlatformTransactionManager transactions) {
		this.ingest = ingest;
		this.store = store;
		this.partitions = partitions;
		this.settings = settings;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Stores rows, each on its own: a row the store refuses does not keep the others out.
	 *
	 * @return the outcome of each row, in order, once committed (or written in the caller's
	 * transaction)
	 * @throws org.cabildo.sensing.ingest.IngestBusyException when the writer's queue has no room
	 */
	List<IngestOutcome> store(List<NewObservation> rows, Writer writer, boolean allowDuplicates) {
		if (rows.isEmpty()) {
			return List.of();
		}
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return append(rows, writer, allowDuplicates);
		}
		try {
			return ingest.submit(rows, writer, allowDuplicates, settings.httpWait()).join();
		}
		catch (CompletionException e) {
			throw e.getCause() instanceof RuntimeException cause ? cause : e;
		}
	}

	/**
	 * Stores all rows or none, in one transaction (the caller's, if there is one).
	 *
	 * @throws Refusals when the store refuses any row; nothing is stored then
	 */
	List<IngestOutcome> storeAll(List<NewObservation> rows, Writer writer, boolean allowDuplicates) {
		if (rows.isEmpty()) {
			return List.of();
		}
		return transaction.execute(status -> {
			List<IngestOutcome> outcomes = append(rows, writer, allowDuplicates);
			if (outcomes.stream().anyMatch(IngestOutcome.Refused.class::isInstance)) {
				throw new Refusals(outcomes);
			}
			return outcomes;
		});
	}

	/**
	 * Whether an id can name a Datastream or FeatureOfInterest at all: their ids are 32-bit
	 * integers, and asking the database for a larger one is an error rather than "none".
	 */
	static boolean mayExist(long id) {
		return id >= Integer.MIN_VALUE && id <= Integer.MAX_VALUE;
	}

	private List<IngestOutcome> append(List<NewObservation> rows, Writer writer, boolean allowDuplicates) {
		List<Instant> times = new ArrayList<>(rows.size());
		rows.forEach(row -> times.add(row.phenomenonTime().start()));
		partitions.ensure(times);
		return store.append(rows, writer, allowDuplicates);
	}

	/** The store refused rows of an all-or-nothing request, which was rolled back. */
	static final class Refusals extends RuntimeException {

		private final transient List<IngestOutcome> outcomes;

		Refusals(List<IngestOutcome> outcomes) {
			super("observations were refused", null, false, false);
			this.outcomes = outcomes;
		}

		List<IngestOutcome> outcomes() {
			return outcomes;
		}

	}

}
