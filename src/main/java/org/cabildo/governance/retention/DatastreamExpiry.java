package org.cabildo.governance.retention;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.cabildo.governance.AccessLedger;
import org.cabildo.governance.Declaration;
import org.cabildo.governance.LedgerEvent;
import org.cabildo.governance.RetentionPeriod;
import org.cabildo.platform.CityTime;
import org.cabildo.sensing.ObservationExpiry;
import org.cabildo.sensing.ObservationExpiry.Expiring;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The expiry of one Datastream's raw Observations. Each batch is one short transaction that
 * locks the oldest expired rows, adds their aggregates to the stored ones (if the declaration
 * keeps aggregates) and removes them: an aggregate is never counted twice nor lost, however
 * batches cut an interval, and a rerun finds nothing left to do.
 *
 * <p>On PostgreSQL, whole months whose rows are all expired with nothing to keep are dropped
 * before this runs ({@link PartitionDrops}).
 */
@Component
class DatastreamExpiry {

	private final ObservationExpiry observations;

	private final ObservationAggregates aggregates;

	private final AccessLedger ledger;

	private final TransactionTemplate transaction;

	private final CityTime city;

	DatastreamExpiry(ObservationExpiry observations, ObservationAggregates aggregates, AccessLedger ledger,
			PlatformTransactionManager transactions, CityTime city) {
		this.city = city;
		this.observations = observations;
		this.aggregates = aggregates;
		this.ledger = ledger;
		this.transaction = new TransactionTemplate(transactions);
	}

	private record Batch(int removed, Instant earliest, Instant latest, Set<Instant> intervals) {
	}

	/** Removes what is due before the cutoff; empty when nothing was. */
	Optional<RetentionReport.Removal> expire(Declaration declaration, Instant cutoff, int batchSize) {
		long datastream = declaration.datastreamId();
		RetentionPeriod granularity = declaration.retention().keepsAggregates()
				? declaration.retention().aggregatePeriod() : null;
		// Aggregates: only whole intervals before the cutoff; the one it falls in waits for a later run.
		Instant before = granularity == null ? cutoff : Interval.containing(cutoff, granularity, city.zone()).start();
		long removed = 0;
		Instant earliest = null;
		Instant latest = null;
		Set<Instant> intervals = new java.util.HashSet<>();
		while (true) {
			Batch batch = transaction.execute(status -> batch(datastream, before, granularity, batchSize));
			if (batch.removed() == 0) {
				break;
			}
			removed += batch.removed();
			earliest = earliest == null || batch.earliest().isBefore(earliest) ? batch.earliest() : earliest;
			latest = latest == null || batch.latest().isAfter(latest) ? batch.latest() : latest;
			intervals.addAll(batch.intervals());
			if (batch.removed() < batchSize) {
				break;
			}
		}
		if (removed == 0) {
			return Optional.empty();
		}
		observations.recount(List.of(datastream));
		RetentionReport.Removal removal = new RetentionReport.Removal(datastream, cutoff, removed, earliest, latest,
				intervals.size());
		record(declaration, removal);
		return Optional.of(removal);
	}

	private Batch batch(long datastream, Instant before, RetentionPeriod granularity, int batchSize) {
		List<Expiring> rows = observations.oldest(datastream, before, batchSize);
		if (rows.isEmpty()) {
			return new Batch(0, null, null, Set.of());
		}
		Set<Instant> intervals = Set.of();
		if (granularity != null) {
			Map<Interval, List<Double>> byInterval = rows.stream()
				.collect(Collectors.groupingBy(row -> Interval.containing(row.phenomenonTime(), granularity, city.zone()),
						LinkedHashMap::new, Collectors.mapping(Expiring::number, Collectors.toList())));
			byInterval.forEach((interval, results) -> aggregates.add(datastream, Aggregate.of(interval, results)));
			intervals = byInterval.keySet().stream().map(Interval::start).collect(Collectors.toSet());
		}
		int removed = observations.remove(datastream, rows);
		return new Batch(removed, rows.getFirst().phenomenonTime(), rows.getLast().phenomenonTime(), intervals);
	}

	private void record(Declaration declaration, RetentionReport.Removal removal) {
		String detail = "removed " + removal.observations() + " observations older than " + removal.cutoff()
				+ " (retention " + declaration.retention().duration() + ")"
				+ (declaration.retention().keepsAggregates()
						? "; stored aggregates of " + removal.aggregates() + " intervals of "
								+ declaration.retention().granularity()
						: "; nothing kept");
		ledger.append(new LedgerEvent("retention", "platform", declaration.organisationId(), null,
				Set.of(removal.datastream()), removal.earliest(), removal.latest(), removal.observations(), null,
				detail));
	}

}
