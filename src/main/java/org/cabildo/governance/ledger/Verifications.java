package org.cabildo.governance.ledger;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * Verifications of the whole chain as anyone asks for them ({@code GET /api/ledger/verify}, the
 * portal): a request arriving while one runs shares it rather than starting another, and the
 * last result is kept, so that a page may show it while it is recent instead of reading the whole
 * chain again for each visitor.
 */
@Component
class Verifications {

	private final LedgerVerifier verifier;

	private final Clock clock;

	/** The verification running now, which a request arriving meanwhile shares rather than starting another. */
	private final AtomicReference<CompletableFuture<Verification>> running = new AtomicReference<>();

	private volatile Verification last;

	Verifications(LedgerVerifier verifier, Clock clock) {
		this.verifier = verifier;
		this.clock = clock;
	}

	/** A verification begun now, or the one running now. */
	Verification now() {
		CompletableFuture<Verification> mine = new CompletableFuture<>();
		CompletableFuture<Verification> current = running.compareAndExchange(null, mine);
		if (current != null) {
			return current.join();
		}
		try {
			Verification verification = verifier.verify();
			last = verification;
			mine.complete(verification);
			return verification;
		}
		catch (RuntimeException e) {
			mine.completeExceptionally(e);
			throw e;
		}
		finally {
			running.set(null);
		}
	}

	/** The last verification if it began within {@code maxAge}, otherwise {@link #now()}. */
	Verification recent(Duration maxAge) {
		Verification known = last;
		if (known != null && !known.checkedAt().isBefore(clock.instant().minus(maxAge))) {
			return known;
		}
		return now();
	}

}
