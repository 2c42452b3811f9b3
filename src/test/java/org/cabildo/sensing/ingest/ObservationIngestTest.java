package org.cabildo.sensing.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.cabildo.sensing.IngestSettings;
import org.cabildo.sensing.Writer;
import org.cabildo.sensing.sql.Dialect;
import org.cabildo.sensing.time.TimeValue;
import org.cabildo.sensing.write.NewObservation;
import org.cabildo.sensing.write.ObservationPartitions;
import org.cabildo.sensing.write.ObservationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;

/** The group-commit writer, with the database replaced by a store that records its calls. */
class ObservationIngestTest {

	private static final Writer WRITER = Writer.device("ingest-test");

	private final ObservationStore store = mock(ObservationStore.class);

	private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);

	private final List<List<NewObservation>> calls = new CopyOnWriteArrayList<>();

	private final AtomicLong ids = new AtomicLong();

	private ObservationIngest ingest;

	private ObservationIngest start(int queue, int batch) {
		when(transactions.getTransaction(any())).thenAnswer(call -> new SimpleTransactionStatus());
		ingest = new ObservationIngest(new IngestSettings(queue, batch, 1, Duration.ZERO, Duration.ZERO), store,
				mock(ObservationPartitions.class), transactions, Dialect.of("H2"));
		ingest.start();
		return ingest;
	}

	@AfterEach
	void stop() {
		if (ingest != null) {
			ingest.stop();
		}
	}

	private void storeCreates() {
		when(store.append(any(), anyList(), anyBoolean())).thenAnswer(call -> {
			List<NewObservation> rows = call.getArgument(0);
			calls.add(rows);
			List<IngestOutcome> outcomes = new ArrayList<>();
			rows.forEach(row -> outcomes.add(new IngestOutcome.Created(ids.incrementAndGet())));
			return outcomes;
		});
	}

	private static List<NewObservation> rows(int n, double value) {
		List<NewObservation> rows = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			rows.add(new NewObservation(1, null, TimeValue.instant(Instant.EPOCH.plusSeconds(i)), null, value, null,
					null, null));
		}
		return rows;
	}

	@Test
	void eachSubmissionLearnsTheOutcomeOfItsOwnRowsAfterTheCommit() throws Exception {
		storeCreates();
		start(1000, 1000);

		List<IngestOutcome> outcomes = ingest.submit(rows(3, 1), WRITER, false, Duration.ZERO).get(5, TimeUnit.SECONDS);

		assertThat(outcomes).hasSize(3).allMatch(IngestOutcome.Created.class::isInstance);
		org.mockito.Mockito.verify(transactions).commit(any());
	}

	@Test
	void submissionsThatWaitTogetherShareOneCommit() throws Exception {
		CountDownLatch firstCommitEntered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		when(store.append(any(), anyList(), anyBoolean())).thenAnswer(call -> {
			List<NewObservation> rows = call.getArgument(0);
			calls.add(rows);
			firstCommitEntered.countDown();
			release.await(5, TimeUnit.SECONDS);
			return rows.stream().map(row -> (IngestOutcome) new IngestOutcome.Created(ids.incrementAndGet())).toList();
		});
		start(1000, 1000);
		CompletableFuture<List<IngestOutcome>> first = ingest.submit(rows(1, 0), WRITER, false, Duration.ZERO);
		assertThat(firstCommitEntered.await(5, TimeUnit.SECONDS)).isTrue();

		List<CompletableFuture<List<IngestOutcome>>> waiting = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			waiting.add(ingest.submit(rows(2, i), WRITER, false, Duration.ZERO));
		}
		release.countDown();
		first.get(5, TimeUnit.SECONDS);
		for (CompletableFuture<List<IngestOutcome>> future : waiting) {
			assertThat(future.get(5, TimeUnit.SECONDS)).hasSize(2);
		}

		assertThat(calls).hasSize(2);
		assertThat(calls.get(1)).hasSize(20);
		// each submission got the ids of its own rows, in order
		long firstOfSecond = waiting.get(0).get().get(0).id();
		assertThat(waiting.get(9).get().get(1).id()).isEqualTo(firstOfSecond + 19);
	}

	@Test
	void whenTheQueueIsFullSendersAreToldToComeBackAndNothingOfThemIsQueued() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		when(store.append(any(), anyList(), anyBoolean())).thenAnswer(call -> {
			release.await(5, TimeUnit.SECONDS);
			List<NewObservation> rows = call.getArgument(0);
			calls.add(rows);
			return rows.stream().map(row -> (IngestOutcome) new IngestOutcome.Created(ids.incrementAndGet())).toList();
		});
		start(10, 1000);
		CompletableFuture<List<IngestOutcome>> filling = ingest.submit(rows(10, 0), WRITER, false, Duration.ZERO);

		assertThatThrownBy(() -> ingest.submit(rows(1, 1), WRITER, false, Duration.ofMillis(50)))
			.isInstanceOf(IngestBusyException.class)
			.satisfies(e -> assertThat(((IngestBusyException) e).retryAfter()).isPositive());
		assertThat(ingest.queued()).isEqualTo(10);

		release.countDown();
		filling.get(5, TimeUnit.SECONDS);
		assertThat(ingest.submit(rows(1, 2), WRITER, false, Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS)).hasSize(1);
		assertThat(calls.stream().mapToInt(List::size).sum()).isEqualTo(11);
	}

	@Test
	void aSubmissionTheDatabaseRefusesFailsAloneAndTheOthersOfItsGroupLand() throws Exception {
		CountDownLatch firstCommitEntered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		when(store.append(any(), anyList(), anyBoolean())).thenAnswer(call -> {
			List<NewObservation> rows = call.getArgument(0);
			if (calls.isEmpty()) {
				calls.add(rows);
				firstCommitEntered.countDown();
				release.await(5, TimeUnit.SECONDS);
			}
			else {
				calls.add(rows);
			}
			if (rows.stream().anyMatch(row -> Double.valueOf(-1).equals(row.result()))) {
				throw new DataIntegrityViolationException("value too large");
			}
			return rows.stream().map(row -> (IngestOutcome) new IngestOutcome.Created(ids.incrementAndGet())).toList();
		});
		start(1000, 1000);
		CompletableFuture<List<IngestOutcome>> first = ingest.submit(rows(1, 0), WRITER, false, Duration.ZERO);
		assertThat(firstCommitEntered.await(5, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<List<IngestOutcome>> good = ingest.submit(rows(2, 1), WRITER, false, Duration.ZERO);
		CompletableFuture<List<IngestOutcome>> bad = ingest.submit(rows(1, -1), WRITER, false, Duration.ZERO);
		CompletableFuture<List<IngestOutcome>> alsoGood = ingest.submit(rows(3, 2), WRITER, false, Duration.ZERO);
		release.countDown();

		first.get(5, TimeUnit.SECONDS);
		assertThat(good.get(5, TimeUnit.SECONDS)).hasSize(2);
		assertThat(alsoGood.get(5, TimeUnit.SECONDS)).hasSize(3);
		assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.hasCauseInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void stoppingCommitsWhatIsQueuedAndThenRefusesMore() throws Exception {
		storeCreates();
		start(1000, 1000);
		CompletableFuture<List<IngestOutcome>> queued = ingest.submit(rows(5, 0), WRITER, false, Duration.ZERO);

		ingest.stop();

		assertThat(queued.get(5, TimeUnit.SECONDS)).hasSize(5);
		assertThatThrownBy(() -> ingest.submit(rows(1, 0), WRITER, false, Duration.ZERO))
			.isInstanceOf(IngestBusyException.class);
	}

}
