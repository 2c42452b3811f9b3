package org.cabildo.governance.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.cabildo.platform.CityTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored aggregates of expired Observations ({@code observation_aggregates}). */
@Repository
public class ObservationAggregates {

	private static final String COLUMNS = "interval_start, interval_end, count, numeric_count, min, max, mean, time_zone";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CityTime city;

	ObservationAggregates(JdbcClient jdbc, Clock clock, CityTime city) {
		this.city = city;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Adds the aggregate of rows about to be removed to what the interval already holds, in the
	 * transaction that removes them: the rows are counted once, whether they go in one batch,
	 * several, or a later run (an Observation that arrived late).
	 */
	void add(long datastream, Aggregate aggregate) {
		Optional<Aggregate> stored = jdbc
			.sql("SELECT " + COLUMNS + " FROM observation_aggregates WHERE datastream_id = ? AND interval_start = ?"
					+ " FOR UPDATE")
			.params(datastream, utc(aggregate.interval().start()))
			.query(ObservationAggregates::aggregate)
			.optional();
		Aggregate merged = stored.map(aggregate::plus).orElse(aggregate);
		if (stored.isPresent()) {
			jdbc.sql("""
					UPDATE observation_aggregates SET count = ?, numeric_count = ?, min = ?, max = ?, mean = ?,
					    computed_at = ?, time_zone = ?
					WHERE datastream_id = ? AND interval_start = ?""")
				.params(merged.count(), merged.numericCount(), merged.min(), merged.max(), merged.mean(),
						utc(clock.instant()), city.name(), datastream, utc(merged.interval().start()))
				.update();
		}
		else {
			jdbc.sql("INSERT INTO observation_aggregates (datastream_id, " + COLUMNS
					+ ", computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(datastream, utc(merged.interval().start()), utc(merged.interval().end()), merged.count(),
						merged.numericCount(), merged.min(), merged.max(), merged.mean(), city.name(),
						utc(clock.instant()))
				.update();
		}
	}

	/** The first {@code limit} aggregates of a Datastream whose intervals overlap [from, to), oldest first. */
	public List<Aggregate> between(long datastream, Instant from, Instant to, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM observation_aggregates"
				+ " WHERE datastream_id = ? AND interval_end > ? AND interval_start < ? ORDER BY interval_start"
				+ " FETCH FIRST ? ROWS ONLY")
			.params(datastream, utc(from), utc(to), limit)
			.query(ObservationAggregates::aggregate)
			.list();
	}

	private static Aggregate aggregate(ResultSet rs, int n) throws SQLException {
		return new Aggregate(
				new Interval(rs.getObject(1, OffsetDateTime.class).toInstant(),
						rs.getObject(2, OffsetDateTime.class).toInstant()),
				rs.getLong(3), rs.getLong(4), rs.getObject(5, Double.class), rs.getObject(6, Double.class),
				rs.getObject(7, Double.class), rs.getString(8));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
