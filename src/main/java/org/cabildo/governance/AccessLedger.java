package org.cabildo.governance;

/**
 * The append-only, hash-chained access ledger. An append commits before it returns, in a
 * transaction of its own; when it cannot, it throws, and what was to be recorded (a read of
 * personal data) must not happen.
 */
public interface AccessLedger {

	/** Appends the event; returns its sequence number. */
	long append(LedgerEvent event);

}
