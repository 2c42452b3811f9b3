package org.cabildo.indicators.air;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One category of a band table: the values above {@code above} (exclusive; null for the first
 * band, which starts at zero) up to and including {@code upTo} (null for the last band, which
 * has no end), as the band tables write "&gt; 0.051 a 0.095".
 */
public record Band(Category category, BigDecimal above, BigDecimal upTo) {

	public Band {
		Objects.requireNonNull(category, "category");
		if (above != null && upTo != null && above.compareTo(upTo) >= 0) {
			throw new IllegalArgumentException("a band ends above its start: " + above + " to " + upTo);
		}
	}

	public boolean contains(BigDecimal value) {
		return (above == null || value.compareTo(above) > 0) && (upTo == null || value.compareTo(upTo) <= 0);
	}

}
