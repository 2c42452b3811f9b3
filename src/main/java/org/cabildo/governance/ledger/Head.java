package org.cabildo.governance.ledger;

/** A point of the chain: an entry's sequence number and hash ({@code 0} and GENESIS before the first). */
record Head(long seq, String entryHash) {

	static final Head START = new Head(0, LedgerEntry.GENESIS);

}
