package org.cabildo.sensing.rollup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.cabildo.platform.CityTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code rollup_hours} and {@code rollup_days} true to the stored Observations. Every few
 * seconds it takes the hours noted as changed ({@link ChangedHours}, {@code rollup_pending}) and
 * computes each again from its rows, then the local days those hours are in from their hours: so
 * late, corrected, moved and removed rows give what rows in order would have given. It runs
 * beside ingest, never in its transaction. On its first run it rolls up what was stored before
 * rollups existed, or before a crash lost what was noted in memory (the ids above the watermark).
 */
@Component
public class RollupRefresher {

	private static final Logger log = LoggerFactory.getLogger(RollupRefresher.class);

	/** How many noted rows of {@code rollup_pending} one round takes. */
	static final int PENDING_PER_ROUND = 10_000;

	/**
	 * How far below the watermark the first run looks again: ids are drawn before commit, so a row
	 * of an id below the highest one heard of may have committed after it.
	 */
	static final long LOOK_BACK = 100_000;

	/** Hours further apart than this are read from the Observations in separate ranges. */
	private static final long GAP_HOURS = 48;

	private static final int IN_CHUNK = 500;

	private static final int STREAMS_PER_TRANSACTION = 50;

	private static final int HOURS_SUMMED_BY_THE_DATABASE = 6;

	private final JdbcClient jdbc;

	private final JdbcTemplate streaming;

	private final ChangedHours changed;

	private final CityTime city;

	private final TransactionTemplate transactions;

	private boolean caughtUp;

	private final boolean enabled;

	RollupRefresher(JdbcClient jdbc, DataSource dataSource, ChangedHours changed, CityTime city,
			PlatformTransactionManager transactionManager, RollupSettings settings) {
		this.enabled = settings.enabled();
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(dataSource);
		// Rows are read a batch at a time (a cursor on PostgreSQL, within a transaction), never all at once.
		this.streaming.setFetchSize(5_000);
		this.changed = changed;
		this.city = city;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Scheduled(fixedDelayString = "${cabildo.sensing.rollups.interval:2s}",
			initialDelayString = "${cabildo.sensing.rollups.initial-delay:5s}")
	void scheduled() {
		if (!enabled) {
			return;
		}
		try {
			refresh();
		}
		catch (RuntimeException e) {
			log.warn("rollups: a round failed and will be tried again: {}", e.toString());
		}
	}

	/** Brings the rollups up to date with every write heard of so far; how many hours were computed again. */
	public synchronized int refresh() {
		if (!caughtUp) {
			catchUp();
			caughtUp = true;
		}
		ChangedHours.Drained drained = changed.drain();
		Set<ChangedHours.Hour> hours = new HashSet<>(drained.hours());
		List<Long> pendingIds = new ArrayList<>();
		jdbc.sql("SELECT id, datastream_id, phenomenon_time FROM rollup_pending ORDER BY id FETCH FIRST ? ROWS ONLY")
			.param(PENDING_PER_ROUND)
			.query((RowCallbackHandler) rs -> {
				pendingIds.add(rs.getLong(1));
				hours.add(new ChangedHours.Hour(rs.getLong(2), changed.hourOf(instant(rs, 3))));
			});
		Map<Long, NavigableSet<Instant>> byStream = new TreeMap<>();
		hours.forEach(hour -> byStream.computeIfAbsent(hour.datastream(), ignored -> new TreeSet<>()).add(hour.start()));
		Set<ChangedHours.Hour> left = new HashSet<>(hours);
		try {
			List<Map.Entry<Long, NavigableSet<Instant>>> streams = new ArrayList<>(byStream.entrySet());
			// Several streams a transaction, so that many streams with an hour each do not cost a commit each.
			for (int from = 0; from < streams.size(); from += STREAMS_PER_TRANSACTION) {
				List<Map.Entry<Long, NavigableSet<Instant>>> chunk = streams.subList(from,
						Math.min(streams.size(), from + STREAMS_PER_TRANSACTION));
				transactions.executeWithoutResult(status -> {
					holdTheRollups();
					chunk.forEach(stream -> recompute(stream.getKey(), stream.getValue()));
				});
				chunk.forEach(stream -> stream.getValue()
					.forEach(start -> left.remove(new ChangedHours.Hour(stream.getKey(), start))));
			}
			transactions.executeWithoutResult(status -> {
				for (int from = 0; from < pendingIds.size(); from += IN_CHUNK) {
					List<Long> chunk = pendingIds.subList(from, Math.min(pendingIds.size(), from + IN_CHUNK));
					jdbc.sql("DELETE FROM rollup_pending WHERE id IN (" + placeholders(chunk.size()) + ")")
						.params(new ArrayList<Object>(chunk))
						.update();
				}
				raiseWatermark(drained.highestId());
			});
		}
		catch (RuntimeException e) {
			changed.restore(left);
			throw e;
		}
		return hours.size();
	}

	/** Rolls up what was stored while nothing noted it: everything at first, then the ids above the watermark. */
	private void catchUp() {
		long watermark = jdbc.sql("SELECT observation_id FROM rollup_watermark WHERE id = 1").query(Long.class).single();
		long newest = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM observations").query(Long.class).single();
		if (watermark == 0) {
			List<Long> streams = jdbc.sql("SELECT DISTINCT datastream_id FROM observations ORDER BY datastream_id")
				.query(Long.class)
				.list();
			for (long stream : streams) {
				transactions.executeWithoutResult(status -> {
					holdTheRollups();
					rollUpWhole(stream);
				});
			}
			if (!streams.isEmpty()) {
				log.info("rollups: rolled up the {} streams stored before rollups existed", streams.size());
			}
		}
		else if (newest > watermark - LOOK_BACK) {
			Set<ChangedHours.Hour> hours = new HashSet<>();
			transactions.executeWithoutResult(status -> streaming.query(
					"SELECT datastream_id, phenomenon_time FROM observations WHERE id > ? AND result_number IS NOT NULL",
					(RowCallbackHandler) rs -> hours
						.add(new ChangedHours.Hour(rs.getLong(1), changed.hourOf(instant(rs, 2)))),
					Math.max(0, watermark - LOOK_BACK)));
			changed.restore(hours);
		}
		raiseWatermark(newest);
	}

	/** One stream's hours computed again from their rows, then their days from their hours. */
	private void recompute(long datastream, NavigableSet<Instant> hours) {
		for (NavigableSet<Instant> run : runs(hours, GAP_HOURS)) {
			Map<Instant, HourTotals> totals = run.size() <= HOURS_SUMMED_BY_THE_DATABASE ? summed(datastream, run)
					: scanned(datastream, run);
			List<Instant> starts = new ArrayList<>(run);
			for (int from = 0; from < starts.size(); from += IN_CHUNK) {
				List<Instant> chunk = starts.subList(from, Math.min(starts.size(), from + IN_CHUNK));
				List<Object> parameters = new ArrayList<>();
				parameters.add(datastream);
				chunk.forEach(start -> parameters.add(utc(start)));
				jdbc.sql("DELETE FROM rollup_hours WHERE datastream_id = ? AND hour_start IN ("
						+ placeholders(chunk.size()) + ")").params(parameters).update();
			}
			insertHours(datastream, new TreeMap<>(totals));
		}
		NavigableSet<LocalDate> days = new TreeSet<>();
		// an hour is in its own day's 8-hour means, and in the next day's first ones
		hours.forEach(hour -> {
			days.add(city.date(hour));
			days.add(city.date(hour.plus(EightHourMeans.REACH)));
		});
		recomputeDays(datastream, days);
	}

	/**
	 * A few hours (live ingest touches one or two a stream), each summed by the database over its
	 * rows, so that only four numbers an hour cross the connection. An hour of the city's clock is
	 * always one hour of instants.
	 */
	private Map<Instant, HourTotals> summed(long datastream, NavigableSet<Instant> run) {
		Map<Instant, HourTotals> totals = new HashMap<>();
		for (Instant hour : run) {
			jdbc.sql("SELECT COUNT(result_number), SUM(result_number), MIN(result_number), MAX(result_number)"
					+ " FROM observations WHERE datastream_id = ? AND phenomenon_time >= ? AND phenomenon_time < ?")
				.params(datastream, utc(hour), utc(hour.plus(1, ChronoUnit.HOURS)))
				.query((RowCallbackHandler) rs -> {
					if (rs.getLong(1) > 0) {
						totals.put(hour, hour(rs, 1));
					}
				});
		}
		return totals;
	}

	/** Many hours (a late file, a catch-up): their rows read once in one range, each added to its hour. */
	private Map<Instant, HourTotals> scanned(long datastream, NavigableSet<Instant> run) {
		Map<Instant, HourTotals> totals = new HashMap<>();
		streaming.query("SELECT phenomenon_time, result_number FROM observations WHERE datastream_id = ?"
				+ " AND phenomenon_time >= ? AND phenomenon_time < ? AND result_number IS NOT NULL",
				(RowCallbackHandler) rs -> {
					Instant hour = changed.hourOf(instant(rs, 1));
					if (run.contains(hour)) {
						totals.merge(hour, HourTotals.of(rs.getDouble(2)), HourTotals::plus);
					}
				}, datastream, utc(run.first()), utc(run.last().plus(1, ChronoUnit.HOURS)));
		return totals;
	}

	/**
	 * Days computed again from their hours' rollups: their totals, and their 8-hour means, which
	 * reach 7 hours into the day before.
	 */
	private void recomputeDays(long datastream, NavigableSet<LocalDate> days) {
		for (NavigableSet<LocalDate> run : runs(days, 2)) {
			Instant first = startOf(run.first());
			Instant to = startOf(run.last().plusDays(1));
			TreeMap<Instant, HourTotals> hours = new TreeMap<>();
			jdbc.sql("SELECT hour_start, count, sum, min, max FROM rollup_hours WHERE datastream_id = ?"
					+ " AND hour_start >= ? AND hour_start < ?")
				.params(datastream, utc(first.minus(EightHourMeans.REACH)), utc(to))
				.query((RowCallbackHandler) rs -> hours.put(instant(rs, 1), hour(rs, 2)));
			Map<LocalDate, DayTotals> totals = new TreeMap<>();
			hours.tailMap(first, true).forEach((start, hour) -> totals.merge(city.date(start), DayTotals.of(hour),
					DayTotals::plus));
			List<LocalDate> list = new ArrayList<>(run);
			for (int start = 0; start < list.size(); start += IN_CHUNK) {
				List<LocalDate> chunk = list.subList(start, Math.min(list.size(), start + IN_CHUNK));
				List<Object> parameters = new ArrayList<>();
				parameters.add(datastream);
				parameters.addAll(chunk);
				jdbc.sql("DELETE FROM rollup_days WHERE datastream_id = ? AND local_day IN (" + placeholders(chunk.size()) + ")")
					.params(parameters)
					.update();
			}
			totals.keySet().retainAll(run);
			insertDays(datastream, totals, hours);
		}
	}

	/** All of a stream's hours from its rows, read once in time order, then its days from its hours. */
	private void rollUpWhole(long datastream) {
		jdbc.sql("DELETE FROM rollup_hours WHERE datastream_id = ?").param(datastream).update();
		jdbc.sql("DELETE FROM rollup_days WHERE datastream_id = ?").param(datastream).update();
		TreeMap<Instant, HourTotals> hours = new TreeMap<>();
		NavigableSet<LocalDate> days = new TreeSet<>();
		streaming.query("SELECT phenomenon_time, result_number FROM observations WHERE datastream_id = ?"
				+ " AND result_number IS NOT NULL ORDER BY phenomenon_time", (RowCallbackHandler) rs -> {
					Instant hour = changed.hourOf(instant(rs, 1));
					// Rows come in time order: an hour is complete when the next one starts.
					if (hours.size() >= 1_000 && !hours.lastKey().equals(hour)) {
						insertHours(datastream, hours);
						hours.clear();
					}
					hours.merge(hour, HourTotals.of(rs.getDouble(2)), HourTotals::plus);
					days.add(city.date(hour));
				}, datastream);
		insertHours(datastream, hours);
		recomputeDays(datastream, days);
	}

	private void insertHours(long datastream, Map<Instant, HourTotals> hours) {
		List<Object[]> rows = new ArrayList<>(hours.size());
		hours.forEach((start, totals) -> rows.add(new Object[] { datastream, utc(start), totals.count(), totals.sum(),
				totals.min(), totals.max() }));
		if (!rows.isEmpty()) {
			streaming.batchUpdate("INSERT INTO rollup_hours (datastream_id, hour_start, count, sum, min, max)"
					+ " VALUES (?, ?, ?, ?, ?, ?)", rows);
		}
	}

	private void insertDays(long datastream, Map<LocalDate, DayTotals> days, NavigableMap<Instant, HourTotals> hours) {
		List<Object[]> rows = new ArrayList<>(days.size());
		days.forEach((day, totals) -> {
			EightHourMeans eight = EightHourMeans.of(hours, startOf(day), startOf(day.plusDays(1)));
			rows.add(new Object[] { datastream, day, city.name(), totals.hours(), totals.count(), totals.min(),
					totals.max(), totals.mean(), eight.max(), eight.windows() });
		});
		if (!rows.isEmpty()) {
			streaming.batchUpdate("INSERT INTO rollup_days (datastream_id, local_day, time_zone, hours, count, min, max,"
					+ " mean, max_8h, windows_8h) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
		}
	}

	/**
	 * Takes, for the rest of the transaction, the one lock all refreshers (of every node) take
	 * before they write rollups, so that two never write the same hour at once; ingest never takes it.
	 */
	private void holdTheRollups() {
		jdbc.sql("SELECT observation_id FROM rollup_watermark WHERE id = 1 FOR UPDATE").query(Long.class).single();
	}

	private void raiseWatermark(long observationId) {
		jdbc.sql("UPDATE rollup_watermark SET observation_id = ? WHERE id = 1 AND observation_id < ?")
			.params(observationId, observationId)
			.update();
	}

	/** Sorted values split where two neighbours are more than {@code gap} apart (hours or days). */
	static <T extends Comparable<? super T>> List<NavigableSet<T>> runs(NavigableSet<T> values, long gap) {
		List<NavigableSet<T>> runs = new ArrayList<>();
		NavigableSet<T> run = new TreeSet<>();
		T previous = null;
		for (T value : values) {
			if (previous != null && distance(previous, value) > gap) {
				runs.add(run);
				run = new TreeSet<>();
			}
			run.add(value);
			previous = value;
		}
		if (!run.isEmpty()) {
			runs.add(run);
		}
		return runs;
	}

	private static long distance(Object from, Object to) {
		return switch (from) {
			case Instant start -> ChronoUnit.HOURS.between(start, (Instant) to);
			case LocalDate start -> ChronoUnit.DAYS.between(start, (LocalDate) to);
			default -> throw new IllegalArgumentException("no distance between " + from + " and " + to);
		};
	}

	private Instant startOf(LocalDate day) {
		return day.atStartOfDay(city.zone()).toInstant();
	}

	private static HourTotals hour(ResultSet rs, int first) throws SQLException {
		return new HourTotals(rs.getLong(first), rs.getDouble(first + 1), rs.getDouble(first + 2),
				rs.getDouble(first + 3));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static String placeholders(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
	}

}
