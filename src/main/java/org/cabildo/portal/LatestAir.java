package org.cabildo.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.cabildo.sensing.LatestReading;
import org.cabildo.sensing.LatestReadings;
import org.cabildo.sensing.ReadContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * The latest open air-quality readings the home page shows, read as an anonymous caller of the
 * API reads them ({@link LatestReadings}), but at most once every {@link #FRESH} for everyone:
 * one read of a city's streams is one query per stream, too much to make for every visitor.
 *
 * <p>
 * Only streams whose reads are recorded for no one (open, no personal data: the purpose binding
 * and the ledger have nothing to do for them) are kept; the home page reads any other set afresh
 * on each request. What is kept is for exactly the set of streams asked: when the register
 * changes the set (a stream closed, another declared), the next page waits for a read of the new
 * set and never shows what was kept for the old one. One set is kept, at most
 * {@link LatestReadings#MAX_DATASTREAMS} readings.
 *
 * <p>
 * The reads are made by one platform thread of their own, never by a visitor's request: a page
 * whose readings are past {@link #FRESH} is answered with them while they are read again. Under
 * many visitors at once, a read made by one of the request threads (virtual threads) was left
 * waiting for seconds behind the others' short answers, and with it the visitor who made it.
 */
@Component
class LatestAir {

	/** How old the readings a page shows may be, but while they are read again (the demo city's are hourly). */
	static final Duration FRESH = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(LatestAir.class);

	private final LatestReadings latest;

	private final Clock clock;

	private final Executor reader;

	private final ExecutorService ownReader;

	private volatile Snapshot snapshot;

	private Pending pending;

	@Autowired
	LatestAir(LatestReadings latest, Clock clock) {
		this(latest, clock, Executors.newSingleThreadExecutor(Thread.ofPlatform().name("latest-air").daemon().factory()));
	}

	LatestAir(LatestReadings latest, Clock clock, Executor reader) {
		this.latest = latest;
		this.clock = clock;
		this.reader = reader;
		this.ownReader = reader instanceof ExecutorService service ? service : null;
	}

	@PreDestroy
	void stop() {
		if (ownReader != null) {
			ownReader.shutdownNow();
		}
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
		if (kept == null || !kept.streams().equals(streams)) {
			// Another set of streams: nobody may see what was kept for the old one.
			try {
				return reading(streams, request).join();
			}
			catch (CompletionException e) {
				throw e.getCause() instanceof RuntimeException cause ? cause : e;
			}
		}
		if (!kept.isFresh(clock.instant())) {
			reading(streams, request);
		}
		Snapshot now = snapshot;
		return now != null && now.streams().equals(streams) ? now : kept;
	}

	/** The read of these streams under way, or a new one. */
	private synchronized CompletableFuture<Snapshot> reading(Set<Long> streams, String request) {
		if (pending != null && !pending.read().isDone() && pending.streams().equals(streams)) {
			return pending.read();
		}
		Set<Long> asked = Set.copyOf(streams);
		CompletableFuture<Snapshot> read = CompletableFuture.supplyAsync(() -> {
			Snapshot made = new Snapshot(asked, clock.instant(), read(asked, request));
			snapshot = made;
			return made;
		}, reader);
		read.whenComplete((made, failure) -> {
			if (failure != null) {
				log.warn("The latest air readings could not be read again; the page shows the ones before", failure);
			}
		});
		pending = new Pending(asked, read);
		return read;
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

	private record Pending(Set<Long> streams, CompletableFuture<Snapshot> read) {
	}

}
