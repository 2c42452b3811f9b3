package org.cabildo.sensing.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.cabildo.sensing.IngestSettings;
import org.cabildo.sensing.Writer;
import org.cabildo.sensing.sql.Dialect;
import org.cabildo.sensing.write.NewObservation;
import org.cabildo.sensing.write.ObservationPartitions;
import org.cabildo.sensing.write.ObservationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The way observations come in at a city's rate: submissions from every path queue here and a
 * few writer threads commit them together, many requests in one transaction (group commit).
 * A submission's future completes only after its commit, so that what is acknowledged is
 * stored. The queue is bounded by observations, not by submissions: when the database does not
 * keep up, senders wait or are refused, and memory stays bounded.
 */
@Component
public class ObservationIngest implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ObservationIngest.class);

	private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

	private record Submission(List<NewObservation> rows, Writer writer, boolean allowDuplicates, int permits,
			CompletableFuture<List<IngestOutcome>> result) {
	}

	private final IngestSettings settings;

	private final ObservationStore store;

	private final ObservationPartitions partitions;

	private final TransactionTemplate transaction;

	private final Semaphore room;

	private final BlockingQueue<Submission> queue = new LinkedBlockingQueue<>();

	private final List<Thread> writers = new ArrayList<>();

	private volatile boolean running;

	private final int writerCount;

	ObservationIngest(IngestSettings settings, ObservationStore store, ObservationPartitions partitions,
			PlatformTransactionManager transactions, Dialect dialect) {
		this.settings = settings;
		this.writerCount = settings.writers() > 0 ? settings.writers() : dialect.partitionsObservations() ? 2 : 1;
		this.store = store;
		this.partitions = partitions;
		this.transaction = new TransactionTemplate(transactions);
		this.room = new Semaphore(settings.queueObservations(), true);
	}

	/**
	 * Queues observations for the next commit.
	 *
	 * @param writer who sent the rows, recorded with any correction they make
	 * @param wait how long to wait for room in the queue
	 * @return the outcome of every row, in order, once they are committed
	 * @throws IngestBusyException when no room came free in time; nothing was queued
	 */
	public CompletableFuture<List<IngestOutcome>> submit(List<NewObservation> rows, Writer writer,
			boolean allowDuplicates, Duration wait) {
		Objects.requireNonNull(writer, "writer");
		if (rows.isEmpty()) {
			return CompletableFuture.completedFuture(List.of());
		}
		if (!running) {
			throw new IngestBusyException(RETRY_AFTER);
		}
		// A submission larger than the whole queue takes all of it rather than never fitting.
		int permits = Math.min(rows.size(), settings.queueObservations());
		try {
			if (!room.tryAcquire(permits, wait.toNanos(), TimeUnit.NANOSECONDS)) {
				throw new IngestBusyException(RETRY_AFTER);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IngestBusyException(RETRY_AFTER);
		}
		Submission submission = new Submission(List.copyOf(rows), writer, allowDuplicates, permits,
				new CompletableFuture<>());
		queue.add(submission);
		return submission.result();
	}

	/** Observations queued and not yet committed. */
	public int queued() {
		return settings.queueObservations() - room.availablePermits();
	}

	private void write() {
		List<Submission> group = new ArrayList<>();
		while (running || !queue.isEmpty()) {
			try {
				Submission first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				group.add(first);
				int rows = first.rows().size();
				Submission next;
				while (rows < settings.batchObservations() && (next = queue.poll()) != null) {
					group.add(next);
					rows += next.rows().size();
				}
				commit(group);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException e) {
				log.error("Observation writer failed", e);
				group.forEach(s -> s.result().completeExceptionally(e));
			}
			finally {
				group.forEach(s -> room.release(s.permits()));
				group.clear();
			}
		}
	}

	/**
	 * Commits a group in one transaction. When that fails, each submission is tried alone, so
	 * that one that the database refuses fails alone.
	 */
	private void commit(List<Submission> group) {
		List<Instant> times = new ArrayList<>();
		group.forEach(s -> s.rows().forEach(row -> times.add(row.phenomenonTime().start())));
		// Before the transaction: a partition attached after it began writing is not seen by it.
		partitions.ensure(times);
		if (group.size() > 1) {
			try {
				List<List<IngestOutcome>> outcomes = transaction.execute(status -> append(group));
				for (int i = 0; i < group.size(); i++) {
					group.get(i).result().complete(outcomes.get(i));
				}
				return;
			}
			catch (RuntimeException e) {
				log.debug("A group of {} submissions failed; committing them one by one", group.size(), e);
			}
		}
		for (Submission submission : group) {
			try {
				submission.result().complete(transaction.execute(status -> append(List.of(submission)).get(0)));
			}
			catch (RuntimeException e) {
				submission.result().completeExceptionally(e);
			}
		}
	}

	private List<List<IngestOutcome>> append(List<Submission> group) {
		List<List<IngestOutcome>> outcomes = new ArrayList<>(group.size());
		// Rows that may be duplicates and rows that may not are stored by separate calls.
		group.forEach(submission -> outcomes.add(null));
		appendWhere(group, outcomes, false);
		appendWhere(group, outcomes, true);
		return outcomes;
	}

	private void appendWhere(List<Submission> group, List<List<IngestOutcome>> outcomes, boolean allowDuplicates) {
		List<NewObservation> rows = new ArrayList<>();
		List<Writer> writers = new ArrayList<>();
		for (Submission submission : group) {
			if (submission.allowDuplicates() == allowDuplicates) {
				rows.addAll(submission.rows());
				writers.addAll(Collections.nCopies(submission.rows().size(), submission.writer()));
			}
		}
		if (rows.isEmpty()) {
			return;
		}
		List<IngestOutcome> all = store.append(rows, writers, allowDuplicates);
		int from = 0;
		for (int i = 0; i < group.size(); i++) {
			Submission submission = group.get(i);
			if (submission.allowDuplicates() == allowDuplicates) {
				outcomes.set(i, all.subList(from, from + submission.rows().size()));
				from += submission.rows().size();
			}
		}
	}

	@Override
	public synchronized void start() {
		running = true;
		for (int i = 0; i < writerCount; i++) {
			Thread writer = Thread.ofPlatform().name("observation-writer-" + i).daemon().start(this::write);
			writers.add(writer);
		}
	}

	/** Commits what is queued, then stops. */
	@Override
	public synchronized void stop() {
		running = false;
		for (Thread writer : writers) {
			try {
				writer.join(Duration.ofSeconds(30));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		writers.clear();
		// A submission that slipped in while the writers were stopping is refused, not left waiting.
		Submission left;
		while ((left = queue.poll()) != null) {
			room.release(left.permits());
			left.result().completeExceptionally(new IngestBusyException(RETRY_AFTER));
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Starts after the database and stops before it; transports that submit stop before this. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE / 2;
	}

}
