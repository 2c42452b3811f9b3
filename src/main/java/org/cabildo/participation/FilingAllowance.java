package org.cabildo.participation;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.cabildo.platform.LeastRecentlyUsed;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

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
		return take(key(who), perHour(who));
	}

	private static String key(Reporter who) {
		return who.person() == null ? "address:" + who.address() : "person:" + who.person();
	}

	private int perHour(Reporter who) {
		return who.person() == null ? anonymousPerHour : signedInPerHour;
	}

	/** How long to wait before the filer may file again, without taking from the allowance; empty if they may now. */
	Optional<Duration> left(Reporter who) {
		if (who.job() != null) {
			return Optional.empty();
		}
		EstimationProbe probe = bucket(key(who), perHour(who)).estimateAbilityToConsume(1);
		return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/**
	 * Takes one from a person's allowance of proposals, comments and supports (one allowance for
	 * the three, apart from reports); how long to wait if there is none left.
	 */
	Optional<Duration> takeProposing(long person) {
		return take("proposing:" + person, proposingPerHour);
	}

	private Optional<Duration> take(String key, int perHour) {
		ConsumptionProbe probe = bucket(key, perHour).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	private Bucket bucket(String key, int perHour) {
		return buckets.computeIfAbsent(key, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
			.build());
	}

}
