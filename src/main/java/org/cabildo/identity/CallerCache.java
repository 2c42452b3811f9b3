package org.cabildo.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.stereotype.Component;

/**
 * Verified API tokens and device secrets, by the hash of the secret, for a short while
 * ({@link IdentitySettings#tokenCache()}), so that a request with a token costs a map lookup.
 * Revoking a token or device, and changing roles or bindings, evicts at once.
 */
@Component
class CallerCache {

	/** A verified credential: who it is, when it expires (null: never), until when it is kept here. */
	record Entry(Caller caller, Instant expiresAt, Instant keptUntil) {
	}

	private static final int MAX_ENTRIES = 100_000;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final Clock clock;

	private final IdentitySettings settings;

	CallerCache(Clock clock, IdentitySettings settings) {
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * The caller a secret's hash stands for, from memory or else from {@code load}.
	 * @param load the credential's caller and expiry, from the database; empty if there is none
	 */
	Optional<Caller> get(String hash, Function<String, Optional<Entry>> load) {
		Instant now = clock.instant();
		Entry entry = entries.get(hash);
		if (entry == null || !entry.keptUntil().isAfter(now)) {
			Optional<Entry> loaded = load.apply(hash);
			if (loaded.isEmpty()) {
				entries.remove(hash);
				return Optional.empty();
			}
			if (entries.size() >= MAX_ENTRIES) {
				entries.clear();
			}
			entry = new Entry(loaded.get().caller(), loaded.get().expiresAt(), now.plus(settings.tokenCache()));
			entries.put(hash, entry);
		}
		if (entry.expiresAt() != null && !entry.expiresAt().isAfter(now)) {
			return Optional.empty();
		}
		return Optional.of(entry.caller());
	}

	void evict(String hash) {
		entries.remove(hash);
	}

	void clear() {
		entries.clear();
	}

}
