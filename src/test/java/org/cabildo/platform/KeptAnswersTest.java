package org.cabildo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.cabildo.support.MovableClock;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Answers kept for everyone: made once for all who ask at once, again once older than they may be. */
class KeptAnswersTest {

	@Test
	void anAnswerServesUntilItIsOlderThanTheSettingThenIsMadeAgain() {
		MovableClock clock = new MovableClock();
		AtomicInteger made = new AtomicInteger();
		try (KeptAnswers kept = new KeptAnswers("test", 2, 8, Duration.ofSeconds(60), clock)) {
			assertThat(kept.<Integer>keep("a", made::incrementAndGet)).isEqualTo(1);
			clock.advance(Duration.ofSeconds(59));
			assertThat(kept.<Integer>keep("a", made::incrementAndGet)).isEqualTo(1);
			assertThat(kept.<Integer>keep("b", made::incrementAndGet)).isEqualTo(2);
			clock.advance(Duration.ofSeconds(2));
			assertThat(kept.<Integer>keep("a", made::incrementAndGet)).isEqualTo(3);
		}
	}

	@Test
	void readersAskingWhileAnAnswerIsMadeWaitForThatOne() throws Exception {
		AtomicInteger made = new AtomicInteger();
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		try (KeptAnswers kept = new KeptAnswers("test", 2, 8, Duration.ofSeconds(60), new MovableClock())) {
			List<CompletableFuture<Integer>> readers = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				readers.add(CompletableFuture.supplyAsync(() -> kept.keep("slow", () -> {
					started.countDown();
					await(finish);
					return made.incrementAndGet();
				})));
			}
			assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
			finish.countDown();
			for (CompletableFuture<Integer> reader : readers) {
				assertThat(reader.get(5, TimeUnit.SECONDS)).isEqualTo(1);
			}
			assertThat(made).hasValue(1);
		}
	}

	// many times: a failure kept a moment too long used to reach the reader who asked right after it
	@RepeatedTest(500)
	void aFailureReachesTheReaderAndIsNotKept() {
		AtomicInteger calls = new AtomicInteger();
		try (KeptAnswers kept = new KeptAnswers("test", 1, 8, Duration.ofSeconds(60), new MovableClock())) {
			assertThatThrownBy(() -> kept.keep("x", () -> {
				calls.incrementAndGet();
				throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "no such thing");
			})).isInstanceOf(ApiException.class).hasMessageContaining("no such thing");
			assertThat(kept.<String>keep("x", () -> "now there is")).isEqualTo("now there is");
			assertThat(calls).hasValue(1);
		}
	}

	@Test
	void noAnswerIsKeptWhenTheSettingIsZero() {
		AtomicInteger made = new AtomicInteger();
		try (KeptAnswers kept = new KeptAnswers("test", 1, 8, Duration.ZERO, new MovableClock())) {
			kept.keep("a", made::incrementAndGet);
			kept.keep("a", made::incrementAndGet);
			assertThat(made).hasValue(2);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
