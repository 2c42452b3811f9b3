package org.cabildo.governance.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.cabildo.support.MovableClock;
import org.junit.jupiter.api.Test;

/**
 * Verifications of the whole chain as the API and the portal share them: one at a time for
 * everyone asking meanwhile, and a recent one reused instead of reading the chain again.
 */
class VerificationsTest {

	private final MovableClock clock = new MovableClock();

	private final AtomicInteger runs = new AtomicInteger();

	private volatile CountDownLatch hold = new CountDownLatch(0);

	/** A verifier that counts its runs and reads no chain. */
	private final LedgerVerifier verifier = new LedgerVerifier(null, null, null, null, clock) {

		@Override
		Verification verify(Optional<Checkpoint> supplied) {
			runs.incrementAndGet();
			try {
				hold.await();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return new Verification(true, 0, null, null, new Verification.Checkpoints(0, true, null, List.of()),
					clock.instant());
		}

	};

	private final Verifications verifications = new Verifications(verifier, clock);

	@Test
	void aRecentVerificationIsShownAgainAndAnOldOneIsRedone() {
		Verification first = verifications.recent(Duration.ofMinutes(5));
		clock.advance(Duration.ofMinutes(4));
		assertThat(verifications.recent(Duration.ofMinutes(5))).isSameAs(first);
		assertThat(runs).hasValue(1);
		clock.advance(Duration.ofMinutes(2));
		Verification second = verifications.recent(Duration.ofMinutes(5));
		assertThat(second.checkedAt()).isAfter(first.checkedAt());
		assertThat(runs).hasValue(2);
		// asked for now, it is made now, and kept for the next page view
		Verification now = verifications.now();
		assertThat(runs).hasValue(3);
		assertThat(verifications.recent(Duration.ofMinutes(5))).isSameAs(now);
	}

	@Test
	void requestsMeanwhileShareTheVerificationRunning() throws Exception {
		hold = new CountDownLatch(1);
		CountDownLatch arrived = new CountDownLatch(4);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Verification>> asked = new java.util.ArrayList<>();
			for (int i = 0; i < 4; i++) {
				boolean recent = i == 2;
				asked.add(pool.submit(() -> {
					arrived.countDown();
					return recent ? verifications.recent(Duration.ofMinutes(5)) : verifications.now();
				}));
			}
			arrived.await();
			// each has asked (the first is running, held here); the others wait for it
			Thread.sleep(300);
			hold.countDown();
			Instant checked = asked.getFirst().get().checkedAt();
			for (Future<Verification> each : asked) {
				assertThat(each.get().checkedAt()).isEqualTo(checked);
			}
			assertThat(runs).hasValue(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
