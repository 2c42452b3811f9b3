package org.cabildo.governance.ledger;

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

	/** Published by sensing after its commit; the ledger appends in its own transaction. */
	@EventListener
	void corrected(ObservationsCorrected event) {
		if (event.corrections().isEmpty()) {
			return;
		}
		Set<Long> datastreams = event.corrections().stream().map(ObservationsCorrected.Correction::datastream)
			.collect(Collectors.toCollection(TreeSet::new));
		String ids = event.corrections().stream().limit(NAMED).map(c -> String.valueOf(c.observation()))
			.collect(Collectors.joining(", "));
		String detail = event.corrections().size() + " Observation(s) corrected by a re-sent reading, the earlier"
				+ " result kept as a revision: " + ids + (event.corrections().size() > NAMED ? ", ..." : "");
		ledger.append(new LedgerEvent(KIND, event.by(), null, null, datastreams, null, null,
				event.corrections().size(), null, detail));
	}

}
