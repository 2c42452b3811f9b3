package org.cabildo.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * The observations the benchmarks read, as a city's sensors would have reported them: one
 * datastream every minute, the others less often over the same span of time, all ending at
 * about the time of loading. Each datastream's series is regular, so which observations a
 * time window holds is known without asking the database; values are a random walk from a
 * seed per datastream, so the same shape always gives the same data.
 *
 * @param shape the size
 * @param series one per datastream, the largest first
 */
record Dataset(Shape shape, List<Series> series) {

	/**
	 * Bumped whenever the generated data changes, so that a database loaded by an older
	 * version of this class is reloaded.
	 */
	static final int GENERATOR_VERSION = 1;

	/** The largest datastream reports once a minute. */
	static final long LARGEST_SPACING_SECONDS = 60;

	/**
	 * @param observations in all
	 * @param datastreams how many, the largest included
	 * @param largest observations of the largest datastream; the others share the rest evenly
	 */
	record Shape(long observations, int datastreams, long largest) {

		Shape {
			if (datastreams < 1 || largest < 2 || largest > observations) {
				throw new IllegalArgumentException("a shape needs a datastream of at least 2 observations: " + this);
			}
			if (datastreams > 1 && (observations - largest) / (datastreams - 1) < 2) {
				throw new IllegalArgumentException("each datastream needs at least 2 observations: " + this);
			}
			if (datastreams == 1 && largest != observations) {
				throw new IllegalArgumentException("one datastream holds all observations: " + this);
			}
		}

		/** The default: a tenth of the observations in the largest datastream. */
		static Shape of(long observations, int datastreams) {
			return new Shape(observations, datastreams, datastreams == 1 ? observations : observations / 10);
		}

		long spanSeconds() {
			return (largest - 1) * LARGEST_SPACING_SECONDS;
		}

		String describe() {
			return String.format("%,d observations in %d datastreams (largest %,d)", observations, datastreams, largest);
		}

	}

	/**
	 * One datastream's observations: {@code count} of them, {@code spacingSeconds} apart from
	 * {@code firstSecond} (epoch seconds).
	 */
	record Series(int index, long datastreamId, long featureOfInterestId, long firstSecond, long spacingSeconds,
			long count, long randomSeed) {

		long secondOf(long k) {
			return firstSecond + k * spacingSeconds;
		}

		Instant timeOf(long k) {
			return Instant.ofEpochSecond(secondOf(k));
		}

		Instant last() {
			return timeOf(count - 1);
		}

		Series withIds(long datastream, long feature) {
			return new Series(index, datastream, feature, firstSecond, spacingSeconds, count, randomSeed);
		}

		ValueWalk values() {
			return new ValueWalk(this);
		}

	}

	/** Plans a dataset that ends at {@code end}; ids are filled in once the datastreams exist. */
	static Dataset plan(Shape shape, Instant end, long seed) {
		Random random = new Random(seed);
		long last = end.truncatedTo(ChronoUnit.MINUTES).getEpochSecond();
		long span = shape.spanSeconds();
		List<Series> series = new ArrayList<>();
		series.add(new Series(0, 0, 0, last - span, LARGEST_SPACING_SECONDS, shape.largest(), random.nextLong()));
		int others = shape.datastreams() - 1;
		if (others > 0) {
			long rest = shape.observations() - shape.largest();
			long each = rest / others;
			long extra = rest % others;
			for (int i = 1; i <= others; i++) {
				long count = each + (i <= extra ? 1 : 0);
				long spacing = Math.max(1, span / (count - 1));
				long phase = Math.floorMod(random.nextLong(), spacing);
				long first = last - phase - (count - 1) * spacing;
				series.add(new Series(i, 0, 0, first, spacing, count, random.nextLong()));
			}
		}
		return new Dataset(shape, List.copyOf(series));
	}

	Dataset withSeries(List<Series> series) {
		return new Dataset(shape, List.copyOf(series));
	}

	Series largest() {
		return series.get(0);
	}

	long firstSecond() {
		return series.stream().mapToLong(Series::firstSecond).min().orElseThrow();
	}

	long lastSecond() {
		return series.stream().mapToLong(s -> s.secondOf(s.count() - 1)).max().orElseThrow();
	}

	/** Receives generated observations. */
	@FunctionalInterface
	interface RowSink {

		void accept(Series series, long k, long epochSecond, double value) throws Exception;

	}

	/**
	 * Generates the observations in time order across datastreams, as they would have
	 * arrived, not datastream by datastream.
	 *
	 * @param fromK the first observation of each series to generate (1 skips the first, which
	 * the setup created through the API)
	 */
	void generate(long fromK, RowSink sink) throws Exception {
		final class Cursor {

			final Series series;

			final ValueWalk walk;

			long k;

			Cursor(Series series) {
				this.series = series;
				this.walk = series.values();
			}

		}
		PriorityQueue<Cursor> queue = new PriorityQueue<>((a, b) -> {
			int byTime = Long.compare(a.series.secondOf(a.k), b.series.secondOf(b.k));
			return byTime != 0 ? byTime : Integer.compare(a.series.index(), b.series.index());
		});
		for (Series s : series) {
			Cursor cursor = new Cursor(s);
			while (cursor.k < fromK && cursor.k < s.count()) {
				cursor.walk.next();
				cursor.k++;
			}
			if (cursor.k < s.count()) {
				queue.add(cursor);
			}
		}
		while (!queue.isEmpty()) {
			Cursor cursor = queue.poll();
			sink.accept(cursor.series, cursor.k, cursor.series.secondOf(cursor.k), cursor.walk.next());
			cursor.k++;
			if (cursor.k < cursor.series.count()) {
				queue.add(cursor);
			}
		}
	}

	/** Plausible sensor values: a slow random walk around a level that differs between datastreams. */
	static final class ValueWalk {

		private final Random random;

		private final double level;

		private double value;

		ValueWalk(Series series) {
			this.random = new Random(series.randomSeed());
			this.level = 5 + (series.index() % 7) * 5;
			this.value = level + random.nextGaussian() * 2;
		}

		/** The next value, to two decimals. */
		double next() {
			double current = Math.round(value * 100) / 100.0;
			value += 0.02 * (level - value) + random.nextGaussian() * 0.2;
			return current;
		}

	}

}
