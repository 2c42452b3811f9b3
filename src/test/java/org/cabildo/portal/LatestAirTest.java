package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.cabildo.sensing.LatestReading;
import org.cabildo.sensing.LatestReadings;
import org.cabildo.sensing.ReadContext;
import org.junit.jupiter.api.Test;

/**
 * The home page reads the city's latest open air values at most once every ten seconds for all
 * its visitors, only for streams whose reads are recorded for no one, and never shows what it
 * kept for another set of streams.
 */
class LatestAirTest {

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-06-30T12:00:00Z"));

	private final Clock clock = new Clock() {

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now.get();
		}

	};

	private final LatestReadings readings = mock(LatestReadings.class);

	/** Reads made at once, in the caller's thread, so that the tests need not wait. */
	private final LatestAir air = new LatestAir(readings, clock, Runnable::run);

	@Test
	void oneReadAnswersEveryVisitorForTenSeconds() {
		Set<Long> streams = Set.of(1L, 2L);
		when(readings.of(any(ReadContext.class), eq(streams))).thenReturn(List.of(reading(1)), List.of(reading(2)));
		assertThat(air.of(streams, true, "GET /").readings()).containsExactly(reading(1));
		now.set(now.get().plus(Duration.ofSeconds(9)));
		assertThat(air.of(streams, true, "GET /").readings()).containsExactly(reading(1));
		verify(readings, times(1)).of(any(ReadContext.class), eq(streams));
		now.set(now.get().plus(Duration.ofSeconds(1)));
		assertThat(air.of(streams, true, "GET /").readings()).containsExactly(reading(2));
		verify(readings, times(2)).of(any(ReadContext.class), eq(streams));
	}

	@Test
	void anotherSetOfStreamsIsReadAtOnce() {
		Set<Long> before = Set.of(1L, 2L);
		Set<Long> after = Set.of(1L);
		when(readings.of(any(ReadContext.class), eq(before))).thenReturn(List.of(reading(1), reading(2)));
		when(readings.of(any(ReadContext.class), eq(after))).thenReturn(List.of(reading(1)));
		air.of(before, true, "GET /");
		assertThat(air.of(after, true, "GET /").readings()).containsExactly(reading(1));
	}

	@Test
	void streamsWhoseReadsAreRecordedAreReadForEachVisitor() {
		Set<Long> streams = Set.of(3L);
		when(readings.of(any(ReadContext.class), eq(streams))).thenReturn(List.of(reading(3)));
		air.of(streams, false, "GET /");
		air.of(streams, false, "GET /");
		verify(readings, times(2)).of(any(ReadContext.class), eq(streams));
	}

	@Test
	void aVisitorDoesNotWaitForReadingsReadAgain() {
		Set<Long> streams = Set.of(4L);
		java.util.Deque<Runnable> queued = new java.util.concurrent.ConcurrentLinkedDeque<>();
		LatestAir later = new LatestAir(readings, clock, queued::add);
		when(readings.of(any(ReadContext.class), eq(streams))).thenReturn(List.of(reading(4)), List.of(reading(5)));
		// the first read of a set is waited for
		java.util.concurrent.CompletableFuture<LatestAir.Snapshot> first = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> later.of(streams, true, "GET /"));
		org.awaitility.Awaitility.await().until(() -> !queued.isEmpty());
		queued.poll().run();
		assertThat(first.join().readings()).containsExactly(reading(4));
		// past ten seconds: answered at once with what was kept, one read again for all
		now.set(now.get().plus(Duration.ofSeconds(11)));
		assertThat(later.of(streams, true, "GET /").readings()).containsExactly(reading(4));
		assertThat(later.of(streams, true, "GET /").readings()).containsExactly(reading(4));
		assertThat(queued).hasSize(1);
		queued.poll().run();
		assertThat(later.of(streams, true, "GET /").readings()).containsExactly(reading(5));
	}

	private static LatestReading reading(long datastream) {
		return new LatestReading(datastream, "station", "O3", "42", "[ppb]", Instant.parse("2024-06-30T11:00:00Z"));
	}

}
