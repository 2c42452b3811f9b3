package org.cabildo.indicators;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Spearman's rank correlation: Pearson's correlation of the ranks, tied values sharing the
 * mean of the ranks they span (so it is exact with ties, where 1 − 6Σd²/(n(n²−1)) is not).
 */
final class Spearman {

	private Spearman() {
	}

	/** rho of paired values; NaN when fewer than 2 pairs or when either side does not vary. */
	static double rho(double[] x, double[] y) {
		if (x.length != y.length) {
			throw new IllegalArgumentException("paired values: " + x.length + " and " + y.length);
		}
		if (x.length < 2) {
			return Double.NaN;
		}
		return pearson(ranks(x), ranks(y));
	}

	/** Ranks from 1; ties take the mean of their ranks. */
	static double[] ranks(double[] values) {
		Integer[] order = new Integer[values.length];
		Arrays.setAll(order, i -> i);
		Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
		double[] ranks = new double[values.length];
		int i = 0;
		while (i < order.length) {
			int j = i;
			while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
				j++;
			}
			double mean = (i + j) / 2.0 + 1;
			for (int k = i; k <= j; k++) {
				ranks[order[k]] = mean;
			}
			i = j + 1;
		}
		return ranks;
	}

	private static double pearson(double[] a, double[] b) {
		double meanA = Arrays.stream(a).average().orElseThrow();
		double meanB = Arrays.stream(b).average().orElseThrow();
		double sab = 0;
		double saa = 0;
		double sbb = 0;
		for (int i = 0; i < a.length; i++) {
			sab += (a[i] - meanA) * (b[i] - meanB);
			saa += (a[i] - meanA) * (a[i] - meanA);
			sbb += (b[i] - meanB) * (b[i] - meanB);
		}
		return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
	}

}
