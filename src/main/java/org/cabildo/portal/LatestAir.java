package org.cabildo.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.cabildo.sensing.LatestReading;
import org.cabildo.sensing.LatestReadings;
import org.cabildo.sensing.ReadContext;
import org.springframework.stereotype.Component;

/**
 * The latest open air-quality readings the home page shows, read as an anonymous caller of the
 * API reads them ({@link LatestReadings}), but at most once every {@link #FRESH} for everyone:
 * one read of a city's streams is one query per stream, too much to make for every visitor.
 *
 * <p>
 * Only streams whose reads are recorded for no one (open, no personal data: the purpose binding
 * and the ledger have nothing to do for them) are kept; the home page reads any other set afresh
 * on each request. What is kept is for exactly the set of streams asked: when the register
 * changes the set (a stream closed, another declared), the next page reads again and never shows
 * what was kept for the old set. One set is kept, at most {@link LatestReadings#MAX_DATASTREAMS}
 * readings.
 */
@Component
class LatestAir {

	/** How old the readings a page shows may be (the demo city's are hourly). */
	static final Duration FRESH = Duration.ofSeconds(10);

	private final LatestReadings latest;

	private final Clock clock;

	private final ReentrantLock reading = new ReentrantLock();

	private volatile Snapshot snapshot;

	LatestAir(LatestReadings latest, Clock clock) {
		this.latest = latest;
		this.clock = clock;
	}

	/**
	 * The latest reading of each of these streams, as one read of them: the same object for every
	 * page that shows the same read (so that what is made of it can be kept with it).
	 *
	 * @param recordedForNoOne whether reads of every one of them are recorded for no one (open,
	 * without personal data), so that one read may answer every anonymous visitor
	 * @param request the page's request, for the reader's context
	 */
	Snapshot of(Set<Long> streams, boolean recordedForNoOne, String request) {
		if (!recordedForNoOne) {
			return new Snapshot(streams, clock.instant(), read(streams, request));
		}
		Snapshot kept = snapshot;
		if (kept != null && kept.streams().equals(streams)) {
			if (kept.isFresh(clock.instant())) {
				return kept;
			}
			// Just past: one visitor reads again; the others meanwhile see what was kept.
			if (!reading.tryLock()) {
				return kept;
			}
		}
		else {
			// Another set of streams: nobody may see what was kept for the old one.
			reading.lock();
		}
		try {
			kept = snapshot;
			if (kept != null && kept.streams().equals(streams) && kept.isFresh(clock.instant())) {
				return kept;
			}
			Instant now = clock.instant();
			snapshot = new Snapshot(Set.copyOf(streams), now, read(streams, request));
			return snapshot;
		}
		finally {
			reading.unlock();
		}
	}

	private List<LatestReading> read(Set<Long> streams, String request) {
		return latest.of(new ReadContext.Anonymous(null, request), streams);
	}

	/** One read of the latest readings of some streams, and when it was made. */
	record Snapshot(Set<Long> streams, Instant read, List<LatestReading> readings) {

		boolean isFresh(Instant now) {
			return now.isBefore(read.plus(FRESH));
		}

	}

}
