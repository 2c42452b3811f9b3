package org.cabildo.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Answers that are the same for every reader who has not signed in, computed once for all of
 * them and kept a while: figures that read a year of rows are too much to compute for each
 * anonymous request.
 *
 * <p>
 * Computed by a few platform threads of their own, never by a visitor's request, which also bounds
 * how much anonymous work runs at once; visitors asking for an answer being made wait for that
 * one. At most a given number of answers kept, the least recently asked given up first.
 */
public final class KeptAnswers implements AutoCloseable {

	private record Kept(Object answer, Instant made) {
	}

	private final Clock clock;

	private final Duration keptFor;

	private final ExecutorService makers;

	private final Map<String, Kept> kept;

	private final Map<String, CompletableFuture<Kept>> making = new ConcurrentHashMap<>();

	/**
	 * @param name the makers' threads' name
	 * @param makers how many answers may be made at once
	 * @param most how many answers are kept
	 * @param keptFor how long an answer serves; zero: each is made again (for tests that change what is counted)
	 */
	public KeptAnswers(String name, int makers, int most, Duration keptFor, Clock clock) {
		this.clock = clock;
		this.keptFor = keptFor;
		this.kept = LeastRecentlyUsed.map(most);
		this.makers = Executors.newFixedThreadPool(makers, Thread.ofPlatform().name(name + "-", 1).daemon().factory());
	}

	/** The answer kept under this key while it is young enough, or the one {@code make} makes now. */
	@SuppressWarnings("unchecked")
	public <T> T keep(String key, Supplier<T> make) {
		Kept found = kept.get(key);
		if (found != null && clock.instant().isBefore(found.made().plus(keptFor))) {
			return (T) found.answer();
		}
		CompletableFuture<Kept> mine = new CompletableFuture<>();
		CompletableFuture<Kept> under = making.putIfAbsent(key, mine);
		if (under == null) {
			under = mine;
			// Out of making before it completes: a reader who asks once an answer is made (or failed)
			// finds it kept, or makes it again, never the failure of a making that is over.
			makers.execute(() -> {
				try {
					Kept made = new Kept(make.get(), clock.instant());
					kept.put(key, made);
					making.remove(key, mine);
					mine.complete(made);
				}
				catch (RuntimeException | Error e) {
					making.remove(key, mine);
					mine.completeExceptionally(e);
				}
			});
		}
		try {
			return (T) under.join().answer();
		}
		catch (CompletionException e) {
			throw e.getCause() instanceof RuntimeException cause ? cause : e;
		}
	}

	@Override
	public void close() {
		makers.shutdownNow();
	}

}
