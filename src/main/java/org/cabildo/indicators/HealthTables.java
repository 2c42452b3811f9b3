package org.cabildo.indicators;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.cabildo.indicators.HealthDistrictTable.HealthDistrictRow;
import org.cabildo.indicators.HealthDistrictWeeks.HealthWeek;
import org.cabildo.platform.ApiException;
import org.springframework.stereotype.Service;

/**
 * What may be shown of a health series: its counts by district and period through one
 * protected table per series ({@link SmallCells}), from which every answer is made (see
 * {@link HealthDistrictTable} for the rule), so that no two answers together give away a count
 * below 11.
 */
@Service
class HealthTables {

	static final String SUPPRESSION = "Small-cell suppression: no count below " + SmallCells.THRESHOLD
			+ " is shown or derivable. The series is protected as one table of districts by reporting periods, with"
			+ " each district's total, each period's city total and the grand total: every count below "
			+ SmallCells.THRESHOLD + " is hidden (primary); where a row or column would then hide exactly one count,"
			+ " the next smallest count of that row or column (or its total) is hidden too (complementary), repeated"
			+ " until no hidden count can be solved for from the shown counts and totals by any combination of rows"
			+ " and columns; complementary counts the protection does not need are shown again. Every answer is made"
			+ " from that table: a total over a period is shown only when it follows from the table's shown counts and"
			+ " is " + SmallCells.THRESHOLD + " or more; within an answer, when exactly one district's total is hidden"
			+ " the city's is hidden too, and when exactly one period of a district is hidden its total is. A rate is"
			+ " hidden with its count. Sums of two or more hidden counts of a row or column can still be worked out,"
			+ " as with any complementary suppression; no single hidden count can.";

	private final HealthSeriesRegister register;

	private final DistrictRegister districts;

	private final Map<String, Base> kept = new ConcurrentHashMap<>();

	HealthTables(HealthSeriesRegister register, DistrictRegister districts) {
		this.register = register;
		this.districts = districts;
	}

	/** A series' protected table: its districts (rows) and periods (columns), as loaded. */
	record Base(String version, HealthSeries series, List<String> districts, List<LocalDate[]> periods,
			SmallCells.Protected table) {

		LocalDate firstDay() {
			return periods.getFirst()[0];
		}

		LocalDate dayAfterLast() {
			return periods.getLast()[1].plusDays(1);
		}

	}

	HealthSeries series(String code) {
		return register.byCode(code)
			.orElseThrow(() -> ApiException
				.notFound("there is no health series '" + code + "': GET /api/health/series lists them")
				.with("parameter", "code"));
	}

	Base base(String code) {
		HealthSeries series = series(code);
		String version = register.version(code).orElseThrow();
		Base base = kept.get(code);
		if (base != null && base.version().equals(version) && base.series().equals(series)) {
			return base;
		}
		List<HealthCount> counts = register.counts(code);
		if (counts.isEmpty()) {
			throw ApiException.notFound("the health series '" + code + "' holds no counts").with("parameter", "code");
		}
		List<String> rows = new ArrayList<>(new TreeSet<>(counts.stream().map(HealthCount::district).toList()));
		TreeMap<LocalDate, LocalDate> ends = new TreeMap<>();
		counts.forEach(count -> ends.put(count.start(), count.end()));
		List<LocalDate[]> periods = ends.entrySet().stream().map(e -> new LocalDate[] { e.getKey(), e.getValue() }).toList();
		Map<String, Integer> rowOf = new HashMap<>();
		rows.forEach(row -> rowOf.put(row, rowOf.size()));
		Map<LocalDate, Integer> columnOf = new HashMap<>();
		periods.forEach(period -> columnOf.put(period[0], columnOf.size()));
		Long[][] cells = new Long[rows.size()][periods.size()];
		counts.forEach(count -> cells[rowOf.get(count.district())][columnOf.get(count.start())] = count.cases());
		base = new Base(version, series, List.copyOf(rows), periods, SmallCells.protect(cells));
		kept.put(code, base);
		return base;
	}

	/**
	 * A period's view of the protected table: each row's (district's, then the city's) total over
	 * the periods within [from, to), with whether it is hidden.
	 */
	record View(Base base, List<Integer> columns, long[] totals, boolean[] hidden) {

		int city() {
			return base.districts().size();
		}

	}

	static View view(Base base, LocalDate from, LocalDate to) {
		List<Integer> columns = new ArrayList<>();
		for (int j = 0; j < base.periods().size(); j++) {
			LocalDate[] period = base.periods().get(j);
			if (!period[0].isBefore(from) && period[1].isBefore(to)) {
				columns.add(j);
			}
		}
		SmallCells.Protected table = base.table();
		int rows = table.rows() + 1;
		int all = table.columns();
		long[] totals = new long[rows];
		boolean[] hidden = new boolean[rows];
		for (int i = 0; i < rows; i++) {
			int hiddenInside = 0;
			int hiddenOutside = 0;
			for (int j = 0; j < all; j++) {
				boolean inside = columns.contains(j);
				if (inside && table.isPresent(i, j)) {
					totals[i] += table.values()[i][j];
				}
				if (table.isHidden(i, j)) {
					if (inside) {
						hiddenInside++;
					}
					else {
						hiddenOutside++;
					}
				}
			}
			// shown only when it follows from the protected table: no hidden count inside, or all of them with the row's total shown
			boolean follows = hiddenInside == 0 || (hiddenOutside == 0 && !table.isHidden(i, all));
			hidden[i] = !follows || totals[i] < SmallCells.THRESHOLD;
		}
		int city = rows - 1;
		boolean changed = true;
		while (changed) {
			changed = false;
			for (int i = 0; i < rows; i++) {
				int hiddenCells = 0;
				for (int j : columns) {
					hiddenCells += table.isHidden(i, j) ? 1 : 0;
				}
				if (hiddenCells == 1 && !hidden[i]) {
					hidden[i] = true;
					changed = true;
				}
			}
			int hiddenDistricts = 0;
			for (int i = 0; i < city; i++) {
				hiddenDistricts += hidden[i] ? 1 : 0;
			}
			if (hiddenDistricts == 1 && !hidden[city]) {
				hidden[city] = true;
				changed = true;
			}
		}
		return new View(base, List.copyOf(columns), totals, hidden);
	}

	/** Every district's cases over [from, to) (the whole series when null), suppressed as the rule says. */
	HealthDistrictTable districts(String code, LocalDate from, LocalDate to) {
		Base base = base(code);
		LocalDate start = from == null ? base.firstDay() : from;
		LocalDate end = to == null ? base.dayAfterLast() : to;
		checkPeriod(start, end);
		View view = view(base, start, end);
		Map<String, District> known = known();
		List<HealthDistrictRow> rows = new ArrayList<>();
		Long cityPopulation = 0L;
		for (int i = 0; i < base.districts().size(); i++) {
			String id = base.districts().get(i);
			District district = known.get(id);
			Long population = district == null ? null : district.population();
			cityPopulation = cityPopulation == null || population == null ? null : cityPopulation + population;
			rows.add(row(id, district == null ? null : district.name(), population, view.totals()[i], view.hidden()[i]));
		}
		HealthDistrictRow city = row("city", null, cityPopulation, view.totals()[view.city()],
				view.hidden()[view.city()]);
		LocalDate coveredFrom = view.columns().isEmpty() ? null : base.periods().get(view.columns().getFirst())[0];
		LocalDate coveredTo = view.columns().isEmpty() ? null : base.periods().get(view.columns().getLast())[1];
		return new HealthDistrictTable(base.series(), start, end, coveredFrom, coveredTo, view.columns().size(), rows,
				city, SUPPRESSION);
	}

	/** One district's periods within [from, to) and its total over them, suppressed as the rule says. */
	HealthDistrictWeeks weeks(String code, String district, LocalDate from, LocalDate to) {
		Base base = base(code);
		int row = base.districts().indexOf(district);
		if (row < 0) {
			throw ApiException.notFound("the health series '" + code + "' has no counts for a district '" + district + "'")
				.with("parameter", "district");
		}
		LocalDate start = from == null ? base.firstDay() : from;
		LocalDate end = to == null ? base.dayAfterLast() : to;
		checkPeriod(start, end);
		View view = view(base, start, end);
		District known = known().get(district);
		Long population = known == null ? null : known.population();
		List<HealthWeek> weeks = new ArrayList<>();
		for (int j : view.columns()) {
			if (!base.table().isPresent(row, j)) {
				continue;
			}
			LocalDate[] period = base.periods().get(j);
			boolean hidden = base.table().isHidden(row, j);
			long cases = base.table().values()[row][j];
			weeks.add(new HealthWeek(period[0], period[1], (int) ChronoUnit.DAYS.between(period[0], period[1]) + 1,
					hidden ? null : cases, hidden ? null : per100k(cases, population), hidden));
		}
		boolean hidden = view.hidden()[row];
		long cases = view.totals()[row];
		return new HealthDistrictWeeks(base.series(), district, known == null ? null : known.name(), population, start,
				end, weeks, hidden ? null : cases, hidden ? null : per100k(cases, population), hidden, SUPPRESSION);
	}

	private Map<String, District> known() {
		Map<String, District> known = new HashMap<>();
		districts.all().forEach(district -> known.put(district.id(), district));
		return known;
	}

	private static HealthDistrictRow row(String id, String name, Long population, long cases, boolean hidden) {
		return new HealthDistrictRow(id, name, population, hidden ? null : cases,
				hidden ? null : per100k(cases, population), hidden);
	}

	/** Cases per 100,000 inhabitants, to two decimals; null without a population. */
	static Double per100k(long cases, Long population) {
		if (population == null || population <= 0) {
			return null;
		}
		return Math.round(cases * 100_000.0 / population * 100) / 100.0;
	}

	private static void checkPeriod(LocalDate from, LocalDate to) {
		if (!from.isBefore(to)) {
			throw ApiException.badRequest("from must be before to").with("parameter", "to");
		}
	}

}
