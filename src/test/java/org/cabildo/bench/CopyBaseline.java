package org.cabildo.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.cabildo.bench.Dataset.Series;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * What PostgreSQL itself takes in: the rows of the DataArray load (the same datastreams,
 * features, send times and readings, {@code perRequest} datastreams at a time) written with
 * COPY by a client in the benchmark's JVM, into a scratch table made
 * {@code LIKE observations INCLUDING ALL} (its columns, defaults and indexes) and partitioned
 * by month as observations is; the table is dropped afterwards. The rows are made before the
 * clock starts, so the figure is the database's alone.
 */
final class CopyBaseline {

	static final String TABLE = "observations_copy_baseline";

	private static final int CHUNK_BYTES = 1 << 20;

	/** @param rowsPerSecond rows committed per second of wall time, all streams together */
	record Result(long rows, int streams, double seconds, double rowsPerSecond, String table) {
	}

	private CopyBaseline() {
	}

	static Result run(PostgresBenchDatabase db, List<Series> datastreams, long rows, int rowsPerRequest, int perRequest,
			int streams) throws Exception {
		SendTimes times = new SendTimes(datastreams.size());
		int groups = Math.min(perRequest, datastreams.size());
		int perGroup = Math.max(1, rowsPerRequest / groups);
		List<byte[]> chunks = new ArrayList<>();
		StringBuilder text = new StringBuilder(CHUNK_BYTES + 4096);
		long firstMicros = Long.MAX_VALUE;
		long lastMicros = Long.MIN_VALUE;
		long made = 0;
		int next = 0;
		while (made < rows) {
			Series series = datastreams.get(next++ % datastreams.size());
			for (int r = 0; r < perGroup && made < rows; r++, made++) {
				long micros = times.next(series.index());
				firstMicros = Math.min(firstMicros, micros);
				lastMicros = Math.max(lastMicros, micros);
				text.append(series.datastreamId()).append('\t').append(series.featureOfInterestId()).append('\t');
				SendTimes.appendIso(text, micros).append('\t').append(HttpIngestLoad.value()).append('\n');
			}
			if (text.length() >= CHUNK_BYTES) {
				chunks.add(text.toString().getBytes(StandardCharsets.US_ASCII));
				text.setLength(0);
			}
		}
		if (!text.isEmpty()) {
			chunks.add(text.toString().getBytes(StandardCharsets.US_ASCII));
		}
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS " + TABLE);
			statement.execute("CREATE TABLE " + TABLE
					+ " (LIKE observations INCLUDING ALL) PARTITION BY RANGE (phenomenon_time)");
			YearMonth month = month(firstMicros);
			for (; !month.isAfter(month(lastMicros)); month = month.plusMonths(1)) {
				statement.execute(String.format("CREATE TABLE %s_%04d%02d PARTITION OF %s "
						+ "FOR VALUES FROM ('%s 00:00:00+00') TO ('%s 00:00:00+00')", TABLE, month.getYear(),
						month.getMonthValue(), TABLE, month.atDay(1), month.plusMonths(1).atDay(1)));
			}
			try {
				long started = System.nanoTime();
				long copied = copy(db, chunks, streams);
				double seconds = (System.nanoTime() - started) / 1e9;
				if (copied != rows) {
					throw new IllegalStateException("COPY stored " + copied + " rows, expected " + rows);
				}
				return new Result(copied, streams, seconds, copied / seconds,
						TABLE + " (LIKE observations INCLUDING ALL, partitioned by month like it; dropped afterwards)");
			}
			finally {
				statement.execute("DROP TABLE IF EXISTS " + TABLE);
			}
		}
	}

	/** COPY in text format, each stream on its own connection and in its own transaction. */
	private static long copy(PostgresBenchDatabase db, List<byte[]> chunks, int streams) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(streams);
		try {
			List<Future<Long>> futures = new ArrayList<>();
			for (int s = 0; s < streams; s++) {
				int stream = s;
				futures.add(executor.submit(() -> {
					try (Connection connection = db.connect()) {
						CopyIn copy = connection.unwrap(PGConnection.class)
							.getCopyAPI()
							.copyIn("COPY " + TABLE + " (datastream_id, feature_of_interest_id, phenomenon_time, "
									+ "result_number) FROM STDIN (FORMAT text)");
						try {
							for (int i = stream; i < chunks.size(); i += streams) {
								copy.writeToCopy(chunks.get(i), 0, chunks.get(i).length);
							}
							return copy.endCopy();
						}
						finally {
							if (copy.isActive()) {
								copy.cancelCopy();
							}
						}
					}
				}));
			}
			long rows = 0;
			for (Future<Long> future : futures) {
				rows += future.get();
			}
			return rows;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static YearMonth month(long micros) {
		return YearMonth.from(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000)).atOffset(ZoneOffset.UTC));
	}

}
