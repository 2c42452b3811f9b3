package org.cabildo.indicators;

import java.util.Objects;

/**
 * How much data backs a value: {@code counted} of the {@code possible} hours (or 8-hour means,
 * days, months) of its period, and whether that meets the 75 % rule. Returned with every value,
 * so the API can say how many hours back each number and why a number is missing.
 *
 * <p>
 * The rule: an aggregate is valid when at least 75 % of its parts have data, rounded up — 18 of
 * 24 hours, 18 of 23 and 19 of 25 on days the clocks change, 6 of the 8 hours of an 8-hour mean,
 * 18 of a day's 24 8-hour means. For the 8-hour means it is the EU air-quality directive
 * 2008/50/EC, Annex VII A.2 ("eight hours values: 75 % of values (i.e. six hours)"; "maximum
 * daily 8 hours mean: 75 % of the hourly running eight hours averages (i.e. 18 eight-hourly
 * averages per day)"). For daily and period means it is the platform's choice, the same 75 %:
 * WHO's guidelines set no rule of their own, and the directive asks more of an annual mean
 * (75 % of summer and of winter separately for ozone, Annex VII; 90 % for the other pollutants,
 * Annex XI, not applied here).
 *
 * @param of what is counted
 * @param counted parts with data (valid parts)
 * @param possible parts the period has
 */
record AirCoverage(Counted of, int counted, int possible) {

	/** What a coverage counts. */
	enum Counted {
		HOURS, EIGHT_HOUR_MEANS, DAYS, MONTHS
	}

	/** The share of a period's parts that must have data, in percent. */
	static final int REQUIRED_PERCENT = 75;

	AirCoverage {
		Objects.requireNonNull(of, "of");
		if (counted < 0 || possible < 0 || counted > possible) {
			throw new IllegalArgumentException("coverage " + counted + " of " + possible + " " + of);
		}
	}

	/** The fewest parts that make the value valid: 75 % of the possible, rounded up. */
	int required() {
		return (REQUIRED_PERCENT * possible + 99) / 100;
	}

	boolean isMet() {
		return possible > 0 && counted >= required();
	}

	/** Counted over possible, 0 to 1 (0 for an empty period). */
	double share() {
		return possible == 0 ? 0 : (double) counted / possible;
	}

}
