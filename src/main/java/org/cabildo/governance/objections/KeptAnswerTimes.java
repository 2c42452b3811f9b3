package org.cabildo.governance.objections;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each organisation's answer times, computed from every objection once for every reader (the
 * API's {@code /api/objections/answer-times} and the portal's transparency page alike): again
 * after an objection is filed or answered on this node (once that is committed), else at most
 * once every {@link #MAX_AGE} (what another node or a renamed organisation changed). Anonymous
 * readers cost a comparison, however many objections the city has.
 */
@Component
class KeptAnswerTimes {

	/** How old the times may be when nothing changed them on this node. */
	static final Duration MAX_AGE = Duration.ofSeconds(60);

	private record Kept(long changes, Instant made, List<AnswerTime> times) {
	}

	/** Counts the filings and answers committed on this node. */
	private final AtomicLong changes = new AtomicLong();

	private final Clock clock;

	private volatile Kept kept;

	KeptAnswerTimes(Clock clock) {
		this.clock = clock;
	}

	/** The times kept, or those {@code compute} makes now (one computation at a time, for all who wait). */
	List<AnswerTime> get(Supplier<List<AnswerTime>> compute) {
		Kept now = kept;
		if (holds(now)) {
			return now.times();
		}
		synchronized (this) {
			now = kept;
			if (holds(now)) {
				return now.times();
			}
			// Read before the objections are: a change committed meanwhile makes the next reader compute again.
			long seen = changes.get();
			Instant made = clock.instant();
			Kept computed = new Kept(seen, made, List.copyOf(compute.get()));
			kept = computed;
			return computed.times();
		}
	}

	/** An objection was filed or answered in the current transaction: the times are computed again after it commits. */
	void changed() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					changes.incrementAndGet();
				}
			});
		}
		else {
			changes.incrementAndGet();
		}
	}

	private boolean holds(Kept kept) {
		return kept != null && kept.changes() == changes.get() && clock.instant().isBefore(kept.made().plus(MAX_AGE));
	}

}
