package org.cabildo.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.cabildo.bench.Dataset.Shape;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The benchmark's PostgreSQL database ({@code cabildo_bench} by default). Observations are
 * loaded with COPY into the partitioned table, after making the monthly partitions the way
 * the server does (ObservationPartitions).
 */
final class PostgresBenchDatabase implements BenchDatabase {

	private final String url;

	private final String user;

	private final String password;

	PostgresBenchDatabase(String url, String user, String password) {
		if (!url.startsWith("jdbc:postgresql://")) {
			throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
		}
		this.url = url;
		this.user = user;
		this.password = password;
	}

	@Override
	public String name() {
		return "PostgreSQL";
	}

	@Override
	public String key() {
		return "postgresql";
	}

	String databaseName() {
		String path = url.substring("jdbc:postgresql://".length());
		path = path.substring(path.indexOf('/') + 1);
		int query = path.indexOf('?');
		return query < 0 ? path : path.substring(0, query);
	}

	private String adminUrl() {
		String name = databaseName();
		int at = url.indexOf("/" + name, "jdbc:postgresql://".length());
		return url.substring(0, at) + "/postgres";
	}

	Connection connect() throws SQLException {
		return connect(url);
	}

	private Connection connect(String jdbcUrl) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", user);
		properties.setProperty("password", password);
		Connection connection = new org.postgresql.Driver().connect(jdbcUrl, properties);
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET TIME ZONE 'UTC'");
		}
		return connection;
	}

	@Override
	public Optional<DatasetMarker.Loaded> loaded(Shape shape) throws SQLException {
		try (Connection admin = connect(adminUrl());
				PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			exists.setString(1, databaseName());
			try (ResultSet rs = exists.executeQuery()) {
				if (!rs.next()) {
					return Optional.empty();
				}
			}
		}
		try (Connection connection = connect()) {
			return DatasetMarker.read(connection, shape);
		}
	}

	@Override
	public void recreate() throws SQLException {
		String name = databaseName();
		if (!name.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("refusing to drop a database named '" + name + "'");
		}
		try (Connection admin = connect(adminUrl()); Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			statement.execute("CREATE DATABASE " + name);
		}
	}

	@Override
	public Map<String, String> serverEnvironment(Path scratchDir) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SPRING_DATASOURCE_URL", url);
		environment.put("SPRING_DATASOURCE_USERNAME", user);
		environment.put("SPRING_DATASOURCE_PASSWORD", password);
		environment.put("CABILDO_DATA_DIR", scratchDir.toString());
		environment.putAll(org.cabildo.support.Api.testAccountEnvironment());
		return environment;
	}

	@Override
	public void load(Dataset dataset, PrintStream out) throws Exception {
		long started = System.nanoTime();
		try (Connection connection = connect()) {
			connection.setAutoCommit(true);
			int made = ensurePartitions(connection, dataset.firstSecond(), dataset.lastSecond());
			out.printf("  %d monthly partitions (%d made here)%n", countPartitions(connection), made);
			long rows = copy(connection, dataset, out);
			long expected = dataset.shape().observations() - dataset.series().size();
			if (rows != expected) {
				throw new IllegalStateException("COPY stored " + rows + " rows, expected " + expected);
			}
			long vacuumStarted = System.nanoTime();
			try (Statement statement = connection.createStatement()) {
				statement.execute("VACUUM ANALYZE observations");
			}
			out.printf("  VACUUM ANALYZE observations: %.0f s%n", (System.nanoTime() - vacuumStarted) / 1e9);
			connection.setAutoCommit(false);
			BenchDatabase.recomputeStatistics(connection, dataset);
			BenchDatabase.verifyCounts(connection, dataset);
			connection.commit();
			connection.setAutoCommit(true);
			double seconds = (System.nanoTime() - started) / 1e9;
			DatasetMarker.write(connection, dataset, seconds);
			out.printf("  loaded in %.0f s%n", seconds);
		}
	}

	/**
	 * Makes the missing monthly partitions, with the statements of ObservationPartitions:
	 * {@code observations_YYYYMM}, created LIKE the parent and then attached.
	 */
	private static int ensurePartitions(Connection connection, long firstSecond, long lastSecond) throws SQLException {
		YearMonth month = YearMonth.from(Instant.ofEpochSecond(firstSecond).atOffset(ZoneOffset.UTC));
		YearMonth last = YearMonth.from(Instant.ofEpochSecond(lastSecond).atOffset(ZoneOffset.UTC));
		int made = 0;
		for (; !month.isAfter(last); month = month.plusMonths(1)) {
			String name = String.format("observations_%04d%02d", month.getYear(), month.getMonthValue());
			try (PreparedStatement attached = connection
				.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = to_regclass(?))")) {
				attached.setString(1, name);
				try (ResultSet rs = attached.executeQuery()) {
					rs.next();
					if (rs.getBoolean(1)) {
						continue;
					}
				}
			}
			String from = month.atDay(1) + " 00:00:00+00";
			String to = month.plusMonths(1).atDay(1) + " 00:00:00+00";
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE IF NOT EXISTS " + name + " (LIKE observations INCLUDING DEFAULTS)");
				statement.execute("ALTER TABLE observations ATTACH PARTITION " + name + " FOR VALUES FROM ('" + from
						+ "') TO ('" + to + "')");
			}
			made++;
		}
		return made;
	}

	private static int countPartitions(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"SELECT COUNT(*) FROM pg_inherits WHERE inhparent = 'observations'::regclass")) {
			rs.next();
			return rs.getInt(1);
		}
	}

	/** COPY in text format, rows in time order across datastreams; ids from the column default. */
	private static long copy(Connection connection, Dataset dataset, PrintStream out) throws Exception {
		CopyIn copy = connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("COPY observations (datastream_id, feature_of_interest_id, phenomenon_time, result_number) "
					+ "FROM STDIN (FORMAT text)");
		long started = System.nanoTime();
		long total = dataset.shape().observations() - dataset.series().size();
		long step = Math.max(1, total / 10);
		CopyText text = new CopyText(copy);
		long[] written = { 0 };
		try {
			dataset.generate(1, (series, k, second, value) -> {
				text.number(series.datastreamId()).tab();
				text.number(series.featureOfInterestId()).tab();
				text.time(second).tab();
				text.ascii(Double.toString(value)).newline();
				if (++written[0] % step == 0) {
					double seconds = (System.nanoTime() - started) / 1e9;
					out.printf("  COPY %,d of %,d rows (%.0f s, %,.0f rows/s)%n", written[0], total, seconds,
							written[0] / seconds);
				}
			});
			text.flush();
			return copy.endCopy();
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
	}

	/** Writes COPY text into a buffer and hands it to the server a megabyte at a time. */
	private static final class CopyText {

		private final CopyIn copy;

		private final byte[] buffer = new byte[1 << 20];

		private int size;

		private long day = Long.MIN_VALUE;

		private byte[] date;

		CopyText(CopyIn copy) {
			this.copy = copy;
		}

		CopyText number(long value) throws SQLException {
			return ascii(Long.toString(value));
		}

		/** An instant as {@code YYYY-MM-DD HH:MM:SS+00}. */
		CopyText time(long epochSecond) throws SQLException {
			long d = Math.floorDiv(epochSecond, 86_400);
			if (d != day) {
				day = d;
				date = LocalDate.ofEpochDay(d).toString().getBytes(StandardCharsets.US_ASCII);
			}
			ensure(date.length + 12);
			System.arraycopy(date, 0, buffer, size, date.length);
			size += date.length;
			int secondOfDay = (int) Math.floorMod(epochSecond, 86_400);
			buffer[size++] = ' ';
			two(secondOfDay / 3600);
			buffer[size++] = ':';
			two(secondOfDay / 60 % 60);
			buffer[size++] = ':';
			two(secondOfDay % 60);
			buffer[size++] = '+';
			buffer[size++] = '0';
			buffer[size++] = '0';
			return this;
		}

		private void two(int value) {
			buffer[size++] = (byte) ('0' + value / 10);
			buffer[size++] = (byte) ('0' + value % 10);
		}

		CopyText ascii(String text) throws SQLException {
			ensure(text.length());
			for (int i = 0; i < text.length(); i++) {
				buffer[size++] = (byte) text.charAt(i);
			}
			return this;
		}

		CopyText tab() throws SQLException {
			ensure(1);
			buffer[size++] = '\t';
			return this;
		}

		void newline() throws SQLException {
			ensure(1);
			buffer[size++] = '\n';
		}

		private void ensure(int bytes) throws SQLException {
			if (size + bytes > buffer.length) {
				flush();
			}
		}

		void flush() throws SQLException {
			if (size > 0) {
				copy.writeToCopy(buffer, 0, size);
				size = 0;
			}
		}

	}

	@Override
	public String warmCache() throws SQLException {
		long started = System.nanoTime();
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			// A sequential scan reads every heap page (through a small ring of shared buffers, so
			// it leaves them as they were); an index-only scan reads the (datastream, time) index.
			statement.execute("SELECT SUM(result_number) FROM observations");
			statement.execute("SET enable_seqscan = off");
			statement.execute("SET enable_bitmapscan = off");
			statement.execute("SELECT COUNT(*) FROM observations WHERE datastream_id >= 0 AND phenomenon_time IS NOT NULL");
		}
		return String.format("observations read once into the OS page cache (%.0f s); shared_buffers as configured",
				(System.nanoTime() - started) / 1e9);
	}

	@Override
	public String version() throws SQLException {
		try (Connection connection = connect(adminUrl()); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SHOW server_version")) {
			rs.next();
			return "PostgreSQL " + rs.getString(1);
		}
	}

	@Override
	public Map<String, String> settings() throws SQLException {
		Map<String, String> settings = new LinkedHashMap<>();
		try (Connection connection = connect(adminUrl()); Statement statement = connection.createStatement()) {
			for (String name : List.of("shared_buffers", "effective_cache_size", "work_mem", "random_page_cost",
					"jit", "max_connections")) {
				try (ResultSet rs = statement.executeQuery("SHOW " + name)) {
					rs.next();
					settings.put(name, rs.getString(1));
				}
			}
		}
		return settings;
	}

	/** What the observations take on disk: heap (with TOAST and maps) and each index, over all partitions. */
	Storage storage() throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			long rows;
			try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM observations")) {
				rs.next();
				rows = rs.getLong(1);
			}
			long heap;
			long indexes;
			long total;
			int partitions;
			try (ResultSet rs = statement.executeQuery("""
					SELECT COUNT(*), SUM(pg_table_size(i.inhrelid)), SUM(pg_indexes_size(i.inhrelid)),
					       SUM(pg_total_relation_size(i.inhrelid))
					FROM pg_inherits i WHERE i.inhparent = 'observations'::regclass""")) {
				rs.next();
				partitions = rs.getInt(1);
				heap = rs.getLong(2);
				indexes = rs.getLong(3);
				total = rs.getLong(4);
			}
			Map<String, Long> byIndex = new LinkedHashMap<>();
			try (ResultSet rs = statement.executeQuery("""
					SELECT p.relname, SUM(pg_relation_size(i.inhrelid))
					FROM pg_index x
					JOIN pg_class p ON p.oid = x.indexrelid
					JOIN pg_inherits i ON i.inhparent = x.indexrelid
					WHERE x.indrelid = 'observations'::regclass
					GROUP BY p.relname ORDER BY 2 DESC""")) {
				while (rs.next()) {
					byIndex.put(rs.getString(1), rs.getLong(2));
				}
			}
			return new Storage(rows, partitions, heap, indexes, total, byIndex);
		}
	}

	/** Sizes in bytes. */
	record Storage(long rows, int partitions, long heapBytes, long indexBytes, long totalBytes,
			Map<String, Long> indexBytesByName) {

		double mibPerMillion(long bytes) {
			return bytes / 1048576.0 / (rows / 1e6);
		}

	}

}
