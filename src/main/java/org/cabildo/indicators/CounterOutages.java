package org.cabildo.indicators;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rule by which a cyclist counter's day is left out: an automatic counter that stops for part
 * of a day counts a fraction of its usual cyclists (Reforma 222 counted 0 on 2019-01-30), and one
 * that misfires counts several times them (Reforma 222 counted 7,191 to 17,327 on weekdays of
 * 10 to 18 July 2017, against about 3,000). Neither is a change in cycling.
 * <p>
 * A day is held against its <b>reference</b>: the median of the same counter's counts on the same
 * kind of day (Monday to Friday, or Saturday and Sunday: a counter counts about half as many at
 * weekends) within {@value #WINDOW_DAYS} days before and after, the day itself included. It is
 * left out as an <b>outage</b> when its count is below a quarter of the reference, and as a
 * <b>malfunction</b> when above twice the reference. A local median, not the counter's median over
 * all its years, because cycling grew (Reforma 222: a median of 2,152 in 2014, 3,446 in 2019).
 * The bounds were chosen on the demo counters: twice catches every weekday of the July 2017 fault
 * (2.4 to 5.6 times its reference); a quarter catches the stopped days (0 to about 300 where
 * about 2,500 is usual). They also leave out some true days (public holidays such as 25 December,
 * events that drew many cyclists): the indicator reports how many days it left out, per month.
 */
final class CounterOutages {

	static final int WINDOW_DAYS = 28;

	static final double OUTAGE_BELOW = 0.25;

	static final double MALFUNCTION_ABOVE = 2.0;

	static final String OUTAGE = "outage";

	static final String MALFUNCTION = "malfunction";

	static final String EMPTY = "empty";

	static final String RULE = "A counter's day is held against the median of the same counter's counts on the same kind of"
			+ " day (Monday to Friday, or Saturday and Sunday) within " + WINDOW_DAYS + " days before and after, the day"
			+ " included; it is left out as an outage below a quarter of that median and as a malfunction above twice"
			+ " it. Days whose count is empty in the source are left out too. Every value says how many days it left"
			+ " out.";

	private CounterOutages() {
	}

	/**
	 * A count with the verdict of the rule.
	 *
	 * @param leftOut null when it counts; {@link #OUTAGE}, {@link #MALFUNCTION} or {@link #EMPTY}
	 * @param reference the median it was held against; null for an empty count
	 */
	record Judged(MobilityCount count, String leftOut, Double reference) {
	}

	/** Every count judged against its counter's neighbouring days of the same kind, in the order given. */
	static List<Judged> judge(List<MobilityCount> counts) {
		Map<String, TreeMap<LocalDate, Long>> sites = new HashMap<>();
		for (MobilityCount count : counts) {
			if (count.counted() != null) {
				sites.computeIfAbsent(count.operator() + "\n" + count.site(), s -> new TreeMap<>())
					.put(count.day(), count.counted());
			}
		}
		List<Judged> judged = new ArrayList<>(counts.size());
		for (MobilityCount count : counts) {
			if (count.counted() == null) {
				judged.add(new Judged(count, EMPTY, null));
				continue;
			}
			TreeMap<LocalDate, Long> days = sites.get(count.operator() + "\n" + count.site());
			double reference = reference(days, count.day());
			String verdict = count.counted() < OUTAGE_BELOW * reference ? OUTAGE
					: count.counted() > MALFUNCTION_ABOVE * reference ? MALFUNCTION : null;
			judged.add(new Judged(count, verdict, reference));
		}
		return judged;
	}

	/** The median of a counter's counts of the day's kind within the window around it, the day included. */
	static double reference(TreeMap<LocalDate, Long> days, LocalDate day) {
		boolean weekend = weekend(day);
		long[] near = days.subMap(day.minusDays(WINDOW_DAYS), true, day.plusDays(WINDOW_DAYS), true)
			.entrySet()
			.stream()
			.filter(e -> weekend(e.getKey()) == weekend)
			.mapToLong(Map.Entry::getValue)
			.toArray();
		Arrays.sort(near);
		int n = near.length;
		return n % 2 == 1 ? near[n / 2] : (near[n / 2 - 1] + near[n / 2]) / 2.0;
	}

	static boolean weekend(LocalDate day) {
		return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

}
