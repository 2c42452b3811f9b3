package org.cabildo.indicators;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day's count at one counter or on one line.
 *
 * @param operator the transit operator ({@code STC}, {@code Metrobús}); for a cyclist counter, the counter
 * @param site the counter ({@code REFORMA222}) or the line ({@code L1})
 * @param day the local date
 * @param counted the count; null when the source's cell is empty (kept, so that it is counted as left out)
 */
public record MobilityCount(String operator, String site, LocalDate day, Long counted) {

	public MobilityCount {
		Objects.requireNonNull(operator, "operator");
		Objects.requireNonNull(site, "site");
		Objects.requireNonNull(day, "day");
		if (operator.isBlank() || operator.length() > 100 || site.isBlank() || site.length() > 100) {
			throw new IllegalArgumentException(day + ": an operator and a site are 1 to 100 characters");
		}
		if (counted != null && counted < 0) {
			throw new IllegalArgumentException(operator + " " + site + " " + day + ": a count is not negative");
		}
	}

}
