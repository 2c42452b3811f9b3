package org.cabildo.sensing.rollup;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.cabildo.platform.CityTime;
import org.cabildo.sensing.ObservationsCorrected;
import org.cabildo.sensing.ingest.ObservationsCreated;
import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.sql.SqlFragment;
import org.cabildo.sensing.write.NewObservation;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What was written since the rollups were last brought up to date. Created Observations are heard
 * of after their commit, with their ids and results, and added to their hour's rollup as they
 * are, so that ingest costs a map entry and the rollups never read them back. A corrected
 * Observation's hour is computed again from its rows; so are the hours of the rare writes (a
 * PATCH, a DELETE, a move to another stream), which note theirs in their own transaction
 * ({@link #noteStored}), where they cannot be lost.
 */
@Component
public class ChangedHours {

	/** One hour of one stream, by the start of the hour on the city's clock. */
	record Hour(long datastream, Instant start) {
	}

	/** The numeric results created in one hour, with the ids of their Observations. */
	static final class Added {

		private long[] ids = new long[4];

		private double[] values = new double[4];

		private int size;

		void add(long id, double value) {
			if (size == ids.length) {
				ids = Arrays.copyOf(ids, size * 2);
				values = Arrays.copyOf(values, size * 2);
			}
			ids[size] = id;
			values[size] = value;
			size++;
		}

		void addAll(Added other) {
			for (int i = 0; i < other.size; i++) {
				add(other.ids[i], other.values[i]);
			}
		}

		/** Whether one of the Observations has an id of at most this. */
		boolean anyAtOrBelow(long id) {
			for (int i = 0; i < size; i++) {
				if (ids[i] <= id) {
					return true;
				}
			}
			return false;
		}

		/** The totals of the results whose ids are not among {@code counted}; null when none is left. */
		HourTotals totalsWithout(Set<Long> counted) {
			HourTotals totals = null;
			for (int i = 0; i < size; i++) {
				if (!counted.contains(ids[i])) {
					HourTotals one = HourTotals.of(values[i]);
					totals = totals == null ? one : totals.plus(one);
				}
			}
			return totals;
		}

	}

	/**
	 * What {@link #drain} hands over.
	 *
	 * @param added the results created, per hour
	 * @param recompute the hours to compute again from their rows (corrections)
	 * @param highestId the highest Observation id among those created
	 */
	record Drained(Map<Hour, Added> added, Set<Hour> recompute, long highestId) {
	}

	private static final java.time.Duration ONE_HOUR = java.time.Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final CityTime city;

	private final boolean enabled;

	private Map<Hour, Added> added = new HashMap<>();

	private Set<Hour> recompute = new HashSet<>();

	private long highestId;

	ChangedHours(JdbcClient jdbc, CityTime city, RollupSettings settings) {
		this.jdbc = jdbc;
		this.city = city;
		this.enabled = settings.enabled();
	}

	@EventListener
	void created(ObservationsCreated event) {
		if (!enabled) {
			return;
		}
		long highest = 0;
		for (long id : event.ids()) {
			highest = Math.max(highest, id);
		}
		synchronized (this) {
			// The rows of one stream in one request mostly share an hour: it is found once for them.
			Hour last = null;
			Added lastAdded = null;
			for (int i = 0; i < event.ids().length; i++) {
				NewObservation observation = event.observations().get(i);
				// A MultiDatastream's results are arrays, and a text or object result has no mean.
				if (observation.stream() == EntityType.DATASTREAM && observation.result() instanceof Double value) {
					Instant time = observation.phenomenonTime().start();
					if (last == null || last.datastream() != observation.datastreamId() || time.isBefore(last.start())
							|| !time.isBefore(last.start().plus(ONE_HOUR))) {
						last = new Hour(observation.datastreamId(), hourOf(time));
						lastAdded = added.computeIfAbsent(last, hour -> new Added());
					}
					lastAdded.add(event.ids()[i], value);
				}
			}
			highestId = Math.max(highestId, highest);
		}
	}

	@EventListener
	void corrected(ObservationsCorrected event) {
		if (!enabled) {
			// Corrections change rows below the watermark, which the catch-up does not read again: noted where it will.
			for (ObservationsCorrected.Correction correction : event.corrections()) {
				jdbc.sql("INSERT INTO rollup_pending (datastream_id, phenomenon_time) VALUES (?, ?)")
					.params(correction.datastream(), correction.phenomenonTime().atOffset(java.time.ZoneOffset.UTC))
					.update();
			}
			return;
		}
		synchronized (this) {
			for (ObservationsCorrected.Correction correction : event.corrections()) {
				recompute.add(new Hour(correction.datastream(), hourOf(correction.phenomenonTime())));
			}
		}
	}

	/**
	 * Notes, in the caller's transaction, the hours of the stored Observations matching a condition
	 * on alias {@code t0}: called before they are changed or removed, and again after a change.
	 */
	public void noteStored(SqlFragment condition) {
		jdbc.sql("INSERT INTO rollup_pending (datastream_id, phenomenon_time)"
				+ " SELECT t0.datastream_id, t0.phenomenon_time FROM observations t0 WHERE " + condition.text())
			.params(condition.parameters())
			.update();
	}

	/** Takes what was heard of since the last time. */
	synchronized Drained drain() {
		Drained drained = new Drained(added, recompute, highestId);
		added = new HashMap<>();
		recompute = new HashSet<>();
		return drained;
	}

	/** Gives back what could not be rolled up, to be tried again. */
	synchronized void restore(Map<Hour, Added> notAdded, Set<Hour> notRecomputed) {
		notAdded.forEach((hour, results) -> added.computeIfAbsent(hour, h -> new Added()).addAll(results));
		recompute.addAll(notRecomputed);
	}

	Instant hourOf(Instant time) {
		return city.local(time).truncatedTo(java.time.temporal.ChronoUnit.HOURS).toInstant();
	}

}
