package org.cabildo.indicators;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The cases of one district in one reporting period.
 *
 * @param district the district's code ({@code 09015})
 * @param start the period's first day
 * @param end its last day (included); a period may span more than a week (a missed report)
 * @param cases the count, not negative
 */
public record HealthCount(String district, LocalDate start, LocalDate end, long cases) {

	public HealthCount {
		Objects.requireNonNull(district, "district");
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		if (end.isBefore(start)) {
			throw new IllegalArgumentException(district + " " + start + ": a period ends on or after its start");
		}
		if (cases < 0) {
			throw new IllegalArgumentException(district + " " + start + ": a count is not negative");
		}
	}

}
