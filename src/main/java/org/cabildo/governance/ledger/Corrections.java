package org.cabildo.governance.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.cabildo.governance.AccessLedger;
import org.cabildo.governance.LedgerEvent;
import org.cabildo.sensing.ObservationsCorrected;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Takes sensing's corrections of stored Observations (a re-sent reading with another result)
 * into the ledger as entries of kind {@code correction}, once they are committed: a changed
 * value is a change of the record that someone may later have to account for.
 */
@Component
class Corrections {

	static final String KIND = "correction";

	/** How many observation ids an entry's detail names; the revisions hold them all. */
	private static final int NAMED = 20;

	private final AccessLedger ledger;

	Corrections(AccessLedger ledger) {
		this.ledger = ledger;
	}

	/**
	 * Published by sensing after its commit; the ledger appends in its own transaction, one
	 * entry per writer (a group commit may carry the corrections of several).
	 */
	@EventListener
	void corrected(ObservationsCorrected event) {
		event.corrections()
			.stream()
			.collect(Collectors.groupingBy(ObservationsCorrected.Correction::by, LinkedHashMap::new, Collectors.toList()))
			.forEach(this::record);
	}

	private void record(String by, List<ObservationsCorrected.Correction> corrections) {
		Set<Long> datastreams = corrections.stream().map(ObservationsCorrected.Correction::datastream)
			.collect(Collectors.toCollection(TreeSet::new));
		String ids = corrections.stream().limit(NAMED).map(c -> String.valueOf(c.observation()))
			.collect(Collectors.joining(", "));
		String detail = corrections.size() + " Observation(s) corrected by a re-sent reading, the earlier"
				+ " result kept as a revision: " + ids + (corrections.size() > NAMED ? ", ..." : "");
		ledger.append(new LedgerEvent(KIND, by, null, null, datastreams, null, null, corrections.size(), null, detail));
	}

}
