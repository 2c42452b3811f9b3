package org.cabildo.sensing.write;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts the committed writes on this node that may change where a stream is or what it is
 * called (a Datastream, MultiDatastream, Thing, Location or HistoricalLocation created, changed,
 * linked or deleted), so that what is kept of the streams' places ({@link
 * org.cabildo.sensing.DatastreamPlaces}) is read again after them, and never before their commit.
 */
@Component
public class PlaceChanges {

	private final AtomicLong committed = new AtomicLong();

	/** How many such writes were committed on this node. */
	public long committed() {
		return committed.get();
	}

	/** A write of the current transaction may change places: counted once, when it commits. */
	void changing() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			committed.incrementAndGet();
			return;
		}
		if (TransactionSynchronizationManager.hasResource(this)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(PlaceChanges.this);
				if (status == STATUS_COMMITTED) {
					committed.incrementAndGet();
				}
			}
		});
	}

}
