package org.cabildo.sensing.write;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.cabildo.sensing.sql.Dialect;
import org.cabildo.sensing.sql.SqlFragment;
import org.cabildo.sensing.store.RawJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Writes and removes observations, keeping their datastreams' statistics current. Callers
 * hold the transaction and have made sure the time partitions exist.
 */
@Component
public class ObservationStore {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final DatastreamStatistics statistics;

	private final String insert;

	public ObservationStore(JdbcClient jdbc, JdbcTemplate template, Dialect dialect, DatastreamStatistics statistics) {
		this.jdbc = jdbc;
		this.template = template;
		this.statistics = statistics;
		String json = dialect.jsonParameter();
		this.insert = "INSERT INTO observations (datastream_id, feature_of_interest_id, phenomenon_time, "
				+ "phenomenon_time_end, result_time, result_number, result_json, result_quality, valid_time_start, "
				+ "valid_time_end, parameters) VALUES (?, ?, ?, ?, ?, ?, " + json + ", " + json + ", ?, ?, " + json + ")";
	}

	/** Stores one observation and returns its id. */
	public long insert(NewObservation observation) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(insert).params(parameters(observation)).update(keys, "id");
		account(List.of(observation));
		return keys.getKeyAs(Long.class);
	}

	/** Stores many observations in JDBC batches, without reading back their ids. */
	public void insertAll(List<NewObservation> observations) {
		template.batchUpdate(insert, observations, 1000, ObservationStore::bind);
		account(observations);
	}

	private void account(Collection<NewObservation> observations) {
		List<Long> missing = statistics.added(observations);
		if (!missing.isEmpty()) {
			throw new InvalidEntityException("Datastream " + missing.get(0) + " does not exist", "");
		}
	}

	/**
	 * Removes the observations matching a condition on alias {@code t0}.
	 *
	 * @return how many were removed
	 */
	public int delete(SqlFragment condition) {
		List<Long> datastreams = jdbc
			.sql("SELECT DISTINCT t0.datastream_id FROM observations t0 WHERE " + condition.text())
			.params(condition.parameters())
			.query(Long.class)
			.list();
		int removed = jdbc.sql("DELETE FROM observations t0 WHERE " + condition.text())
			.params(condition.parameters())
			.update();
		statistics.recompute(datastreams);
		return removed;
	}

	/** Removes every observation of some datastreams that are about to be deleted themselves. */
	public void deleteOfDatastreams(Collection<Long> datastreams) {
		for (long datastream : datastreams) {
			jdbc.sql("DELETE FROM observations WHERE datastream_id = ?").param(datastream).update();
		}
	}

	void recompute(Collection<Long> datastreams) {
		statistics.recompute(datastreams);
	}

	void featureChanged(long feature) {
		statistics.featureChanged(feature);
	}

	private static List<Object> parameters(NewObservation o) {
		List<Object> values = new ArrayList<>(11);
		values.add(o.datastreamId());
		values.add(o.featureOfInterestId());
		values.add(o.phenomenonTime().startUtc());
		values.add(o.phenomenonTime().endUtc());
		values.add(ColumnValues.utc(o.resultTime()));
		values.add(o.result() instanceof Double number ? number : null);
		values.add(o.result() instanceof RawJson json ? json.text() : null);
		values.add(o.resultQuality() == null ? null : o.resultQuality().text());
		values.add(o.validTime() == null ? null : o.validTime().startUtc());
		values.add(o.validTime() == null ? null : o.validTime().endUtc());
		values.add(o.parameters() == null ? null : o.parameters().text());
		return values;
	}

	private static void bind(PreparedStatement statement, NewObservation observation) throws SQLException {
		List<Object> values = parameters(observation);
		for (int i = 0; i < values.size(); i++) {
			Object value = values.get(i);
			if (value == null) {
				statement.setNull(i + 1, i == 5 ? java.sql.Types.DOUBLE : i >= 2 && i <= 4 || i == 8 || i == 9
						? java.sql.Types.TIMESTAMP_WITH_TIMEZONE : java.sql.Types.VARCHAR);
			}
			else {
				statement.setObject(i + 1, value);
			}
		}
	}

}
