package org.cabildo.sensing.write;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.sensing.store.RawJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Finds re-sent readings: rows whose datastream already holds, or whose batch holds earlier,
 * an observation with the same phenomenonTime and result, and the stored ones a re-sent reading
 * with another result would correct. Sensors send in time order, so
 * the database is asked only about rows not later than the latest time their datastream holds.
 */
@Component
class Duplicates {

	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	Duplicates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What is known of duplicates among rows, by position.
	 *
	 * @param existing the stored observation with the same phenomenonTime and result
	 * @param earlier the earlier row of the batch with the same phenomenonTime and result
	 * @param sameTime the stored observation with the same phenomenonTime (start and end) but
	 * another result: what a correction replaces (the latest stored, should there be several)
	 */
	record Verdicts(Long[] existing, int[] earlier, Long[] sameTime) {

		static Verdicts none(int size) {
			int[] earlier = new int[size];
			Arrays.fill(earlier, -1);
			return new Verdicts(new Long[size], earlier, new Long[size]);
		}

		/** The stored observation with the same phenomenonTime and another result, or null. */
		Long sameTimeId(int row) {
			return existing[row] == null && earlier[row] < 0 ? sameTime[row] : null;
		}

		boolean isDuplicate(int row) {
			return existing[row] != null || earlier[row] >= 0;
		}

		/** The id of the stored observation the row repeats, or null when it repeats an earlier row. */
		Long existingId(int row) {
			return existing[row];
		}

		int earlierRow(int row) {
			return earlier[row];
		}

	}

	/** The identity of a reading: datastream, phenomenonTime and result (times cut to microseconds by the store). */
	private record Key(long datastream, Instant start, Instant end, Object result) {

		/** The same reading's time, whatever its result. */
		Key time() {
			return new Key(datastream, start, end, null);
		}

		static Key of(NewObservation row) {
			return new Key(row.datastreamId(), row.phenomenonTime().start(), row.phenomenonTime().end(),
					result(row.result()));
		}

		/** JSON compares as a tree: the database may store it with other spacing or key order. */
		static Object result(Object result) {
			return result instanceof RawJson json ? JsonMapper.shared().readTree(json.text()) : result;
		}

	}

	Verdicts find(List<NewObservation> rows, Map<Long, DatastreamState> datastreams) {
		Verdicts verdicts = Verdicts.none(rows.size());
		Map<Long, List<Integer>> candidates = new LinkedHashMap<>();
		Key[] keys = new Key[rows.size()];
		for (int i = 0; i < rows.size(); i++) {
			NewObservation row = rows.get(i);
			keys[i] = Key.of(row);
			Instant latest = datastreams.get(row.datastreamId()).latest();
			if (latest != null && !row.phenomenonTime().start().isAfter(latest)) {
				candidates.computeIfAbsent(row.datastreamId(), id -> new ArrayList<>()).add(i);
			}
		}
		candidates.forEach((datastream, positions) -> {
			Map<Key, Long> stored = new HashMap<>();
			Map<Key, Long> storedTimes = new HashMap<>();
			stored(datastream, positions.stream().map(i -> keys[i].start()).distinct().toList()).forEach(entry -> {
				stored.putIfAbsent(entry.getKey(), entry.getValue());
				storedTimes.merge(entry.getKey().time(), entry.getValue(), Math::max);
			});
			for (int i : positions) {
				verdicts.existing()[i] = stored.get(keys[i]);
				verdicts.sameTime()[i] = storedTimes.get(keys[i].time());
			}
		});
		Map<Key, Integer> first = new HashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			if (verdicts.existing()[i] == null) {
				Integer earlier = first.putIfAbsent(keys[i], i);
				if (earlier != null) {
					verdicts.earlier()[i] = earlier;
				}
			}
		}
		return verdicts;
	}

	/**
	 * The stored observations of a datastream at some phenomenonTime starts. The times are
	 * sorted and asked for in groups within one calendar month (UTC), each bounded by its first
	 * and last time: on PostgreSQL the bounds prune the monthly partitions to the one that can
	 * hold them, and the database picks a range scan for a tight group (history in time order)
	 * or index probes for a scattered one (shuffled), so the cost does not depend on the order.
	 */
	private List<Map.Entry<Key, Long>> stored(long datastream, List<Instant> starts) {
		List<Map.Entry<Key, Long>> stored = new ArrayList<>();
		for (List<Instant> chunk : groups(starts)) {
			List<Object> parameters = new ArrayList<>(chunk.size() + 3);
			parameters.add(datastream);
			parameters.add(ColumnValues.utc(chunk.get(0)));
			parameters.add(ColumnValues.utc(chunk.get(chunk.size() - 1)));
			chunk.forEach(start -> parameters.add(ColumnValues.utc(start)));
			jdbc.sql("SELECT id, phenomenon_time, phenomenon_time_end, result_number, result_json FROM observations "
					+ "WHERE datastream_id = ? AND phenomenon_time >= ? AND phenomenon_time <= ? AND phenomenon_time IN ("
					+ ObservationStore.placeholders(chunk.size()) + ")")
				.params(parameters)
				.query((rs, n) -> {
					OffsetDateTime end = rs.getObject(3, OffsetDateTime.class);
					double number = rs.getDouble(4);
					Object result = rs.wasNull() ? null : (Object) number;
					String json = rs.getString(5);
					if (json != null) {
						result = new RawJson(json);
					}
					return Map.entry(new Key(datastream, rs.getObject(2, OffsetDateTime.class).toInstant(),
							end == null ? null : end.toInstant(), Key.result(result)), rs.getLong(1));
				})
				.list()
				.forEach(stored::add);
		}
		return stored;
	}

	/** Sorted times in groups of at most {@link #CHUNK}, each within one calendar month (UTC). */
	static List<List<Instant>> groups(List<Instant> starts) {
		List<Instant> sorted = new ArrayList<>(starts);
		sorted.sort(null);
		List<List<Instant>> groups = new ArrayList<>();
		List<Instant> group = new ArrayList<>();
		YearMonth month = null;
		for (Instant start : sorted) {
			YearMonth of = YearMonth.from(start.atOffset(ZoneOffset.UTC));
			if (!group.isEmpty() && (group.size() == CHUNK || !of.equals(month))) {
				groups.add(group);
				group = new ArrayList<>();
			}
			group.add(start);
			month = of;
		}
		if (!group.isEmpty()) {
			groups.add(group);
		}
		return groups;
	}

}
