package org.cabildo.indicators;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The mean of a month's daily values (for ozone's peak season, of its daily maximum 8-hour
 * means), valid when 75 % of the month's days (rounded up: 24 of 31, 23 of 30, 22 of 29, 21 of 28)
 * are valid — the platform's rule, the same as for hours; WHO sets none. A day missing from
 * the list counts as invalid.
 *
 * @param value the mean of the valid days, null below the rule
 * @param coverage valid days of the month's days
 */
record AirMonth(YearMonth month, Double value, AirCoverage coverage) {

	AirMonth {
		Objects.requireNonNull(month, "month");
		Objects.requireNonNull(coverage, "coverage");
		if (value != null && !coverage.isMet()) {
			throw new IllegalArgumentException(month + ": a month below its coverage rule has no value");
		}
	}

	boolean isValid() {
		return value != null;
	}

	/** Every month from the first day's to the last day's, each from its valid days. */
	static List<AirMonth> of(List<AirDay> days) {
		TreeMap<LocalDate, AirDay> byDate = new TreeMap<>();
		for (AirDay day : days) {
			if (byDate.put(day.date(), day) != null) {
				throw new IllegalArgumentException("two values for " + day.date());
			}
		}
		List<AirMonth> months = new ArrayList<>();
		if (byDate.isEmpty()) {
			return months;
		}
		YearMonth first = YearMonth.from(byDate.firstKey());
		YearMonth last = YearMonth.from(byDate.lastKey());
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			int valid = 0;
			double sum = 0;
			for (int d = 1; d <= month.lengthOfMonth(); d++) {
				AirDay day = byDate.get(month.atDay(d));
				if (day != null && day.isValid()) {
					valid++;
					sum += day.value();
				}
			}
			AirCoverage coverage = new AirCoverage(AirCoverage.Counted.DAYS, valid, month.lengthOfMonth());
			months.add(new AirMonth(month, coverage.isMet() ? sum / valid : null, coverage));
		}
		return months;
	}

}
