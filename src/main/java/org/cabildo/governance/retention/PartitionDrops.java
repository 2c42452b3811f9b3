package org.cabildo.governance.retention;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cabildo.governance.AccessLedger;
import org.cabildo.governance.Declaration;
import org.cabildo.governance.LedgerEvent;
import org.cabildo.governance.register.CurrentDeclarations;
import org.cabildo.platform.CityTime;
import org.cabildo.sensing.ObservationExpiry;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, a whole month of Observations goes at once where it may: when every Datastream
 * with rows in the month's partition has a declaration whose retention ended after the month did,
 * and that keeps nothing after it (aggregates are computed row by row, by {@link DatastreamExpiry}).
 * Dropping the partition costs the same however many rows it holds, where deleting them costs
 * per row. A month that does not qualify is left to the batched deletes.
 */
@Component
class PartitionDrops {

	private final ObservationExpiry observations;

	private final CurrentDeclarations declarations;

	private final AccessLedger ledger;

	private final CityTime city;

	PartitionDrops(ObservationExpiry observations, CurrentDeclarations declarations, AccessLedger ledger,
			CityTime city) {
		this.city = city;
		this.observations = observations;
		this.declarations = declarations;
		this.ledger = ledger;
	}

	/** Drops every month whose rows are all past their retention; one removal per Datastream dropped from. */
	List<RetentionReport.Removal> dropExpiredMonths(Instant now) {
		List<RetentionReport.Removal> removals = new ArrayList<>();
		for (YearMonth month : observations.partitionedMonths()) {
			Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
			Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
			if (!end.isBefore(now)) {
				break; // oldest first: the rest are later still
			}
			Map<Long, Long> contents = observations.partitionContents(month);
			if (contents.isEmpty() || !allExpired(contents, end, now)) {
				continue;
			}
			if (observations.dropPartition(month, locked -> allExpired(locked, end, now))) {
				contents.forEach((datastream, count) -> {
					Declaration declaration = declarations.of(datastream).orElseThrow();
					RetentionReport.Removal removal = new RetentionReport.Removal(datastream,
							declaration.retention().cutoff(now, city.zone()), count, start, end, 0);
					ledger.append(new LedgerEvent("retention", "platform", declaration.organisationId(), null,
							Set.of(datastream), start, end, count, null, "removed the " + count + " observations of "
									+ month + " by dropping its partition (retention " + declaration.retention().duration()
									+ "; nothing kept)"));
					removals.add(removal);
				});
			}
		}
		return removals;
	}

	private boolean allExpired(Map<Long, Long> contents, Instant monthEnd, Instant now) {
		return contents.keySet().stream().allMatch(datastream -> expiredWhole(datastream, monthEnd, now));
	}

	/** Whether all of a Datastream's rows before the month's end are past retention, with nothing to keep of them. */
	private boolean expiredWhole(long datastream, Instant monthEnd, Instant now) {
		Optional<Declaration> declaration = declarations.of(datastream);
		if (declaration.isEmpty() || declaration.get().retention() == null) {
			return false;
		}
		Declaration.Retention retention = declaration.get().retention();
		return retention.duration() != null && !retention.keepsAggregates()
				&& !retention.cutoff(now, city.zone()).isBefore(monthEnd);
	}

}
