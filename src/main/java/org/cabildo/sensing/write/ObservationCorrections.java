package org.cabildo.sensing.write;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.cabildo.sensing.ObservationsCorrected;
import org.cabildo.sensing.Writer;
import org.cabildo.sensing.sql.Dialect;
import org.cabildo.sensing.store.RawJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Corrects stored observations in place with the result of a re-sent reading for the same
 * phenomenonTime, keeping each earlier result in {@code observation_revisions}. Only the result
 * changes: the times, and so the datastream's statistics (phenomenon and result time ranges,
 * observed area), stay as they were. Runs in the caller's transaction, with the datastream locked.
 */
@Component
class ObservationCorrections {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Dialect dialect;

	ObservationCorrections(JdbcClient jdbc, Clock clock, Dialect dialect) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.dialect = dialect;
	}

	/** A stored observation, the row that corrects it and who wrote that row. */
	record Correction(long observation, NewObservation row, Writer writer) {
	}

	/** Applies the corrections in order; a later correction of the same observation revises the earlier one. */
	List<ObservationsCorrected.Correction> apply(List<Correction> corrections) {
		List<ObservationsCorrected.Correction> done = new ArrayList<>(corrections.size());
		var now = ColumnValues.utc(clock.instant());
		for (Correction correction : corrections) {
			NewObservation row = correction.row();
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql("INSERT INTO observation_revisions (observation_id, datastream_id, phenomenon_time,"
					+ " phenomenon_time_end, result_number, result_json, revised_at, revised_by)"
					+ " SELECT id, datastream_id, phenomenon_time, phenomenon_time_end, result_number,"
					+ " CAST(result_json AS VARCHAR(100000)), ?, ? FROM observations WHERE id = ? AND datastream_id = ?")
				.params(now, correction.writer().label(), correction.observation(), row.datastreamId())
				.update(keys, "id");
			long revision = keys.getKey().longValue();
			jdbc.sql("UPDATE observations SET result_number = ?, result_json = " + dialect.jsonParameter() + " WHERE id = ? AND datastream_id = ?")
				.params(row.result() instanceof Double number ? number : null,
						row.result() instanceof RawJson json ? json.text() : null, correction.observation(),
						row.datastreamId())
				.update();
			done.add(new ObservationsCorrected.Correction(correction.observation(), row.datastreamId(),
					row.phenomenonTime().start(), revision,
					correction.writer().label()));
		}
		return done;
	}

}
