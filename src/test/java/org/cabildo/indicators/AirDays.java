package org.cabildo.indicators;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Daily values from a stream's hour means, in the city's local calendar, and what is counted
 * from them: exceedance days, percentiles, days per category of a local index.
 *
 * <p>
 * An hour belongs to the local day that contains its start. A day is valid when 75 % of its
 * hours (rounded up) have data, counted against the hours the day really has in the city's zone
 * ({@link AirCoverage}); an invalid day is listed without a value, never dropped, so that the
 * count of days of the period stays honest.
 */
final class AirDays {

	// The tests' reference computation of daily values from hours' means (the platform reads them
	// from daily rollups): kept beside the tests so that the definitions stay written out once more.


	private static final Duration HOUR = Duration.ofHours(1);

	private static final Duration EIGHT_HOURS = Duration.ofHours(8);

	private AirDays() {
	}

	/** The mean of each day of the period (the 24-hour mean of the WHO guidelines). */
	static List<AirDay> means(List<HourMean> hours, ZoneId zone, AirPeriod period) {
		return daily(hours, zone, period, AirHours::mean);
	}

	/** The highest hour mean of each day (for an index read on hourly values, such as NOM-172's ozone). */
	static List<AirDay> maxima(List<HourMean> hours, ZoneId zone, AirPeriod period) {
		return daily(hours, zone, period, values -> values.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
	}

	/**
	 * The daily maximum 8-hour mean of each day (ozone), by the convention of the EU directive
	 * 2008/50/EC, Annex VII: 8-hour running means computed every hour, each assigned to the day in
	 * which it ends — the first of a day covers 17:00 of the day before to 01:00, the last 16:00 to
	 * 24:00. A local day has as many such means as it has hours (23 or 25 on days the clocks
	 * change; the means span 8 real hours). An 8-hour mean is valid with 6 of its 8 hours, and
	 * is the mean of the hours it has; a day is valid with 75 % of its 8-hour means valid (18 of
	 * 24), and its value is the highest of them.
	 *
	 * <p>
	 * The first means of the period's first day reach 7 hours into the day before: give those
	 * hours too, or that day will count them as missing.
	 */
	static List<AirDay> maximumEightHourMeans(List<HourMean> hours, ZoneId zone, AirPeriod period) {
		AirHours byStart = new AirHours(hours);
		return period.days().map(day -> {
			AirPeriod one = AirPeriod.day(day);
			Instant dayStart = one.startIn(zone);
			Instant dayEnd = one.endIn(zone);
			int possible = one.hoursIn(zone);
			int valid = 0;
			double highest = Double.NEGATIVE_INFINITY;
			Set<Instant> behind = new HashSet<>();
			for (Instant end = dayStart.plus(HOUR); !end.isAfter(dayEnd); end = end.plus(HOUR)) {
				Instant start = end.minus(EIGHT_HOURS);
				Collection<Double> window = byStart.startingIn(start, end);
				if (new AirCoverage(AirCoverage.Counted.HOURS, window.size(), 8).isMet()) {
					valid++;
					highest = Math.max(highest, AirHours.mean(window));
					behind.addAll(byStart.startsIn(start, end));
				}
			}
			AirCoverage coverage = new AirCoverage(AirCoverage.Counted.EIGHT_HOUR_MEANS, valid, possible);
			return new AirDay(day, coverage.isMet() ? highest : null, coverage, behind.size());
		}).toList();
	}

	/** How many valid days have a value above {@code level}, of how many valid days and days. */
	static AirExceedances exceedances(List<AirDay> days, double level) {
		return AirExceedances.of(days, level);
	}

	/**
	 * The {@code percent} percentile of the valid days' values by the nearest-rank method: the
	 * value of rank ⌈percent/100 × n⌉ among the n valid values in increasing order (the smallest
	 * for 0). Every result is a value that occurred. With a full year (365 valid days) the 99th
	 * percentile is the 362nd value, so 3 days lie above it: WHO's "3–4 exceedance days per year".
	 * Empty without valid days.
	 */
	static OptionalDouble percentile(List<AirDay> days, double percent) {
		if (!(percent >= 0 && percent <= 100)) {
			throw new IllegalArgumentException("a percentile is between 0 and 100: " + percent);
		}
		double[] values = days.stream().filter(AirDay::isValid).mapToDouble(AirDay::value).sorted().toArray();
		if (values.length == 0) {
			return OptionalDouble.empty();
		}
		int rank = (int) Math.ceil(percent / 100 * values.length);
		return OptionalDouble.of(values[Math.max(rank, 1) - 1]);
	}

	/**
	 * Valid days per category, as a category function places a day's value: the lead adapts a
	 * local index (its band table for the pollutant and averaging time, its unit) to a function
	 * of a number; this counts, whatever the index. A category the function gives that is not in
	 * {@code categories} is a mistake of the adaptation and is refused.
	 *
	 * @param categories every category of the index, best first: the order of the answer
	 * @param category a value's category, or null when it cannot place the value
	 */
	static AirCategoryDays perCategory(List<AirDay> days, List<String> categories, Function<Double, String> category) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		categories.forEach(name -> counts.put(Objects.requireNonNull(name, "category"), 0));
		int unclassified = 0;
		int invalid = 0;
		for (AirDay day : days) {
			if (!day.isValid()) {
				invalid++;
				continue;
			}
			String name = category.apply(day.value());
			if (name == null) {
				unclassified++;
			}
			else if (counts.computeIfPresent(name, (key, count) -> count + 1) == null) {
				throw new IllegalArgumentException("the category function gave '" + name + "', which is not one of "
						+ categories);
			}
		}
		List<AirCategoryDays.Count> answer = new ArrayList<>();
		counts.forEach((name, count) -> answer.add(new AirCategoryDays.Count(name, count)));
		return new AirCategoryDays(answer, unclassified, invalid);
	}

	/** Each day of the period from its own hours: valid with 75 % of the day's hours. */
	private static List<AirDay> daily(List<HourMean> hours, ZoneId zone, AirPeriod period,
			ToDoubleFunction<Collection<Double>> statistic) {
		AirHours byStart = new AirHours(hours);
		return period.days().map(day -> {
			AirPeriod one = AirPeriod.day(day);
			Collection<Double> values = byStart.startingIn(one.startIn(zone), one.endIn(zone));
			AirCoverage coverage = new AirCoverage(AirCoverage.Counted.HOURS, values.size(), one.hoursIn(zone));
			return new AirDay(day, coverage.isMet() ? statistic.applyAsDouble(values) : null, coverage, values.size());
		}).toList();
	}

}
