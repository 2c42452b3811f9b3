package org.cabildo.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.cabildo.bench.Dataset.Shape;

/** A database the server runs on in a benchmark, and how to fill it quickly. */
interface BenchDatabase {

	/** For the report: "PostgreSQL" or "H2". */
	String name();

	/** A short name for file names and JSON keys. */
	String key();

	/** The dataset already loaded, if it has this shape; empty if it must be (re)loaded. */
	Optional<DatasetMarker.Loaded> loaded(Shape shape) throws Exception;

	/** Throws away the database and starts an empty one. */
	void recreate() throws Exception;

	/** The server's settings (environment variables) to run on this database. */
	Map<String, String> serverEnvironment(Path scratchDir);

	/**
	 * Loads every observation after each datastream's first (which the setup created through
	 * the API), brings the datastreams' statistics up to date and records the dataset. The
	 * server is not running.
	 */
	void load(Dataset dataset, PrintStream out) throws Exception;

	/**
	 * Reads the stored observations once, so that they are in the operating system's page
	 * cache as on a server that has been running for a while (the database's own buffers keep
	 * their settings).
	 *
	 * @return what was done, for the report
	 */
	String warmCache() throws Exception;

	/** The database product and version, for the report. */
	String version() throws Exception;

	/** Settings of the database worth reporting with the figures. */
	default Map<String, String> settings() throws Exception {
		return new LinkedHashMap<>();
	}

	/**
	 * Recounts each datastream's observations and time span from what is stored: the values
	 * the server's own recount (DatastreamStatistics.recompute) gives, in one pass over the
	 * table instead of one per datastream.
	 */
	static void recomputeStatistics(Connection connection, Dataset dataset) throws SQLException {
		Set<Long> expected = new HashSet<>();
		dataset.series().forEach(s -> expected.add(s.datastreamId()));
		try (Statement query = connection.createStatement();
				ResultSet rs = query.executeQuery("""
						SELECT datastream_id, COUNT(*), MIN(phenomenon_time),
						    MAX(COALESCE(phenomenon_time_end, phenomenon_time)), MIN(result_time), MAX(result_time)
						FROM observations GROUP BY datastream_id""");
				PreparedStatement update = connection.prepareStatement("""
						UPDATE datastreams SET observation_count = ?, phenomenon_time_start = ?, phenomenon_time_end = ?,
						    result_time_start = ?, result_time_end = ?
						WHERE id = ?""")) {
			while (rs.next()) {
				long datastream = rs.getLong(1);
				if (!expected.remove(datastream)) {
					throw new IllegalStateException("observations of an unexpected datastream " + datastream);
				}
				update.setLong(1, rs.getLong(2));
				for (int column = 3; column <= 6; column++) {
					update.setObject(column - 1, rs.getObject(column, OffsetDateTime.class));
				}
				update.setLong(6, datastream);
				if (update.executeUpdate() != 1) {
					throw new IllegalStateException("datastream " + datastream + " is missing");
				}
			}
		}
		if (!expected.isEmpty()) {
			throw new IllegalStateException("datastreams without observations: " + expected);
		}
	}

	/** Checks that every datastream holds what the dataset says, by the server's own statistics. */
	static void verifyCounts(Connection connection, Dataset dataset) throws SQLException {
		try (PreparedStatement query = connection
			.prepareStatement("SELECT observation_count, phenomenon_time_start, phenomenon_time_end FROM datastreams WHERE id = ?")) {
			for (Dataset.Series s : dataset.series()) {
				query.setLong(1, s.datastreamId());
				try (var rs = query.executeQuery()) {
					if (!rs.next()) {
						throw new IllegalStateException("datastream " + s.datastreamId() + " is missing");
					}
					long count = rs.getLong(1);
					var start = rs.getObject(2, OffsetDateTime.class).toInstant();
					var end = rs.getObject(3, OffsetDateTime.class).toInstant();
					if (count != s.count() || !start.equals(s.timeOf(0)) || !end.equals(s.last())) {
						throw new IllegalStateException("datastream " + s.datastreamId() + " holds " + count
								+ " observations from " + start + " to " + end + ", expected " + s.count() + " from "
								+ s.timeOf(0) + " to " + s.last());
					}
				}
			}
		}
	}

}
