package org.cabildo.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import org.cabildo.bench.Dataset.Shape;

/**
 * The embedded default: an H2 file database in the server's data directory. H2 allows one
 * process at a time, so observations are loaded while the server is stopped, with batched
 * INSERTs (H2 has no COPY).
 */
final class H2BenchDatabase implements BenchDatabase {

	private static final int BATCH = 10_000;

	private final Path dataDir;

	H2BenchDatabase(Path dataDir) {
		this.dataDir = dataDir.toAbsolutePath();
	}

	@Override
	public String name() {
		return "H2";
	}

	@Override
	public String key() {
		return "h2";
	}

	private Path file() {
		return dataDir.resolve("cabildo.mv.db");
	}

	/** The URL the server uses by default (application.yaml) for this data directory. */
	private Connection connect() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", "cabildo");
		properties.setProperty("password", "");
		return new org.h2.Driver().connect("jdbc:h2:file:" + dataDir.resolve("cabildo") + ";DB_CLOSE_ON_EXIT=FALSE",
				properties);
	}

	@Override
	public Optional<DatasetMarker.Loaded> loaded(Shape shape) throws SQLException {
		if (!Files.exists(file())) {
			return Optional.empty();
		}
		try (Connection connection = connect()) {
			return DatasetMarker.read(connection, shape);
		}
	}

	@Override
	public void recreate() throws IOException {
		if (Files.exists(dataDir)) {
			try (Stream<Path> files = Files.walk(dataDir)) {
				for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
		Files.createDirectories(dataDir);
	}

	@Override
	public Map<String, String> serverEnvironment(Path scratchDir) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("CABILDO_DATA_DIR", dataDir.toString());
		environment.putAll(org.cabildo.support.Api.testAccountEnvironment());
		return environment;
	}

	@Override
	public void load(Dataset dataset, PrintStream out) throws Exception {
		long started = System.nanoTime();
		long total = dataset.shape().observations() - dataset.series().size();
		long step = Math.max(1, total / 10);
		try (Connection connection = connect()) {
			connection.setAutoCommit(false);
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO observations "
					+ "(datastream_id, feature_of_interest_id, phenomenon_time, result_number) VALUES (?, ?, ?, ?)")) {
				long[] written = { 0 };
				dataset.generate(1, (series, k, second, value) -> {
					insert.setLong(1, series.datastreamId());
					insert.setLong(2, series.featureOfInterestId());
					insert.setObject(3, Instant.ofEpochSecond(second).atOffset(ZoneOffset.UTC));
					insert.setDouble(4, value);
					insert.addBatch();
					if (++written[0] % BATCH == 0) {
						insert.executeBatch();
						connection.commit();
					}
					if (written[0] % step == 0) {
						double seconds = (System.nanoTime() - started) / 1e9;
						out.printf("  INSERT %,d of %,d rows (%.0f s, %,.0f rows/s)%n", written[0], total, seconds,
								written[0] / seconds);
					}
				});
				insert.executeBatch();
				connection.commit();
			}
			BenchDatabase.recomputeStatistics(connection, dataset);
			BenchDatabase.verifyCounts(connection, dataset);
			connection.commit();
			try (Statement statement = connection.createStatement()) {
				statement.execute("ANALYZE");
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			DatasetMarker.write(connection, dataset, seconds);
			connection.commit();
			out.printf("  loaded in %.0f s%n", seconds);
		}
	}

	@Override
	public String warmCache() throws IOException {
		long started = System.nanoTime();
		byte[] buffer = new byte[1 << 20];
		try (var in = Files.newInputStream(file())) {
			while (in.read(buffer) > 0) {
				// only to have the file in the page cache
			}
		}
		return String.format("database file read once into the OS page cache (%.0f s)",
				(System.nanoTime() - started) / 1e9);
	}

	@Override
	public String version() throws SQLException {
		return "H2 " + org.h2.engine.Constants.FULL_VERSION;
	}

	/** The size of the database file, which holds everything (not only observations). */
	long fileBytes() throws IOException {
		return Files.size(file());
	}

}
