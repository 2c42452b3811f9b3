package org.cabildo.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.cabildo.platform.LeastRecentlyUsed;
import org.cabildo.governance.Register;
import org.cabildo.governance.objections.Objections;
import org.cabildo.sensing.ReadContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Stream cards as anyone who has not signed in sees them, made once for everyone: the same
 * {@link Card} object, in a language, for as long as nothing it shows has changed. A declaration
 * changed or an objection filed, answered or hidden is on the next card at once; new values are
 * on it within {@link #KEPT} and the time of one read (a card older than that is answered while
 * it is made again).
 *
 * <p>
 * Only cards of streams whose data is not personal: a read of them is recorded for no one, so one
 * read may answer every visitor. Any other card is made for each reader. At most {@link #MOST}
 * cards are kept, the least recently asked given up first.
 *
 * <p>
 * Cards are made by platform threads of their own, at most {@link #MAKERS} at once, never by a
 * visitor's request: a card is several queries, and a request thread (a virtual thread) that
 * waits for each of them was left behind the other visitors' short answers after each one, for
 * hundreds of milliseconds in all (as {@link LatestAir} found for the home page's readings).
 */
@Component
class PublicCards {

	/** How long a card's values may be kept: as long as the home page's air. */
	static final Duration KEPT = LatestAir.FRESH;

	/** Cards kept at most (a stream in a language each). */
	static final int MOST = KeptPages.MOST;

	static final int MAKERS = 2;

	private static final Logger log = LoggerFactory.getLogger(PublicCards.class);

	private final CardPage page;

	private final Register register;

	private final Objections objections;

	private final Clock clock;

	private final ExecutorService makers = Executors.newFixedThreadPool(MAKERS,
			Thread.ofPlatform().name("public-cards-", 1).daemon().factory());

	private final Map<String, Kept> kept = LeastRecentlyUsed.map(MOST);

	private final Map<String, Making> making = new ConcurrentHashMap<>();

	PublicCards(CardPage page, Register register, Objections objections, Clock clock) {
		this.page = page;
		this.register = register;
		this.objections = objections;
		this.clock = clock;
	}

	@PreDestroy
	void stop() {
		makers.shutdownNow();
	}

	/** What a card was made from: the register's and the objections' generations, read before the card. */
	private record Source(long declarations, long objections) {
	}

	private record Kept(Card card, Source source, Instant made) {
	}

	private record Making(Source source, CompletableFuture<Kept> card) {
	}

	/**
	 * The card of a stream as anyone sees it, the same object while it holds; empty for a stream of
	 * personal data (whose card is made for each reader); 404 when the stream is not declared.
	 */
	Optional<Card> of(long datastream, Language language) {
		if (page.declaration(datastream).personalDataClass().isPersonal()) {
			return Optional.empty();
		}
		// Counted before the card is read: a change meanwhile makes it again.
		Source source = new Source(register.generation(), objections.generation());
		String key = datastream + "|" + language.code();
		Kept card = kept.get(key);
		if (card != null && card.source().equals(source)) {
			if (!clock.instant().isBefore(card.made().plus(KEPT))) {
				making(key, datastream, language, source);
			}
			return Optional.of(card.card());
		}
		try {
			return Optional.of(making(key, datastream, language, source).join().card());
		}
		catch (CompletionException e) {
			throw e.getCause() instanceof RuntimeException cause ? cause : e;
		}
	}

	/** The card being made from this source, or a new making of it. */
	private CompletableFuture<Kept> making(String key, long datastream, Language language, Source source) {
		while (true) {
			Making under = making.get(key);
			if (under != null && under.source().equals(source)) {
				return under.card();
			}
			Making mine = new Making(source, new CompletableFuture<>());
			boolean ours = under == null ? making.putIfAbsent(key, mine) == null : making.replace(key, under, mine);
			if (ours) {
				make(key, datastream, language, mine);
				return mine.card();
			}
		}
	}

	private void make(String key, long datastream, Language language, Making making) {
		makers.execute(() -> {
			try {
				Card card = page.of(datastream, language, new ReadContext.Anonymous(null, "GET /sensors/" + datastream),
						null);
				Kept made = new Kept(card, making.source(), clock.instant());
				kept.put(key, made);
				making.card().complete(made);
			}
			catch (RuntimeException | Error e) {
				if (!(e instanceof RuntimeException)) {
					log.error("The card of stream {} could not be made", datastream, e);
				}
				making.card().completeExceptionally(e);
			}
			finally {
				this.making.remove(key, making);
			}
		});
	}

}
