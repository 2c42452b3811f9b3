package org.cabildo.governance.retention;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.cabildo.governance.AccessLedger;
import org.cabildo.governance.Declaration;
import org.cabildo.governance.LedgerEvent;
import org.cabildo.platform.CityTime;
import org.cabildo.sensing.CollectionGate.PastRow;
import org.springframework.stereotype.Component;

/**
 * Rows that arrive already past their stream's retention, where the declaration keeps aggregates:
 * added to the stored aggregates of their intervals (of the city's calendar) exactly as the
 * retention job adds the rows it removes, in the ingest's transaction, and ledgered as a
 * retention, so that what was never stored is still accounted for.
 */
@Component
public class LateRows {

	private final ObservationAggregates aggregates;

	private final AccessLedger ledger;

	private final CityTime city;

	LateRows(ObservationAggregates aggregates, AccessLedger ledger, CityTime city) {
		this.aggregates = aggregates;
		this.ledger = ledger;
		this.city = city;
	}

	public void fold(Declaration declaration, List<PastRow> rows) {
		long datastream = declaration.datastreamId();
		Declaration.Retention retention = declaration.retention();
		Map<Interval, List<Double>> byInterval = rows.stream()
			.collect(Collectors.groupingBy(
					row -> Interval.containing(row.phenomenonTime(), retention.aggregatePeriod(), city.zone()),
					LinkedHashMap::new, Collectors.mapping(PastRow::number, Collectors.toList())));
		byInterval.forEach((interval, results) -> aggregates.add(datastream, Aggregate.of(interval, results)));
		Instant earliest = rows.stream().map(PastRow::phenomenonTime).min(Comparator.naturalOrder()).orElseThrow();
		Instant latest = rows.stream().map(PastRow::phenomenonTime).max(Comparator.naturalOrder()).orElseThrow();
		ledger.append(new LedgerEvent("retention", "platform", declaration.organisationId(), null, Set.of(datastream),
				earliest, latest, rows.size(), null, "folded " + rows.size() + " observations that arrived past the"
						+ " retention (" + retention.duration() + ") into aggregates of " + byInterval.size()
						+ " intervals of " + retention.granularity() + " (" + city.name() + "); none was stored"));
	}

}
