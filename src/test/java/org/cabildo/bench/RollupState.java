package org.cabildo.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The rollups' bookkeeping as the database holds it, read on a connection of the benchmark's own
 * (the server's tables, read only, except {@link #reset}).
 *
 * @param highestId the highest observation id drawn ({@code observations_id_seq}; cheap, where
 * MAX(id) over the partitions is a scan)
 * @param watermark the highest observation id rolled up ({@code rollup_watermark})
 * @param pending corrections noted for the next rounds ({@code rollup_pending})
 * @param days rows of {@code rollup_days}
 */
record RollupState(long highestId, long watermark, long pending, long days) {

	static RollupState read(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
				SELECT (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM observations_id_seq),
				       (SELECT observation_id FROM rollup_watermark WHERE id = 1),
				       (SELECT COUNT(*) FROM rollup_pending),
				       (SELECT COUNT(*) FROM rollup_days)""")) {
			rs.next();
			return new RollupState(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
		}
	}

	/** Whether everything drawn so far is rolled up and nothing is pending. */
	boolean current() {
		return watermark >= highestId && pending == 0;
	}

	/** The observations' values and the rollups' counts, which agree when the rollups are true to the rows. */
	record Totals(long observations, long rolledUp) {
	}

	static Totals totals(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
				SELECT (SELECT COUNT(*) FROM observations WHERE result_number IS NOT NULL),
				       (SELECT COALESCE(SUM(count), 0) FROM rollup_hours)""")) {
			rs.next();
			return new Totals(rs.getLong(1), rs.getLong(2));
		}
	}

	/**
	 * Makes the database as one whose rows were stored before rollups existed (the server stopped),
	 * so that the next start rolls up every stored row, as an upgraded installation's first start does.
	 */
	static void reset(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("TRUNCATE rollup_hours, rollup_days, rollup_pending");
			statement.execute("UPDATE rollup_watermark SET observation_id = 0 WHERE id = 1");
		}
	}

}
