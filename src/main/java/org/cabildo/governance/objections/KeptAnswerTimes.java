package org.cabildo.governance.objections;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Each organisation's answer times, computed from every objection once for every reader (the
 * API's {@code /api/objections/answer-times} and the portal's transparency page alike): again
 * after an objection is filed, answered or hidden on this node (once that is committed), else at most
 * once every {@link #MAX_AGE} (what another node or a renamed organisation changed). Anonymous
 * readers cost a comparison, however many objections the city has.
 */
@Component
class KeptAnswerTimes {

	/** How old the times may be when nothing changed them on this node. */
	static final Duration MAX_AGE = Duration.ofSeconds(60);

	private record Kept(long changes, Instant made, List<AnswerTime> times) {
	}

	private final Clock clock;

	private volatile Kept kept;

	KeptAnswerTimes(Clock clock) {
		this.clock = clock;
	}

	/**
	 * The times kept, or those {@code compute} makes now (one computation at a time, for all who
	 * wait); {@code changes} is {@link Objections#generation()}, read before the objections are, so
	 * that a change committed meanwhile makes the next reader compute again.
	 */
	List<AnswerTime> get(long changes, Supplier<List<AnswerTime>> compute) {
		Kept now = kept;
		if (holds(now, changes)) {
			return now.times();
		}
		synchronized (this) {
			now = kept;
			if (holds(now, changes)) {
				return now.times();
			}
			Instant made = clock.instant();
			Kept computed = new Kept(changes, made, List.copyOf(compute.get()));
			kept = computed;
			return computed.times();
		}
	}

	private boolean holds(Kept kept, long changes) {
		return kept != null && kept.changes() == changes && clock.instant().isBefore(kept.made().plus(MAX_AGE));
	}

}
