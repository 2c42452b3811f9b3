package org.cabildo.sensing.write;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.TreeSet;

import org.cabildo.sensing.ingest.EntityChanged;
import org.cabildo.sensing.ingest.IngestOutcome;
import org.cabildo.sensing.ObservationsCorrected;
import org.cabildo.sensing.Writer;
import org.cabildo.sensing.ingest.ObservationsCreated;
import org.cabildo.sensing.CollectionGate;
import org.cabildo.sensing.model.EntityType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.cabildo.sensing.rollup.ChangedHours;
import org.cabildo.sensing.sql.SqlFragment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes and removes observations, keeping their datastreams' statistics current. Every path
 * that creates observations (a POST, a deep insert, a batch, MQTT, the demo loader) comes
 * through {@link #append}, so every path refuses the same duplicates. Callers hold the
 * transaction and have made sure the time partitions exist.
 */
@Component
public class ObservationStore {

	private final JdbcClient jdbc;

	private final DatastreamStatistics statistics;

	private final FeatureResolver features;

	private final Duplicates duplicates;

	private final ObservationInserter inserter;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<CollectionGate> gate;

	private final LocalTimes localTimes;

	private final ResultChecks results;

	private final ObservationCorrections corrections;

	private final ChangedHours changedHours;

	ObservationStore(JdbcClient jdbc, DatastreamStatistics statistics, FeatureResolver features,
			Duplicates duplicates, ObservationInserter inserter, ApplicationEventPublisher events,
			ObjectProvider<CollectionGate> gate, LocalTimes localTimes, ResultChecks results,
			ObservationCorrections corrections, ChangedHours changedHours) {
		this.corrections = corrections;
		this.changedHours = changedHours;
		this.localTimes = localTimes;
		this.results = results;
		this.gate = gate;
		this.events = events;
		this.jdbc = jdbc;
		this.statistics = statistics;
		this.features = features;
		this.duplicates = duplicates;
		this.inserter = inserter;
	}

	/**
	 * Stores observations, one outcome per row in order. A row is refused when its datastream
	 * does not exist (or its Thing has no Location to make its feature of interest from); a
	 * row is refused too when its datastream may not collect ({@link CollectionGate}); a row past
	 * its stream's retention is folded into the aggregates kept or refused ({@link PastRetention}); a
	 * row whose datastream already holds the same phenomenonTime and result is a duplicate, and one
	 * with another result corrects what that time holds (stored, or made by an earlier row of
	 * these) where its stream corrects ({@link Duplicates#find}), unless {@code allowDuplicates};
	 * {@code writer} is recorded with each correction; a row whose result its stream does not accept
	 * ({@link StreamRules}: its observationType, valid range, sentinels) is refused with the
	 * reason. The rows' datastreams are locked (in id order, so that concurrent writers cannot
	 * deadlock) for the rest of the transaction, which makes the check for duplicates hold
	 * between concurrent writers and nodes.
	 */
	public List<IngestOutcome> append(List<NewObservation> rows, Writer writer, boolean allowDuplicates) {
		return append(rows, java.util.Collections.nCopies(rows.size(), writer), allowDuplicates);
	}

	/**
	 * The same for rows of several writers (a group commit): {@code writers} names the writer of
	 * each row, by position, so that a correction records whose row made it.
	 */
	public List<IngestOutcome> append(List<NewObservation> rows, List<Writer> writers, boolean allowDuplicates) {
		if (writers.size() != rows.size() || writers.stream().anyMatch(java.util.Objects::isNull)) {
			throw new IllegalArgumentException("every row names its writer: " + rows.size() + " rows, writers " + writers);
		}
		IngestOutcome[] outcomes = new IngestOutcome[rows.size()];
		Map<Long, DatastreamState> datastreams = lock(rows);
		CollectionGate collecting = gate.getIfAvailable(() -> CollectionGate.OPEN);
		Map<Long, Optional<String>> refusals = new HashMap<>();
		PastRetention pastRetention = new PastRetention(collecting);
		LocalTimes.Reading localTimes = this.localTimes.reading();
		Set<Long> knownFeatures = existingFeatures(rows);
		List<NewObservation> resolved = new ArrayList<>(rows.size());
		List<Integer> positions = new ArrayList<>(rows.size());
		Map<Long, StreamRules> rules = results.of(datastreams.keySet());
		for (int i = 0; i < rows.size(); i++) {
			// Stored as the databases store times, so that a re-sent reading compares equal.
			NewObservation row = rows.get(i).toMicros();
			DatastreamState state = datastreams.get(row.datastreamId());
			// A Datastream's id never names a MultiDatastream, nor the other way round.
			if (state == null || state.isMulti() != (row.stream() == EntityType.MULTI_DATASTREAM)) {
				outcomes[i] = new IngestOutcome.Refused(
						row.stream().entityName() + " " + row.datastreamId() + " does not exist");
				continue;
			}
			Optional<String> refusal = refusals.computeIfAbsent(row.datastreamId(), collecting::refusal);
			if (refusal.isPresent()) {
				outcomes[i] = new IngestOutcome.Refused(refusal.get());
				continue;
			}
			try {
				row = localTimes.read(row);
			}
			catch (IllegalArgumentException e) {
				outcomes[i] = new IngestOutcome.Refused(e.getMessage());
				continue;
			}
			if (state.isMulti()) {
				Optional<String> misfit = MultiResults.refusal(row.datastreamId(), state.components(), row.result());
				if (misfit.isPresent()) {
					outcomes[i] = new IngestOutcome.Refused(misfit.get());
					continue;
				}
			}
			Optional<String> invalid = ResultChecks.refusal(rules.get(row.datastreamId()), row);
			if (invalid.isPresent()) {
				outcomes[i] = new IngestOutcome.Refused(invalid.get());
				continue;
			}
			// Only a result its stream accepts may be folded into the aggregates kept after retention.
			Optional<IngestOutcome> past = pastRetention.outcome(row, i);
			if (past.isPresent()) {
				outcomes[i] = past.get();
				continue;
			}
			if (row.featureOfInterestId() != null && !knownFeatures.contains(row.featureOfInterestId())) {
				outcomes[i] = new IngestOutcome.Refused(
						"FeatureOfInterest " + row.featureOfInterestId() + " does not exist");
				continue;
			}
			if (row.featureOfInterestId() == null) {
				try {
					row = row.withFeature(features.forDatastream(row.datastreamId(), ""));
				}
				catch (InvalidEntityException e) {
					outcomes[i] = new IngestOutcome.Refused(e.getMessage());
					continue;
				}
			}
			resolved.add(row);
			positions.add(i);
		}
		List<Duplicates.Verdict> verdicts = allowDuplicates ? Duplicates.none(resolved.size())
				: duplicates.find(resolved, datastreams, stream -> corrects(rules.get(stream)));
		List<NewObservation> fresh = new ArrayList<>(resolved.size());
		for (int i = 0; i < resolved.size(); i++) {
			if (verdicts.get(i) instanceof Duplicates.Verdict.Fresh) {
				fresh.add(resolved.get(i));
			}
		}
		pastRetention.fold().forEach((position, outcome) -> outcomes[position] = outcome);
		long[] ids = inserter.insert(fresh);
		statistics.added(fresh);
		announceAfterCommit(ids, fresh);
		long[] idOfResolved = new long[resolved.size()];
		int next = 0;
		for (int i = 0; i < resolved.size(); i++) {
			if (verdicts.get(i) instanceof Duplicates.Verdict.Fresh) {
				idOfResolved[i] = ids[next++];
			}
		}
		// Same time, another result: corrects the held one (stored, or made by an earlier row), in row order.
		List<ObservationCorrections.Correction> corrected = new ArrayList<>();
		for (int i = 0; i < resolved.size(); i++) {
			Duplicates.Verdict verdict = verdicts.get(i);
			int position = positions.get(i);
			outcomes[position] = switch (verdict) {
				case Duplicates.Verdict.Fresh created -> new IngestOutcome.Created(idOfResolved[i]);
				case Duplicates.Verdict.Repeats repeats -> new IngestOutcome.Duplicate(id(repeats.holder(), idOfResolved));
				case Duplicates.Verdict.Corrects corrects -> {
					long id = id(corrects.holder(), idOfResolved);
					corrected.add(new ObservationCorrections.Correction(id, resolved.get(i), writers.get(position)));
					yield new IngestOutcome.Corrected(id);
				}
			};
		}
		if (!corrected.isEmpty()) {
			List<ObservationsCorrected.Correction> done = corrections.apply(corrected);
			publishAfterCommit(new ObservationsCorrected(done));
			// Subscribers hear of a correction as of a PATCH of the result.
			done.stream().map(ObservationsCorrected.Correction::observation).distinct().forEach(id -> publishAfterCommit(
					new EntityChanged(EntityType.OBSERVATION, id, EntityChanged.Change.UPDATED, Set.of("result"))));
		}
		return List.of(outcomes);
	}

	/** Whether a stream corrects a stored result with another for the same time (the default) rather than keep both. */
	private static boolean corrects(StreamRules rules) {
		return rules == null || rules.corrections() == StreamRules.Corrections.CORRECT;
	}

	private static long id(Duplicates.Holder holder, long[] idOfResolved) {
		return switch (holder) {
			case Duplicates.Holder.Stored stored -> stored.id();
			case Duplicates.Holder.Row row -> idOfResolved[row.index()];
		};
	}

	private void announceAfterCommit(long[] ids, List<NewObservation> observations) {
		if (ids.length == 0) {
			return;
		}
		publishAfterCommit(new ObservationsCreated(ids, List.copyOf(observations)));
	}

	private void publishAfterCommit(Object event) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					events.publishEvent(event);
				}
			});
		}
		else {
			events.publishEvent(event);
		}
	}

	/** Stores one observation and returns its id, or the id of the one it duplicates. */
	public long insert(NewObservation observation, Writer writer) {
		IngestOutcome outcome = append(List.of(observation), writer, false).get(0);
		if (outcome instanceof IngestOutcome.Refused refused) {
			throw new InvalidEntityException(refused.reason(), "");
		}
		if (outcome instanceof IngestOutcome.Folded folded) {
			// Its fold is rolled back with the request: say so, rather than what a POST of it alone is told.
			throw new InvalidEntityException("an Observation past its stream's retention is not created within another"
					+ " entity or a changeset, where it could be neither stored nor folded into aggregates; post it to"
					+ " the stream's Observations on its own (" + folded.note().substring(0, folded.note().indexOf(";"))
					+ ")", "/phenomenonTime");
		}
		return outcome.id();
	}

	/**
	 * The datastreams (and MultiDatastreams) of the rows, locked, with the latest time each holds
	 * and, for a MultiDatastream, how many ObservedProperties it has.
	 */
	private Map<Long, DatastreamState> lock(List<NewObservation> rows) {
		Map<Long, DatastreamState> states = new HashMap<>();
		for (List<Long> chunk : chunks(ids(rows, NewObservation::datastreamId))) {
			List<Long> multi = new ArrayList<>();
			jdbc.sql("SELECT id, phenomenon_time_end, multi FROM streams WHERE id IN (" + placeholders(chunk.size())
					+ ") ORDER BY id FOR UPDATE")
				.params(new ArrayList<Object>(chunk))
				.query((rs, n) -> {
					var end = rs.getObject(2, java.time.OffsetDateTime.class);
					return new DatastreamState(rs.getLong(1), end == null ? null : end.toInstant(),
							rs.getBoolean(3) ? 0 : null);
				})
				.list()
				.forEach(state -> {
					states.put(state.id(), state);
					if (state.isMulti()) {
						multi.add(state.id());
					}
				});
			if (!multi.isEmpty()) {
				jdbc.sql("SELECT datastream_id, COUNT(*) FROM multi_datastream_observed_properties WHERE datastream_id IN ("
						+ placeholders(multi.size()) + ") GROUP BY datastream_id")
					.params(new ArrayList<Object>(multi))
					.query((rs, n) -> new DatastreamState(rs.getLong(1), states.get(rs.getLong(1)).latest(),
							rs.getInt(2)))
					.list()
					.forEach(state -> states.put(state.id(), state));
			}
		}
		return states;
	}

	/** Of the features of interest the rows name, those that exist. */
	private Set<Long> existingFeatures(List<NewObservation> rows) {
		Set<Long> existing = new HashSet<>();
		for (List<Long> chunk : chunks(ids(rows, NewObservation::featureOfInterestId))) {
			existing.addAll(jdbc.sql("SELECT id FROM features_of_interest WHERE id IN (" + placeholders(chunk.size())
					+ ")").params(new ArrayList<Object>(chunk)).query(Long.class).list());
		}
		return existing;
	}

	/**
	 * The distinct ids, in order, that can exist at all: ids of datastreams and features are
	 * 32-bit, and asking a database about a larger one is an error rather than "none".
	 */
	private static List<Long> ids(List<NewObservation> rows, Function<NewObservation, Long> id) {
		TreeSet<Long> ids = new TreeSet<>();
		for (NewObservation row : rows) {
			Long value = id.apply(row);
			if (value != null && value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
				ids.add(value);
			}
		}
		return new ArrayList<>(ids);
	}

	private static List<List<Long>> chunks(List<Long> ids) {
		List<List<Long>> chunks = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += 500) {
			chunks.add(ids.subList(from, Math.min(ids.size(), from + 500)));
		}
		return chunks;
	}

	static String placeholders(int count) {
		return String.join(", ", java.util.Collections.nCopies(count, "?"));
	}

	/**
	 * Removes the observations matching a condition on alias {@code t0}.
	 *
	 * @return how many were removed
	 */
	public int delete(SqlFragment condition) {
		List<Long> datastreams = jdbc
			.sql("SELECT DISTINCT t0.datastream_id FROM observations t0 WHERE " + condition.text())
			.params(condition.parameters())
			.query(Long.class)
			.list();
		changedHours.noteStored(condition);
		// Earlier results do not outlive their Observation.
		jdbc.sql("DELETE FROM observation_revisions WHERE observation_id IN (SELECT t0.id FROM observations t0 WHERE "
				+ condition.text() + ")")
			.params(condition.parameters())
			.update();
		int removed = jdbc.sql("DELETE FROM observations t0 WHERE " + condition.text())
			.params(condition.parameters())
			.update();
		statistics.recompute(datastreams);
		return removed;
	}

	/** Removes every observation of some datastreams that are about to be deleted themselves. */
	public void deleteOfDatastreams(Collection<Long> datastreams) {
		for (long datastream : datastreams) {
			jdbc.sql("DELETE FROM observation_revisions WHERE datastream_id = ?").param(datastream).update();
			jdbc.sql("DELETE FROM observations WHERE datastream_id = ?").param(datastream).update();
			// Rollups go with their stream, as nothing can be rolled up into them again.
			for (String rollups : List.of("rollup_hours", "rollup_days", "rollup_pending")) {
				jdbc.sql("DELETE FROM " + rollups + " WHERE datastream_id = ?").param(datastream).update();
			}
		}
	}

	/**
	 * Notes, in the caller's transaction, that the rollups of an Observation's hour no longer hold:
	 * before it is changed or moved, and again after.
	 */
	public void changingObservation(long observation) {
		changedHours.noteStored(SqlFragment.concat("t0.id = ", SqlFragment.bind(observation)));
	}

	/** After observations were removed by a path other than {@link #delete}: recounts the datastreams. */
	public void recompute(Collection<Long> datastreams) {
		statistics.recompute(datastreams);
	}

	void featureChanged(long feature) {
		statistics.featureChanged(feature);
	}

}
