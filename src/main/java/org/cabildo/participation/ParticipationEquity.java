package org.cabildo.participation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.cabildo.indicators.DistrictRegister;
import org.cabildo.indicators.SmallCells;
import org.springframework.stereotype.Service;

/**
 * Who takes part, by what residents chose to say about themselves: per district, filings by
 * gender and by age band, so that the city sees whether women, elders or a district are missing.
 * Only aggregates, and no count below {@value SmallCells#THRESHOLD} is shown or can be worked out
 * from the totals shown ({@link SmallCells}: primary and complementary suppression over each
 * table with its margins). The two tables are protected each on its own; their totals differ
 * (not everyone says both).
 */
@Service
public class ParticipationEquity {

	/** One count: null and suppressed when it may not be shown. */
	public record Cell(String category, Long count, boolean suppressed) {
	}

	/** A district's counts (the district null for filings in none), and their total. */
	public record Row(String district, String name, List<Cell> cells, Cell total) {
	}

	/** One table: districts by the categories of one thing said. */
	public record Table(String said, List<String> categories, List<Row> districts, Row city) {
	}

	/**
	 * @param kind report, proposal, support or all
	 * @param from the first month, {@code yyyy-mm}
	 * @param to the last month, {@code yyyy-mm}
	 */
	public record Answer(String kind, String from, String to, long threshold, String method, Table byGender,
			Table byAgeBand) {
	}

	static final String METHOD = "Counts of filings whose author chose to say their gender or age band; nothing"
			+ " links a count to a person or a filing. Counts below " + SmallCells.THRESHOLD + " are hidden, and so"
			+ " is each further count that would let a hidden one be worked out from the totals shown"
			+ " (complementary suppression); a blank cell is a count of none.";

	private final DeclaredDemographics declared;

	private final DistrictRegister districts;

	ParticipationEquity(DeclaredDemographics declared, DistrictRegister districts) {
		this.declared = declared;
		this.districts = districts;
	}

	public Answer between(String kind, LocalDate first, LocalDate last) {
		List<DeclaredDemographics.Counter> counters = declared.between(first, last)
			.stream()
			.filter(c -> kind.equals("all") || c.kind().equals(kind))
			.toList();
		Table gender = table("gender", Demographics.GENDERS, counters, DeclaredDemographics.Counter::gender);
		Table age = table("age-band", Demographics.AGE_BANDS, counters, DeclaredDemographics.Counter::ageBand);
		return new Answer(kind, first.toString().substring(0, 7), last.toString().substring(0, 7), SmallCells.THRESHOLD,
				METHOD, gender, age);
	}

	private Table table(String said, List<String> categories, List<DeclaredDemographics.Counter> counters,
			Function<DeclaredDemographics.Counter, String> category) {
		Map<String, String> names = new LinkedHashMap<>();
		districts.boundaries().forEach(b -> names.put(b.id(), b.name()));
		Map<String, long[]> byDistrict = new LinkedHashMap<>();
		names.keySet().forEach(id -> byDistrict.put(id, new long[categories.size()]));
		for (DeclaredDemographics.Counter c : counters) {
			int column = categories.indexOf(category.apply(c));
			if (column >= 0) {
				byDistrict.computeIfAbsent(c.district(), d -> new long[categories.size()])[column] += c.filings();
			}
		}
		if (byDistrict.isEmpty()) {
			return new Table(said, categories, List.of(), new Row(null, null, List.of(), new Cell("total", 0L, false)));
		}
		List<String> rows = new ArrayList<>(byDistrict.keySet());
		Long[][] counts = new Long[rows.size()][categories.size()];
		for (int i = 0; i < rows.size(); i++) {
			long[] line = byDistrict.get(rows.get(i));
			for (int j = 0; j < categories.size(); j++) {
				counts[i][j] = line[j] == 0 ? null : line[j];
			}
		}
		SmallCells.Protected table = SmallCells.protect(counts);
		List<Row> out = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			String id = rows.get(i).isEmpty() ? null : rows.get(i);
			out.add(row(table, i, id, id == null ? null : names.getOrDefault(id, id), categories));
		}
		return new Table(said, categories, out, row(table, rows.size(), null, null, categories));
	}

	private static Row row(SmallCells.Protected table, int i, String id, String name, List<String> categories) {
		List<Cell> cells = new ArrayList<>();
		for (int j = 0; j < categories.size(); j++) {
			cells.add(cell(table, i, j, categories.get(j)));
		}
		return new Row(id, name, cells, cell(table, i, categories.size(), "total"));
	}

	private static Cell cell(SmallCells.Protected table, int i, int j, String category) {
		// a total of none (every cell of its line blank) is below the threshold, yet protects nobody
		if (table.isHidden(i, j) && table.values()[i][j] > 0) {
			return new Cell(category, null, true);
		}
		return new Cell(category, table.isPresent(i, j) ? table.values()[i][j] : 0L, false);
	}

}
