package org.cabildo.sensing.rollup;

import java.time.Instant;
import java.util.HashSet;
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
 * The hours whose rollups no longer hold because an Observation in them was written. Created and
 * corrected Observations are heard of after their commit and noted here in memory, so that ingest
 * pays for a set entry, not a row; the rare writes (a PATCH, a DELETE, a move to another stream)
 * note theirs in their own transaction ({@link #noteStored}), where they cannot be lost.
 */
@Component
public class ChangedHours {

	/** One hour of one stream, by the start of the hour on the city's clock. */
	record Hour(long datastream, Instant start) {
	}

	/** What {@link #drain} hands over: the hours, and the highest Observation id among those created. */
	record Drained(Set<Hour> hours, long highestId) {
	}

	private final JdbcClient jdbc;

	private final CityTime city;

	private Set<Hour> changed = new HashSet<>();

	private long highestId;

	private final boolean enabled;

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
			for (NewObservation observation : event.observations()) {
				// A MultiDatastream's results are arrays, and a text or object result has no mean.
				if (observation.stream() == EntityType.DATASTREAM && observation.result() instanceof Double) {
					changed.add(new Hour(observation.datastreamId(), hourOf(observation.phenomenonTime().start())));
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
				changed.add(new Hour(correction.datastream(), hourOf(correction.phenomenonTime())));
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

	/** Takes what was noted in memory since the last time. */
	synchronized Drained drain() {
		Drained drained = new Drained(changed, highestId);
		changed = new HashSet<>();
		return drained;
	}

	/** Gives back hours that could not be rolled up, to be tried again. */
	synchronized void restore(Set<Hour> hours) {
		changed.addAll(hours);
	}

	Instant hourOf(Instant time) {
		return city.local(time).truncatedTo(java.time.temporal.ChronoUnit.HOURS).toInstant();
	}

}
