package org.cabildo.indicators.air;

import java.util.Objects;

/**
 * A category of an index, as the index names it ({@code buena}) and by its rank, 1 the best:
 * the rank chooses the colour, the name the words shown with it.
 */
public record Category(String id, int level) {

	public Category {
		Objects.requireNonNull(id, "id");
		if (level < 1) {
			throw new IllegalArgumentException("a category's level starts at 1: " + level);
		}
	}

}
