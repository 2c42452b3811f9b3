package org.cabildo.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Example;

/**
 * Small-cell suppression, checked by linear algebra written here, not by the graph reasoning of
 * {@link SmallCells}: a hidden count is recoverable when its vector lies in the span of what is
 * shown (each shown count or total is one equation over the table's cells).
 */
class SmallCellsTest {

	@Example
	void aLoneSmallCountHidesTheNextSmallestOfItsRowAndColumnAndTheFourthCornerOfTheRectangle() {
		// row 0: 5 (small), 20, 30; row 1: 40, 12, 50; row 2: 60, 70, 80
		SmallCells.Protected p = SmallCells.protect(new Long[][] { { 5L, 20L, 30L }, { 40L, 12L, 50L }, { 60L, 70L, 80L } });
		assertThat(hidden(p)).containsExactlyInAnyOrder("0,0", "0,1", "1,0", "1,1");
		// row totals 55, 102, 210 and column totals 105, 102, 160 and 367 are shown
		assertThat(p.values()[0][3]).isEqualTo(55);
		assertThat(p.values()[3][3]).isEqualTo(367);
		assertThat(determined(p, shownVectors(p), List.of())).isEmpty();
	}

	@Example
	void withoutSmallCountsNothingIsHidden() {
		SmallCells.Protected p = SmallCells.protect(new Long[][] { { 11L, 20L }, { 40L, 12L } });
		assertThat(hidden(p)).isEmpty();
	}

	@Example
	void aSmallTotalIsHiddenAndSoAreItsCells() {
		SmallCells.Protected p = SmallCells.protect(new Long[][] { { 3L, 4L }, { 40L, 50L } });
		assertThat(hidden(p)).contains("0,0", "0,1", "0,2");
		assertThat(determined(p, shownVectors(p), List.of())).isEmpty();
	}

	@Example
	void pairsOfSmallCountsInTwoRowsAreProtectedAcrossColumns() {
		// rows 0 and 1 each hide a pair; their columns then hide one each: the columns' complements must close
		// cycles so that no hidden count is solvable (the property below finds the cases a line-by-line rule misses)
		Long[][] cells = { { 3L, 3L, 100L, 100L }, { 100L, 100L, 3L, 3L }, { 100L, 100L, 100L, 100L } };
		SmallCells.Protected p = SmallCells.protect(cells);
		assertThat(determined(p, shownVectors(p), List.of())).isEmpty();
	}

	@Property(tries = 300)
	void noHiddenCountCanBeRecoveredAndNoLargeOneIsHiddenWithoutNeed(@ForAll("tables") Long[][] cells) {
		SmallCells.Protected p = SmallCells.protect(cells);
		int rows = p.rows() + 1;
		int columns = p.columns() + 1;
		List<double[]> shown = shownVectors(p);
		for (int i = 0; i < rows; i++) {
			for (int j = 0; j < columns; j++) {
				if (p.isPresent(i, j) && p.values()[i][j] < SmallCells.THRESHOLD) {
					assertThat(p.isHidden(i, j)).as("%d,%d below 11", i, j).isTrue();
				}
				if (!p.isPresent(i, j)) {
					assertThat(p.isHidden(i, j)).isFalse();
				}
			}
		}
		// no line (a row with its total, a column with its total) hides exactly one count
		for (int i = 0; i < rows; i++) {
			int count = 0;
			for (int j = 0; j < columns; j++) {
				count += p.isHidden(i, j) ? 1 : 0;
			}
			assertThat(count).as("row %d", i).isNotEqualTo(1);
		}
		for (int j = 0; j < columns; j++) {
			int count = 0;
			for (int i = 0; i < rows; i++) {
				count += p.isHidden(i, j) ? 1 : 0;
			}
			assertThat(count).as("column %d", j).isNotEqualTo(1);
		}
		// nor by any combination of rows and columns
		assertThat(determined(p, shown, List.of())).isEmpty();
		// a hidden count of 11 or more is needed: shown, some hidden count would be recoverable
		for (int i = 0; i < rows; i++) {
			for (int j = 0; j < columns; j++) {
				if (p.isHidden(i, j) && p.values()[i][j] >= SmallCells.THRESHOLD) {
					List<double[]> more = new ArrayList<>(shown);
					more.add(vector(p, i, j));
					assertThat(determined(p, more, List.of(i + "," + j))).as("%d,%d is needed", i, j).isNotEmpty();
				}
			}
		}
	}

	@Property(tries = 150)
	void noAnswerForAnyPeriodGivesAwayAHiddenCount(@ForAll("tables") Long[][] cells) {
		SmallCells.Protected p = SmallCells.protect(cells);
		List<LocalDate[]> periods = new ArrayList<>();
		LocalDate first = LocalDate.of(2020, 1, 5);
		for (int j = 0; j < p.columns(); j++) {
			periods.add(new LocalDate[] { first.plusWeeks(j), first.plusWeeks(j).plusDays(6) });
		}
		List<String> districts = new ArrayList<>();
		for (int i = 0; i < p.rows(); i++) {
			districts.add("d" + i);
		}
		HealthTables.Base base = new HealthTables.Base("v", new HealthSeries("t", "t", "cases", "s", "m", "c"),
				districts, periods, p);
		// every answer for every period: the base's shown counts, and each shown total over a period
		List<double[]> known = shownVectors(p);
		for (int a = 0; a < p.columns(); a++) {
			for (int b = a + 1; b <= p.columns(); b++) {
				HealthTables.View view = HealthTables.view(base, first.plusWeeks(a), first.plusWeeks(b));
				for (int i = 0; i <= p.rows(); i++) {
					if (!view.hidden()[i]) {
						assertThat(view.totals()[i]).isGreaterThanOrEqualTo(SmallCells.THRESHOLD);
						double[] v = new double[p.rows() * p.columns()];
						for (int r = 0; r < p.rows(); r++) {
							for (int c = a; c < b; c++) {
								if ((i == p.rows() || r == i) && p.isPresent(r, c)) {
									v[r * p.columns() + c] = 1;
								}
							}
						}
						known.add(v);
					}
					// within the answer: one hidden week of a district hides its total
					int hiddenWeeks = 0;
					for (int c = a; c < b; c++) {
						hiddenWeeks += p.isHidden(i, c) ? 1 : 0;
					}
					if (hiddenWeeks == 1) {
						assertThat(view.hidden()[i]).isTrue();
					}
				}
				int hiddenDistricts = 0;
				for (int i = 0; i < p.rows(); i++) {
					hiddenDistricts += view.hidden()[i] ? 1 : 0;
				}
				if (hiddenDistricts == 1) {
					assertThat(view.hidden()[p.rows()]).as("the city's total with one district hidden").isTrue();
				}
			}
		}
		assertThat(determined(p, known, List.of())).isEmpty();
	}

	@Provide
	Arbitrary<Long[][]> tables() {
		Arbitrary<Long> count = Arbitraries
			.frequencyOf(List.of(Tuple.of(3, Arbitraries.longs().between(0, 12)),
					Tuple.of(4, Arbitraries.longs().between(11, 120))))
			.injectNull(0.1);
		return Arbitraries.integers().between(1, 5).flatMap(rows -> Arbitraries.integers().between(1, 5)
			.flatMap(columns -> count.array(Long[].class).ofSize(columns).array(Long[][].class).ofSize(rows)))
			.filter(SmallCellsTest::everyLineHasACount);
	}

	private static boolean everyLineHasACount(Long[][] cells) {
		for (Long[] row : cells) {
			if (java.util.Arrays.stream(row).allMatch(java.util.Objects::isNull)) {
				return false;
			}
		}
		for (int j = 0; j < cells[0].length; j++) {
			int column = j;
			if (java.util.Arrays.stream(cells).allMatch(row -> row[column] == null)) {
				return false;
			}
		}
		return true;
	}

	private static List<String> hidden(SmallCells.Protected p) {
		List<String> hidden = new ArrayList<>();
		for (int i = 0; i <= p.rows(); i++) {
			for (int j = 0; j <= p.columns(); j++) {
				if (p.isHidden(i, j)) {
					hidden.add(i + "," + j);
				}
			}
		}
		return hidden;
	}

	/** A count of the table (inner or total) as a sum over its inner cells. */
	private static double[] vector(SmallCells.Protected p, int i, int j) {
		double[] v = new double[p.rows() * p.columns()];
		for (int r = 0; r < p.rows(); r++) {
			for (int c = 0; c < p.columns(); c++) {
				boolean inRow = i == p.rows() || i == r;
				boolean inColumn = j == p.columns() || j == c;
				if (inRow && inColumn && p.isPresent(r, c)) {
					v[r * p.columns() + c] = 1;
				}
			}
		}
		return v;
	}

	private static List<double[]> shownVectors(SmallCells.Protected p) {
		List<double[]> shown = new ArrayList<>();
		for (int i = 0; i <= p.rows(); i++) {
			for (int j = 0; j <= p.columns(); j++) {
				if (p.isPresent(i, j) && !p.isHidden(i, j)) {
					shown.add(vector(p, i, j));
				}
			}
		}
		return shown;
	}

	/** The hidden counts (but those named) whose vector lies in the span of the known ones. */
	private static List<String> determined(SmallCells.Protected p, List<double[]> known, List<String> except) {
		int rank = rank(known);
		List<String> found = new ArrayList<>();
		for (int i = 0; i <= p.rows(); i++) {
			for (int j = 0; j <= p.columns(); j++) {
				if (p.isHidden(i, j) && !except.contains(i + "," + j)) {
					List<double[]> more = new ArrayList<>(known);
					more.add(vector(p, i, j));
					if (rank(more) == rank) {
						found.add(i + "," + j);
					}
				}
			}
		}
		return found;
	}

	private static int rank(List<double[]> vectors) {
		if (vectors.isEmpty()) {
			return 0;
		}
		double[][] m = vectors.stream().map(double[]::clone).toArray(double[][]::new);
		int rank = 0;
		int columns = m[0].length;
		for (int c = 0; c < columns && rank < m.length; c++) {
			int pivot = rank;
			for (int r = rank + 1; r < m.length; r++) {
				if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
					pivot = r;
				}
			}
			if (Math.abs(m[pivot][c]) < 1e-9) {
				continue;
			}
			double[] swap = m[pivot];
			m[pivot] = m[rank];
			m[rank] = swap;
			for (int r = 0; r < m.length; r++) {
				if (r != rank) {
					double f = m[r][c] / m[rank][c];
					for (int k = c; k < columns; k++) {
						m[r][k] -= f * m[rank][k];
					}
				}
			}
			rank++;
		}
		return rank;
	}

}
