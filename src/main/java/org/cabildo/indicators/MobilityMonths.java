package org.cabildo.indicators;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.cabildo.indicators.MobilitySeriesRegister.DayTotal;

/**
 * The arithmetic of the mobility indicators, on the daily sums the register gives: a value per
 * month or year, its coverage, and no value below {@value #COVERAGE} of the days.
 */
final class MobilityMonths {

	/** A value needs data on three quarters of its days, as an air mean needs three quarters of its hours. */
	static final double COVERAGE = 0.75;

	private MobilityMonths() {
	}

	/** Months or years. */
	enum Length {

		MONTH, YEAR;

		LocalDate start(LocalDate day) {
			return this == MONTH ? day.withDayOfMonth(1) : day.withDayOfYear(1);
		}

		LocalDate next(LocalDate start) {
			return this == MONTH ? start.plusMonths(1) : start.plusYears(1);
		}

		String name(LocalDate start) {
			return this == MONTH ? start.toString().substring(0, 7) : Integer.toString(start.getYear());
		}

	}

	/** The kinds of day cyclists are counted apart by: a counter counts about half as many at weekends. */
	enum DayKind {

		WEEKDAYS(day -> !CounterOutages.weekend(day)), WEEKENDS(CounterOutages::weekend), ALL(day -> true);

		final Predicate<LocalDate> holds;

		DayKind(Predicate<LocalDate> holds) {
			this.holds = holds;
		}

		String group() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/**
	 * Cyclists: per period and kind of day, the mean count per counter per day, over the counts
	 * that count (the sum of the counts over their number), from daily sums over all counters.
	 */
	static List<MobilityValue> cyclists(List<DayTotal> days, LocalDate from, LocalDate to, Length length) {
		Map<LocalDate, DayTotal> byDay = new TreeMap<>();
		days.forEach(day -> byDay.put(day.day(), day));
		List<MobilityValue> values = new ArrayList<>();
		for (LocalDate start = length.start(from); start.isBefore(to); start = length.next(start)) {
			LocalDate a = start.isBefore(from) ? from : start;
			LocalDate b = length.next(start).isAfter(to) ? to : length.next(start);
			for (DayKind kind : DayKind.values()) {
				values.add(value(length.name(start), a, b, kind.group(), byDay, kind.holds, true, null));
			}
		}
		return values;
	}

	/**
	 * Ridership: per period and operator (and {@code all}: the sum of every operator's lines), the mean
	 * of the days' sums over the days with data, against the operator's mean over the baseline days
	 * [baselineFrom, baselineTo), itself subject to the rule of coverage.
	 */
	static List<MobilityValue> ridership(List<DayTotal> days, LocalDate from, LocalDate to, Length length,
			List<DayTotal> baselineDays, LocalDate baselineFrom, LocalDate baselineTo) {
		Map<String, Map<LocalDate, DayTotal>> operators = byOperator(days);
		Map<String, Map<LocalDate, DayTotal>> baselines = byOperator(baselineDays);
		List<MobilityValue> values = new ArrayList<>();
		for (LocalDate start = length.start(from); start.isBefore(to); start = length.next(start)) {
			LocalDate a = start.isBefore(from) ? from : start;
			LocalDate b = length.next(start).isAfter(to) ? to : length.next(start);
			for (var operator : operators.entrySet()) {
				Double baseline = value("baseline", baselineFrom, baselineTo, operator.getKey(),
						baselines.getOrDefault(operator.getKey(), Map.of()), day -> true, false, null)
					.value();
				values.add(value(length.name(start), a, b, operator.getKey(), operator.getValue(), day -> true, false,
						baseline));
			}
		}
		return values;
	}

	/** Days per operator, then every operator's days summed as {@code all}. */
	private static Map<String, Map<LocalDate, DayTotal>> byOperator(List<DayTotal> days) {
		Map<String, Map<LocalDate, DayTotal>> operators = new LinkedHashMap<>();
		for (String operator : new TreeSet<>(days.stream().map(DayTotal::operator).toList())) {
			operators.put(operator, new TreeMap<>());
		}
		Map<LocalDate, DayTotal> all = new TreeMap<>();
		for (DayTotal day : days) {
			operators.get(day.operator()).put(day.day(), day);
			all.merge(day.day(), new DayTotal("all", day.day(), day.sum(), day.counted(), day.leftOut()),
					(x, y) -> new DayTotal("all", x.day(), x.sum() + y.sum(), x.counted() + y.counted(),
							x.leftOut() + y.leftOut()));
		}
		operators.put("all", all);
		return operators;
	}

	/**
	 * One value over [from, to) for the days the kind holds: perCount, the sum of counts over their
	 * number (a mean per counter and day); otherwise the mean of the days' sums.
	 */
	static MobilityValue value(String period, LocalDate from, LocalDate to, String group, Map<LocalDate, DayTotal> byDay,
			Predicate<LocalDate> kind, boolean perCount, Double baseline) {
		int days = 0;
		int withData = 0;
		long sum = 0;
		long counts = 0;
		long leftOut = 0;
		for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
			if (!kind.test(day)) {
				continue;
			}
			days++;
			DayTotal total = byDay.get(day);
			if (total == null) {
				continue;
			}
			leftOut += total.leftOut();
			if (total.counted() > 0) {
				withData++;
				sum += total.sum();
				counts += total.counted();
			}
		}
		double coverage = days == 0 ? 0 : (double) withData / days;
		Double value = withData == 0 || coverage < COVERAGE ? null
				: round((double) sum / (perCount ? counts : withData), 10);
		Double change = value == null || baseline == null || baseline == 0 ? null
				: round((value / baseline - 1) * 100, 10);
		return new MobilityValue(period, from, to, group, value, baseline, change, withData, days, round(coverage, 1000),
				counts, leftOut);
	}

	/** Days in [from, to): for the bound on a period. */
	static long days(LocalDate from, LocalDate to) {
		return ChronoUnit.DAYS.between(from, to);
	}

	private static double round(double value, int scale) {
		return Math.round(value * scale) / (double) scale;
	}

}
