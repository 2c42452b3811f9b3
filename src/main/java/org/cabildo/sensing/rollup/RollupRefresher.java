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

	/** How many rounds an hour computed from its rows keeps the ids it counted. */
	private static final int ROUNDS_KEPT = 3;

	private final JdbcClient jdbc;

	private final JdbcTemplate streaming;

	private final ChangedHours changed;

	private final CityTime city;

	private final TransactionTemplate transactions;

	private boolean caughtUp;

	/** The newest id when the catch-up began: rows up to it may be counted already when they are heard of. */
	private long caughtUpTo;

	/** Rounds run, to tell how old an entry of {@link #recent} is. */
	private long round;

	/** Hours computed from their rows in the last rounds, with the Observations they counted. */
	private final Map<ChangedHours.Hour, Counted> recent = new HashMap<>();

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

	/**
	 * Brings the rollups up to date with every write heard of so far: adds the results created to
	 * their hours, computes the hours of corrections and rare writes again from their rows, and
	 * their days from their hours. How many hours were touched.
	 */
	public synchronized int refresh() {
		if (!caughtUp) {
			catchUp();
			caughtUp = true;
		}
		round++;
		ChangedHours.Drained drained = changed.drain();
		Set<ChangedHours.Hour> recompute = new HashSet<>(drained.recompute());
		// A row of an id the catch-up may have read, heard of only now: its hour is read again rather than added to.
		drained.added().forEach((hour, results) -> {
			if (results.anyAtOrBelow(caughtUpTo)) {
				recompute.add(hour);
			}
		});
		List<Long> pendingIds = new ArrayList<>();
		jdbc.sql("SELECT id, datastream_id, phenomenon_time FROM rollup_pending ORDER BY id FETCH FIRST ? ROWS ONLY")
			.param(PENDING_PER_ROUND)
			.query((RowCallbackHandler) rs -> {
				pendingIds.add(rs.getLong(1));
				recompute.add(new ChangedHours.Hour(rs.getLong(2), changed.hourOf(instant(rs, 3))));
			});
		Map<Long, Work> work = new TreeMap<>();
		recompute.forEach(hour -> work.computeIfAbsent(hour.datastream(), d -> new Work()).recompute.add(hour.start()));
		drained.added().forEach((hour, results) -> work.computeIfAbsent(hour.datastream(), d -> new Work()).added
			.put(hour.start(), results));
		List<Map.Entry<Long, Work>> streams = new ArrayList<>(work.entrySet());
		int done = 0;
		try {
			// Several streams a transaction, so that many streams with an hour each do not cost a commit each.
			while (done < streams.size()) {
				List<Map.Entry<Long, Work>> chunk = streams.subList(done,
						Math.min(streams.size(), done + STREAMS_PER_TRANSACTION));
				Map<ChangedHours.Hour, Counted> counted = new HashMap<>();
				transactions.executeWithoutResult(status -> {
					holdTheRollups();
					chunk.forEach(stream -> apply(stream.getKey(), stream.getValue(), counted));
				});
				recent.putAll(counted);
				done += chunk.size();
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
			// What committed stays; the rest is given back (rows noted in rollup_pending stay there).
			Map<ChangedHours.Hour, ChangedHours.Added> notAdded = new HashMap<>();
			Set<ChangedHours.Hour> notRecomputed = new HashSet<>();
			for (Map.Entry<Long, Work> stream : streams.subList(done, streams.size())) {
				stream.getValue().added.forEach((start, results) -> notAdded
					.put(new ChangedHours.Hour(stream.getKey(), start), results));
				stream.getValue().recompute.forEach(start -> notRecomputed.add(new ChangedHours.Hour(stream.getKey(), start)));
			}
			changed.restore(notAdded, notRecomputed);
			throw e;
		}
		recent.values().removeIf(hour -> hour.round() < round - ROUNDS_KEPT);
		return recompute.size() + drained.added().size();
	}

	/**
	 * Rolls up what was stored while nothing noted it. At the first start with rollups, every
	 * stream whole, from the rows stored then; afterwards (and for rows stored meanwhile) the hours
	 * of the rows above the watermark, less a margin, are computed again from their rows.
	 */
	private void catchUp() {
		// What was heard of before this was committed before the newest id is read: the catch-up reads it.
		changed.drain();
		long watermark = jdbc.sql("SELECT observation_id FROM rollup_watermark WHERE id = 1").query(Long.class).single();
		long newest = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM observations").query(Long.class).single();
		if (watermark == 0) {
			List<Long> streams = jdbc.sql("SELECT DISTINCT datastream_id FROM observations WHERE id <= ?"
					+ " ORDER BY datastream_id")
				.param(newest)
				.query(Long.class)
				.list();
			for (long stream : streams) {
				transactions.executeWithoutResult(status -> {
					holdTheRollups();
					rollUpWhole(stream, newest);
				});
			}
			if (!streams.isEmpty()) {
				log.info("rollups: rolled up the {} streams stored before rollups existed", streams.size());
			}
		}
		long above = watermark == 0 ? newest : Math.max(0, watermark - LOOK_BACK);
		Set<ChangedHours.Hour> hours = new HashSet<>();
		transactions.executeWithoutResult(status -> streaming.query(
				"SELECT datastream_id, phenomenon_time FROM observations WHERE id > ? AND result_number IS NOT NULL",
				(RowCallbackHandler) rs -> hours.add(new ChangedHours.Hour(rs.getLong(1), changed.hourOf(instant(rs, 2)))),
				above));
		changed.restore(Map.of(), hours);
		raiseWatermark(newest);
		caughtUpTo = newest;
	}

	/** One stream's work in a round: the hours to compute from their rows, the results to add. */
	private static final class Work {

		final NavigableSet<Instant> recompute = new TreeSet<>();

		final Map<Instant, ChangedHours.Added> added = new TreeMap<>();

	}

	/**
	 * The Observations an hour was computed from, by id, kept for a few rounds: a row committed
	 * just before the hour was read can be heard of just after, and must not then be added again.
	 */
	private record Counted(Set<Long> ids, long round) {
	}

	/** One stream's round: hours computed from their rows, results added to the others, then their days. */
	private void apply(long datastream, Work work, Map<ChangedHours.Hour, Counted> counted) {
		NavigableSet<LocalDate> days = new TreeSet<>();
		for (NavigableSet<Instant> run : runs(work.recompute, GAP_HOURS)) {
			Map<Instant, HourTotals> totals = new HashMap<>();
			Map<Instant, Set<Long>> ids = new HashMap<>();
			streaming.query("SELECT id, phenomenon_time, result_number FROM observations WHERE datastream_id = ?"
					+ " AND phenomenon_time >= ? AND phenomenon_time < ? AND result_number IS NOT NULL",
					(RowCallbackHandler) rs -> {
						Instant hour = changed.hourOf(instant(rs, 2));
						if (run.contains(hour)) {
							totals.merge(hour, HourTotals.of(rs.getDouble(3)), HourTotals::plus);
							ids.computeIfAbsent(hour, h -> new HashSet<>()).add(rs.getLong(1));
						}
					}, datastream, utc(run.first()), utc(run.last().plus(1, ChronoUnit.HOURS)));
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
			run.forEach(start -> counted.put(new ChangedHours.Hour(datastream, start),
					new Counted(ids.getOrDefault(start, Set.of()), round)));
		}
		work.added.forEach((start, results) -> {
			if (work.recompute.contains(start)) {
				// Read with the hour's rows: they were committed before they were heard of.
				return;
			}
			Counted before = recent.get(new ChangedHours.Hour(datastream, start));
			HourTotals totals = results.totalsWithout(before == null ? Set.of() : before.ids());
			if (totals != null) {
				add(datastream, start, totals);
			}
		});
		for (Instant start : work.recompute) {
			days.add(city.date(start));
			days.add(city.date(start.plus(EightHourMeans.REACH)));
		}
		for (Instant start : work.added.keySet()) {
			days.add(city.date(start));
			days.add(city.date(start.plus(EightHourMeans.REACH)));
		}
		recomputeDays(datastream, days);
	}

	/** Adds results to an hour's rollup, which totals of parts allow in any order. */
	private void add(long datastream, Instant start, HourTotals totals) {
		int updated = jdbc.sql("UPDATE rollup_hours SET count = count + ?, sum = sum + ?, min = LEAST(min, ?),"
				+ " max = GREATEST(max, ?) WHERE datastream_id = ? AND hour_start = ?")
			.params(totals.count(), totals.sum(), totals.min(), totals.max(), datastream, utc(start))
			.update();
		if (updated == 0) {
			insertHours(datastream, Map.of(start, totals));
		}
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

	/** All of a stream's hours from its rows up to an id, read once in time order, then its days from its hours. */
	private void rollUpWhole(long datastream, long upTo) {
		jdbc.sql("DELETE FROM rollup_hours WHERE datastream_id = ?").param(datastream).update();
		jdbc.sql("DELETE FROM rollup_days WHERE datastream_id = ?").param(datastream).update();
		TreeMap<Instant, HourTotals> hours = new TreeMap<>();
		NavigableSet<LocalDate> days = new TreeSet<>();
		streaming.query("SELECT phenomenon_time, result_number FROM observations WHERE datastream_id = ?"
				+ " AND id <= ? AND result_number IS NOT NULL ORDER BY phenomenon_time", (RowCallbackHandler) rs -> {
					Instant hour = changed.hourOf(instant(rs, 1));
					// Rows come in time order: an hour is complete when the next one starts.
					if (hours.size() >= 1_000 && !hours.lastKey().equals(hour)) {
						insertHours(datastream, hours);
						hours.clear();
					}
					hours.merge(hour, HourTotals.of(rs.getDouble(2)), HourTotals::plus);
					days.add(city.date(hour));
				}, datastream, upTo);
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
