package org.cabildo.identity.security;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.cabildo.identity.IdentitySettings;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Token buckets (Bucket4j) per username and per client address: failed sign-ins, writes
 * without credentials, and objections filed on the register. Kept in memory per node, the least
 * recently used forgotten first.
 */
@Component
class RateLimits {

	private static final int MAX_KEYS = 50_000;

	private final IdentitySettings.Limits limits;

	private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > MAX_KEYS;
		}
	});

	RateLimits(IdentitySettings settings) {
		this.limits = settings.limits();
	}

	/** How long to wait before signing in as this user from this address is tried again; empty: go ahead. */
	Optional<Duration> signInBlocked(String username, String address) {
		Optional<Duration> byAddress = wait(bucket("address:" + address, limits.signInFailuresPerAddress()));
		if (byAddress.isPresent() || username == null) {
			return byAddress;
		}
		return wait(bucket("user:" + username, limits.signInFailuresPerUsername()));
	}

	/** A sign-in failed: it counts against the address and the username. */
	void signInFailed(String username, String address) {
		bucket("address:" + address, limits.signInFailuresPerAddress()).tryConsume(1);
		if (username != null) {
			bucket("user:" + username, limits.signInFailuresPerUsername()).tryConsume(1);
		}
	}

	/** Takes one anonymous write from the address's allowance; how long to wait if there is none left. */
	Optional<Duration> anonymousWrite(String address) {
		ConsumptionProbe probe = bucket("anonymous:" + address, limits.anonymousWritesPerAddress())
			.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/** Takes one costly read from the address's allowance; how long to wait if there is none left. */
	Optional<Duration> costlyRead(String address) {
		ConsumptionProbe probe = bucket("costly-read:" + address, limits.costlyReadsPerAddress())
			.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/** Takes one objection from the address's hourly allowance; how long to wait if there is none left. */
	Optional<Duration> objection(String address) {
		ConsumptionProbe probe = bucket("objection:" + address, limits.objectionsPerAddress(), Duration.ofHours(1))
			.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	private static Optional<Duration> wait(Bucket bucket) {
		if (bucket.getAvailableTokens() > 0) {
			return Optional.empty();
		}
		return Optional.of(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
	}

	private Bucket bucket(String key, int perMinute) {
		return bucket(key, perMinute, Duration.ofMinutes(1));
	}

	private Bucket bucket(String key, int tokens, Duration period) {
		Function<String, Bucket> create = k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(tokens).refillGreedy(tokens, period).build())
			.build();
		return buckets.computeIfAbsent(key, create);
	}

}
