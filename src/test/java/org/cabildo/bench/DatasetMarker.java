package org.cabildo.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cabildo.bench.Dataset.Series;
import org.cabildo.bench.Dataset.Shape;

/**
 * Remembers, in the benchmark database itself, which dataset was loaded into it, so that a
 * rerun can measure again without loading millions of rows again. Two tables that the
 * server does not know: {@code bench_dataset} and {@code bench_series}.
 */
final class DatasetMarker {

	private DatasetMarker() {
	}

	/** A dataset found in a database, with when and how fast it was loaded. */
	record Loaded(Dataset dataset, String loadedAt, double loadSeconds) {
	}

	static void write(Connection connection, Dataset dataset, double loadSeconds) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS bench_dataset");
			statement.execute("DROP TABLE IF EXISTS bench_series");
			statement.execute("CREATE TABLE bench_dataset (generator_version INTEGER NOT NULL, observations BIGINT NOT NULL, "
					+ "datastreams INTEGER NOT NULL, largest BIGINT NOT NULL, loaded_at VARCHAR(40) NOT NULL, "
					+ "load_seconds DOUBLE PRECISION NOT NULL)");
			statement.execute("CREATE TABLE bench_series (series_index INTEGER NOT NULL, datastream_id BIGINT NOT NULL, "
					+ "feature_of_interest_id BIGINT NOT NULL, first_second BIGINT NOT NULL, spacing_seconds BIGINT NOT NULL, "
					+ "observation_count BIGINT NOT NULL, random_seed BIGINT NOT NULL)");
		}
		Shape shape = dataset.shape();
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_dataset VALUES (?, ?, ?, ?, ?, ?)")) {
			insert.setInt(1, Dataset.GENERATOR_VERSION);
			insert.setLong(2, shape.observations());
			insert.setInt(3, shape.datastreams());
			insert.setLong(4, shape.largest());
			insert.setString(5, Instant.now().toString());
			insert.setDouble(6, loadSeconds);
			insert.executeUpdate();
		}
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_series VALUES (?, ?, ?, ?, ?, ?, ?)")) {
			for (Series s : dataset.series()) {
				insert.setInt(1, s.index());
				insert.setLong(2, s.datastreamId());
				insert.setLong(3, s.featureOfInterestId());
				insert.setLong(4, s.firstSecond());
				insert.setLong(5, s.spacingSeconds());
				insert.setLong(6, s.count());
				insert.setLong(7, s.randomSeed());
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	/**
	 * The dataset loaded into this database, if it has the wanted shape, was made by this
	 * version of the generator, and the server's own statistics agree that every datastream
	 * holds what was loaded (so a half-finished or since-changed load is not reused).
	 */
	static Optional<Loaded> read(Connection connection, Shape wanted) throws SQLException {
		if (!tableExists(connection, "bench_dataset") || !tableExists(connection, "bench_series")) {
			return Optional.empty();
		}
		String loadedAt;
		double loadSeconds;
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT generator_version, observations, datastreams, largest, "
						+ "loaded_at, load_seconds FROM bench_dataset")) {
			if (!rs.next()) {
				return Optional.empty();
			}
			Shape shape = new Shape(rs.getLong(2), rs.getInt(3), rs.getLong(4));
			if (rs.getInt(1) != Dataset.GENERATOR_VERSION || !shape.equals(wanted)) {
				return Optional.empty();
			}
			loadedAt = rs.getString(5);
			loadSeconds = rs.getDouble(6);
		}
		List<Series> series = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT s.series_index, s.datastream_id, s.feature_of_interest_id, "
						+ "s.first_second, s.spacing_seconds, s.observation_count, s.random_seed, d.observation_count "
						+ "FROM bench_series s LEFT JOIN datastreams d ON d.id = s.datastream_id ORDER BY s.series_index")) {
			while (rs.next()) {
				Series s = new Series(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
						rs.getLong(6), rs.getLong(7));
				if (rs.getLong(8) != s.count()) {
					return Optional.empty();
				}
				series.add(s);
			}
		}
		if (series.size() != wanted.datastreams()) {
			return Optional.empty();
		}
		return Optional.of(new Loaded(new Dataset(wanted, series), loadedAt, loadSeconds));
	}

	private static boolean tableExists(Connection connection, String table) throws SQLException {
		try (ResultSet rs = connection.getMetaData().getTables(null, null, table, null)) {
			if (rs.next()) {
				return true;
			}
		}
		try (ResultSet rs = connection.getMetaData().getTables(null, null, table.toUpperCase(), null)) {
			return rs.next();
		}
	}

}
