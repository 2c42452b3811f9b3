package org.cabildo.sensing.store;

/**
 * How many entities one answer may still read, over all its {@code $expand} levels, so that no
 * request, however it nests its expansions, holds more than a bounded number of rows in memory.
 */
final class RowBudget {

	private int left;

	RowBudget(int total) {
		this.left = total;
	}

	int left() {
		return left;
	}

	void spend(int rows) {
		left -= rows;
	}

	/** Thrown where a read has rows to return and nothing left to return them with. */
	static final class Spent extends RuntimeException {

		Spent() {
			super("the row budget of the request is spent", null, false, false);
		}

	}

}
