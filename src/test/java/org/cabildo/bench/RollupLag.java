package org.cabildo.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How far the rollups trail the stored observations, from samples taken every second of the
 * highest observation id drawn and of the rollups' watermark (the highest id whose hour is rolled
 * up): at each sample, the lag is how long ago the newest observation the watermark covers was
 * drawn, i.e. the time since the latest earlier sample whose highest id the watermark has reached.
 * Ids are drawn just before their rows commit, so this overstates the lag by that moment.
 */
final class RollupLag {

	/** One sample: when (seconds since the start), the highest id drawn, the watermark. */
	record Sample(double seconds, long highestId, long watermark) {
	}

	private final List<Sample> samples = new ArrayList<>();

	synchronized void add(Sample sample) {
		samples.add(sample);
	}

	synchronized List<Sample> samples() {
		return List.copyOf(samples);
	}

	/**
	 * The lag at each sample, in seconds; at the first samples, before the watermark reached any
	 * sample's highest id, the time since the first sample (a lower bound).
	 */
	synchronized double[] lags() {
		double[] lags = new double[samples.size()];
		int reached = -1;
		for (int i = 0; i < samples.size(); i++) {
			Sample now = samples.get(i);
			// the watermark never falls, so the sample it reached only moves forward
			while (reached + 1 <= i && samples.get(reached + 1).highestId() <= now.watermark()) {
				reached++;
			}
			lags[i] = now.seconds() - samples.get(Math.max(reached, 0)).seconds();
		}
		return lags;
	}

	/** The lag's median, 95th percentile and greatest, in seconds, over the samples in [from, to]. */
	synchronized Summary summary(double fromSeconds, double toSeconds) {
		double[] all = lags();
		List<Double> kept = new ArrayList<>();
		for (int i = 0; i < all.length; i++) {
			if (samples.get(i).seconds() >= fromSeconds && samples.get(i).seconds() <= toSeconds) {
				kept.add(all[i]);
			}
		}
		if (kept.isEmpty()) {
			return new Summary(0, Double.NaN, Double.NaN, Double.NaN);
		}
		double[] sorted = kept.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(sorted);
		return new Summary(sorted.length, sorted[(sorted.length - 1) / 2],
				sorted[Math.max(0, (int) Math.ceil(0.95 * sorted.length) - 1)], sorted[sorted.length - 1]);
	}

	record Summary(int samples, double median, double p95, double max) {
	}

}
