package org.cabildo.governance.retention;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.sensing.CollectionGate.PastRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The keys of readings folded into aggregates at ingest ({@code folded_readings}): phenomenonTime
 * and a digest of the result, each with the aggregate it went into, and removed with it.
 */
@Repository
class FoldedReadings {

	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	FoldedReadings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A folded reading's time: start and end (null for an instant). */
	record Time(Instant start, Instant end) {

		static Time of(PastRow row) {
			return new Time(row.phenomenonTime(), row.phenomenonTimeEnd());
		}

	}

	/** The digests of the results folded at the times of these rows, by time. */
	Map<Time, String> at(long datastream, List<PastRow> rows) {
		List<Instant> starts = rows.stream().map(PastRow::phenomenonTime).distinct().sorted().toList();
		Map<Time, String> folded = new HashMap<>();
		for (int from = 0; from < starts.size(); from += CHUNK) {
			List<Instant> chunk = starts.subList(from, Math.min(starts.size(), from + CHUNK));
			List<Object> parameters = new ArrayList<>(chunk.size() + 1);
			parameters.add(datastream);
			chunk.forEach(start -> parameters.add(utc(start)));
			jdbc.sql("SELECT phenomenon_time, phenomenon_time_end, result_digest FROM folded_readings"
					+ " WHERE datastream_id = ? AND phenomenon_time IN (" + String.join(", ", Collections.nCopies(
							chunk.size(), "?")) + ")")
				.params(parameters)
				.query(rs -> {
					OffsetDateTime end = rs.getObject(2, OffsetDateTime.class);
					folded.put(new Time(rs.getObject(1, OffsetDateTime.class).toInstant(),
							end == null ? null : end.toInstant()), rs.getString(3));
				});
		}
		return folded;
	}

	/** Keeps the keys of rows just added to the aggregate of the interval starting at {@code interval}. */
	void add(long datastream, Instant interval, List<PastRow> rows) {
		for (int from = 0; from < rows.size(); from += CHUNK / 5) {
			List<PastRow> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK / 5));
			List<Object> parameters = new ArrayList<>(chunk.size() * 5);
			for (PastRow row : chunk) {
				parameters.addAll(java.util.Arrays.asList(datastream, utc(interval), utc(row.phenomenonTime()),
						row.phenomenonTimeEnd() == null ? null : utc(row.phenomenonTimeEnd()), row.resultDigest()));
			}
			jdbc.sql("INSERT INTO folded_readings (datastream_id, interval_start, phenomenon_time, phenomenon_time_end,"
					+ " result_digest) VALUES " + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?)")))
				.params(parameters)
				.update();
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
