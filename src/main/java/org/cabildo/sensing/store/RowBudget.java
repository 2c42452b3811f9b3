package org.cabildo.sensing.store;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * How many entities one answer may still read and write, over all its {@code $expand} levels,
 * so that no request, however it nests its expansions, holds more than a bounded number of rows
 * in memory or writes more than a bounded number of entities (an entity expanded to one is read
 * once and written under every row that points to it).
 */
final class RowBudget {

	private int left;

	private final Map<EntityRow, Long> written = new IdentityHashMap<>();

	RowBudget(int total) {
		this.left = total;
	}

	int left() {
		return left;
	}

	void spend(int rows) {
		left -= rows;
	}

	/** How many entities the answer writes for this one: itself and all it expands, shared ones each time. */
	long written(EntityRow row) {
		Long known = written.get(row);
		if (known != null) {
			return known;
		}
		long total = 1;
		for (Object expanded : row.expanded().values()) {
			switch (expanded) {
				case Page page -> {
					for (EntityRow one : page.rows()) {
						total += written(one);
					}
				}
				case EntityRow one -> total += written(one);
				case null, default -> {
				}
			}
		}
		written.put(row, total);
		return total;
	}

	/** Thrown where a read has rows to return and nothing left to return them with. */
	static final class Spent extends RuntimeException {

		Spent() {
			super("the row budget of the request is spent", null, false, false);
		}

	}

}
