package org.cabildo.indicators;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Small-cell suppression of a table of counts with its margins (rows are districts, columns
 * reporting periods; the last row holds the columns' totals, the last column the rows' totals,
 * the corner the grand total).
 * <ol>
 * <li><b>Primary</b>: every count below {@value #THRESHOLD}, inner or total, is hidden.</li>
 * <li><b>Complementary</b>: each line (a row with its total, a column with its total) is a sum
 * that is known when its cells are. A line with exactly one hidden cell gives that cell away
 * (the total minus the shown cells), so the smallest other count of the line, or its total, is
 * hidden too. That is not always enough across lines: a hidden cell is still recoverable when
 * it lies on no cycle of hidden cells (in graph terms, rows and columns as nodes, hidden cells
 * as edges: a bridge), since then the row and column sums solve for it. So the smallest count
 * that closes a cycle through such a cell is hidden too. Repeated until no hidden cell can be
 * solved for by any combination of the line sums.</li>
 * <li>Last, each complementary cell, the largest first, is shown again if the table stays
 * protected without it: nothing of 11 or more is hidden unless it is needed.</li>
 * </ol>
 * Sums of two or more hidden cells of a line stay known (the total minus the shown cells), as
 * with any complementary suppression; no single hidden cell is. An absent cell (a district
 * without a report for a period) is a known nothing: never hidden, never a complement.
 */
public final class SmallCells {

	/** Counts below this are never shown nor derivable. */
	public static final long THRESHOLD = 11;

	private final long[][] values;

	private final boolean[][] present;

	private final boolean[][] hidden;

	private final int rows;

	private final int columns;

	private SmallCells(long[][] values, boolean[][] present) {
		this.values = values;
		this.present = present;
		this.rows = values.length;
		this.columns = values[0].length;
		this.hidden = new boolean[rows][columns];
	}

	/** What may be shown of a table: its counts with margins, and which of them are hidden. */
	public record Protected(long[][] values, boolean[][] present, boolean[][] hidden) {

		public int rows() {
			return values.length - 1;
		}

		public int columns() {
			return values[0].length - 1;
		}

		public boolean isHidden(int row, int column) {
			return hidden[row][column];
		}

		public boolean isPresent(int row, int column) {
			return present[row][column];
		}

	}

	/**
	 * Protects a table of counts; {@code counts[row][column]} null when the row has no count for
	 * the column. At least one row and one column.
	 */
	public static Protected protect(Long[][] counts) {
		int r = counts.length;
		int c = counts[0].length;
		long[][] values = new long[r + 1][c + 1];
		boolean[][] present = new boolean[r + 1][c + 1];
		for (int i = 0; i < r; i++) {
			for (int j = 0; j < c; j++) {
				if (counts[i][j] != null) {
					if (counts[i][j] < 0) {
						throw new IllegalArgumentException("a count is not negative: " + counts[i][j]);
					}
					values[i][j] = counts[i][j];
					present[i][j] = true;
					values[i][c] += counts[i][j];
					values[r][j] += counts[i][j];
					values[r][c] += counts[i][j];
				}
			}
		}
		for (int i = 0; i <= r; i++) {
			present[i][c] = true;
		}
		for (int j = 0; j <= c; j++) {
			present[r][j] = true;
		}
		SmallCells table = new SmallCells(values, present);
		table.suppress();
		return new Protected(values, present, table.hidden);
	}

	private void suppress() {
		for (int i = 0; i < rows; i++) {
			for (int j = 0; j < columns; j++) {
				if (present[i][j] && values[i][j] < THRESHOLD) {
					hidden[i][j] = true;
				}
			}
		}
		while (true) {
			int[] next = loneInALine();
			if (next == null) {
				next = closingACycle();
			}
			if (next == null) {
				break;
			}
			hidden[next[0]][next[1]] = true;
		}
		prune();
	}

	/** The smallest shown cell of the first line that hides exactly one cell; null when none does. */
	private int[] loneInALine() {
		for (int i = 0; i < rows; i++) {
			int count = 0;
			for (int j = 0; j < columns; j++) {
				count += hidden[i][j] ? 1 : 0;
			}
			if (count == 1) {
				return smallest(i, i + 1, 0, columns);
			}
		}
		for (int j = 0; j < columns; j++) {
			int count = 0;
			for (int i = 0; i < rows; i++) {
				count += hidden[i][j] ? 1 : 0;
			}
			if (count == 1) {
				return smallest(0, rows, j, j + 1);
			}
		}
		return null;
	}

	/** For a hidden cell on no cycle, the smallest shown cell that closes one through it; null when every hidden cell is on one. */
	private int[] closingACycle() {
		int[] bridge = bridge();
		if (bridge == null) {
			return null;
		}
		// Without the bridge, its row's side and its column's side are apart; any cell that joins them closes a cycle.
		boolean[] rowSide = reachable(bridge[0], bridge);
		int[] best = null;
		for (int i = 0; i < rows; i++) {
			for (int j = 0; j < columns; j++) {
				boolean joins = rowSide[i] != rowSide[rows + j];
				if (joins && present[i][j] && !hidden[i][j] && smaller(i, j, best)) {
					best = new int[] { i, j };
				}
			}
		}
		return best != null ? best : smallest(0, rows, 0, columns);
	}

	private int[] smallest(int rowFrom, int rowTo, int columnFrom, int columnTo) {
		int[] best = null;
		for (int i = rowFrom; i < rowTo; i++) {
			for (int j = columnFrom; j < columnTo; j++) {
				if (present[i][j] && !hidden[i][j] && smaller(i, j, best)) {
					best = new int[] { i, j };
				}
			}
		}
		return best;
	}

	private boolean smaller(int i, int j, int[] than) {
		return than == null || values[i][j] < values[than[0]][than[1]];
	}

	/** Shows again the complementary cells, largest first, that the protection does not need. */
	private void prune() {
		List<int[]> complementary = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			for (int j = 0; j < columns; j++) {
				if (hidden[i][j] && values[i][j] >= THRESHOLD) {
					complementary.add(new int[] { i, j });
				}
			}
		}
		complementary.sort((a, b) -> Long.compare(values[b[0]][b[1]], values[a[0]][a[1]]));
		for (int[] cell : complementary) {
			hidden[cell[0]][cell[1]] = false;
			if (loneInALine() != null || bridge() != null) {
				hidden[cell[0]][cell[1]] = true;
			}
		}
	}

	/**
	 * A hidden cell that is a bridge of the graph of hidden cells (nodes: rows 0..rows-1, then
	 * columns), found with Tarjan's low-link; null when there is none.
	 */
	private int[] bridge() {
		int nodes = rows + columns;
		int[] order = new int[nodes];
		int[] low = new int[nodes];
		java.util.Arrays.fill(order, -1);
		int counter = 0;
		for (int start = 0; start < nodes; start++) {
			if (order[start] != -1) {
				continue;
			}
			// iterative depth-first search: node, parent, next neighbour to look at
			Deque<int[]> stack = new ArrayDeque<>();
			order[start] = low[start] = counter++;
			stack.push(new int[] { start, -1, 0 });
			while (!stack.isEmpty()) {
				int[] frame = stack.peek();
				int node = frame[0];
				int neighbours = node < rows ? columns : rows;
				if (frame[2] < neighbours) {
					int k = frame[2]++;
					int other = node < rows ? rows + k : k;
					if (!isEdge(node, other)) {
						continue;
					}
					if (other == frame[1]) {
						continue;
					}
					if (order[other] == -1) {
						order[other] = low[other] = counter++;
						stack.push(new int[] { other, node, 0 });
					}
					else {
						low[node] = Math.min(low[node], order[other]);
					}
				}
				else {
					stack.pop();
					int parent = frame[1];
					if (parent >= 0) {
						low[parent] = Math.min(low[parent], low[node]);
						if (low[node] > order[parent]) {
							return parent < rows ? new int[] { parent, node - rows } : new int[] { node, parent - rows };
						}
					}
				}
			}
		}
		return null;
	}

	private boolean isEdge(int a, int b) {
		int row = Math.min(a, b);
		int column = Math.max(a, b) - rows;
		return hidden[row][column];
	}

	/** The nodes reachable from a row through hidden cells, the given one left out. */
	private boolean[] reachable(int row, int[] without) {
		int nodes = rows + columns;
		boolean[] seen = new boolean[nodes];
		Deque<Integer> todo = new ArrayDeque<>();
		seen[row] = true;
		todo.push(row);
		while (!todo.isEmpty()) {
			int node = todo.pop();
			int neighbours = node < rows ? columns : rows;
			for (int k = 0; k < neighbours; k++) {
				int other = node < rows ? rows + k : k;
				int r = Math.min(node, other);
				int c = Math.max(node, other) - rows;
				if (!seen[other] && hidden[r][c] && !(r == without[0] && c == without[1])) {
					seen[other] = true;
					todo.push(other);
				}
			}
		}
		return seen;
	}

}
