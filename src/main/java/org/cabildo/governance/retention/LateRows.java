package org.cabildo.governance.retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cabildo.governance.AccessLedger;
import org.cabildo.governance.Declaration;
import org.cabildo.governance.LedgerEvent;
import org.cabildo.platform.CityTime;
import org.cabildo.sensing.CollectionGate.Folding;
import org.cabildo.sensing.CollectionGate.PastRow;
import org.springframework.stereotype.Component;

/**
 * Rows that arrive already past their stream's retention, where the declaration keeps aggregates:
 * added to the stored aggregates of their intervals (of the city's calendar) exactly as the
 * retention job adds the rows it removes, in the ingest's transaction, and ledgered as a
 * retention, so that what was never stored is still accounted for. Each reading is added once:
 * its key is kept with the aggregate ({@link FoldedReadings}), and the same reading sent again
 * (a retry, or twice in one request) is not counted again.
 */
@Component
public class LateRows {

	private final ObservationAggregates aggregates;

	private final FoldedReadings folded;

	private final AccessLedger ledger;

	private final CityTime city;

	LateRows(ObservationAggregates aggregates, FoldedReadings folded, AccessLedger ledger, CityTime city) {
		this.aggregates = aggregates;
		this.folded = folded;
		this.ledger = ledger;
		this.city = city;
	}

	/** Folds the rows that were not folded before; what became of each, in order. */
	public List<Folding> fold(Declaration declaration, List<PastRow> rows) {
		long datastream = declaration.datastreamId();
		Map<FoldedReadings.Time, String> known = new LinkedHashMap<>(folded.at(datastream, rows));
		List<Folding> foldings = new ArrayList<>(rows.size());
		List<PastRow> added = new ArrayList<>();
		for (PastRow row : rows) {
			String digest = known.putIfAbsent(FoldedReadings.Time.of(row), row.resultDigest());
			if (digest == null) {
				added.add(row);
			}
			foldings.add(digest == null ? Folding.ADDED
					: digest.equals(row.resultDigest()) ? Folding.REPEATED : Folding.CONFLICTING);
		}
		if (!added.isEmpty()) {
			add(declaration, added);
		}
		return foldings;
	}

	private void add(Declaration declaration, List<PastRow> rows) {
		long datastream = declaration.datastreamId();
		Declaration.Retention retention = declaration.retention();
		Map<Interval, List<PastRow>> byInterval = new LinkedHashMap<>();
		rows.forEach(row -> byInterval
			.computeIfAbsent(Interval.containing(row.phenomenonTime(), retention.aggregatePeriod(), city.zone()),
					interval -> new ArrayList<>())
			.add(row));
		byInterval.forEach((interval, of) -> {
			aggregates.add(datastream, Aggregate.of(interval, of.stream().map(PastRow::number).toList()));
			folded.add(datastream, interval.start(), of);
		});
		Instant earliest = rows.stream().map(PastRow::phenomenonTime).min(Comparator.naturalOrder()).orElseThrow();
		Instant latest = rows.stream().map(PastRow::phenomenonTime).max(Comparator.naturalOrder()).orElseThrow();
		ledger.append(new LedgerEvent("retention", "platform", declaration.organisationId(), null, Set.of(datastream),
				earliest, latest, rows.size(), null, "folded " + rows.size() + " observations that arrived past the"
						+ " retention (" + retention.duration() + ") into aggregates of " + byInterval.size()
						+ " intervals of " + retention.granularity() + " (" + city.name() + "); none was stored"));
	}

}
