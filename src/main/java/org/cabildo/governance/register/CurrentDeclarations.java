package org.cabildo.governance.register;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.cabildo.governance.Declaration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The current version of every declaration, in memory: every Observation ingested and every read
 * asks, so the answer costs a map lookup. A change made on this node is here at once (after its
 * commit); one made on another node within {@code cabildo.governance.declaration-refresh}.
 */
@Component
public class CurrentDeclarations {

	private final DeclarationStore store;

	private volatile Map<Long, Declaration> current = Map.of();

	private volatile boolean loaded;

	/** The changes committed on this node while {@link #reload} reads the table; null when it does not. */
	private Map<Long, Declaration> changedWhileReloading;

	/** Bumped on every change, so that what is derived from the register knows when to derive again. */
	private final AtomicLong generation = new AtomicLong();

	CurrentDeclarations(DeclarationStore store) {
		this.store = store;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelayString = "${cabildo.governance.declaration-refresh:30s}",
			initialDelayString = "${cabildo.governance.declaration-refresh:30s}")
	public void reload() {
		synchronized (this) {
			changedWhileReloading = new ConcurrentHashMap<>();
		}
		Map<Long, Declaration> loaded = new ConcurrentHashMap<>();
		for (Declaration declaration : store.allCurrent()) {
			loaded.put(declaration.datastreamId(), declaration);
		}
		synchronized (this) {
			// A change committed here while the table was being read may be missing from what was
			// read: it stays (the later version wins), or it would be lost until the next reload.
			changedWhileReloading.values()
				.forEach(declaration -> loaded.merge(declaration.datastreamId(), declaration,
						(read, changed) -> changed.version() >= read.version() ? changed : read));
			changedWhileReloading = null;
			if (!loaded.equals(current)) {
				current = loaded;
				generation.incrementAndGet();
			}
			this.loaded = true;
		}
	}

	public Optional<Declaration> of(long datastream) {
		if (!loaded) {
			// Before the first load (start-up, the demo loader): ask the table.
			return store.current(datastream);
		}
		return Optional.ofNullable(current.get(datastream));
	}

	/** The current declaration as the table holds it, in the caller's transaction. */
	public Optional<Declaration> fromTable(long datastream) {
		return store.current(datastream);
	}

	public Collection<Declaration> all() {
		return current.values();
	}

	public long generation() {
		return generation.get();
	}

	/** A declaration committed on this node (one at a time: two at once must not lose either). */
	public synchronized void changed(Declaration declaration) {
		Map<Long, Declaration> next = new ConcurrentHashMap<>(current);
		next.put(declaration.datastreamId(), declaration);
		current = next;
		if (changedWhileReloading != null) {
			changedWhileReloading.put(declaration.datastreamId(), declaration);
		}
		generation.incrementAndGet();
	}

}
