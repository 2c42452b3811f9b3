package org.cabildo.participation;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.cabildo.platform.LeastRecentlyUsed;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * How many reports (and abuse flags) a client may send an hour: anonymous ones per client
 * address, signed-in ones per person, so that the city's queue is for residents and not for
 * floods; and how many proposals, comments and supports a person may make an hour, so that no
 * account can sway a proposal or drown its comments by speed. Kept in memory per node, the least
 * recently used forgotten first.
 */
@Component
class FilingAllowance {

	private final int anonymousPerHour;

	private final int signedInPerHour;

	private final int proposingPerHour;

	private final Map<String, Bucket> buckets = LeastRecentlyUsed.map(50_000);

	FilingAllowance(ParticipationSettings settings) {
		this.anonymousPerHour = settings.reports().anonymousPerHour();
		this.signedInPerHour = settings.reports().signedInPerHour();
		this.proposingPerHour = settings.proposals().perHour();
	}

	/** Takes one from the filer's allowance; how long to wait if there is none left (never for the platform's job). */
	Optional<Duration> take(Reporter who) {
		if (who.job() != null) {
			return Optional.empty();
		}
		String key = who.person() == null ? "address:" + who.address() : "person:" + who.person();
		return take(key, who.person() == null ? anonymousPerHour : signedInPerHour);
	}

	/**
	 * Takes one from a person's allowance of proposals, comments and supports (one allowance for
	 * the three, apart from reports); how long to wait if there is none left.
	 */
	Optional<Duration> takeProposing(long person) {
		return take("proposing:" + person, proposingPerHour);
	}

	private Optional<Duration> take(String key, int perHour) {
		Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
			.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

}
