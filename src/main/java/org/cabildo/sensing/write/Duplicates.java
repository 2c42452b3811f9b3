package org.cabildo.sensing.write;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.cabildo.sensing.sql.Dialect;
import org.cabildo.sensing.store.RawJson;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Finds re-sent readings: rows whose datastream already holds, or whose batch holds earlier,
 * an observation with the same phenomenonTime and result, and the observations (stored, or made
 * by an earlier row of the batch) a re-sent reading with another result corrects. Sensors send in
 * time order, so the database is asked only about rows not later than the latest time their
 * datastream holds.
 */
@Component
class Duplicates {

	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	private final boolean postgres;

	Duplicates(JdbcClient jdbc, Dialect dialect) {
		this.jdbc = jdbc;
		this.postgres = dialect.partitionsObservations();
	}

	/** Where a reading is held: a stored observation, or the observation an earlier row of the batch makes. */
	sealed interface Holder {

		/** A stored observation, by id. */
		record Stored(long id) implements Holder {
		}

		/** The observation that row {@code index} of the batch makes. */
		record Row(int index) implements Holder {
		}

	}

	/** What becomes of one row. */
	sealed interface Verdict {

		/** A new observation. */
		record Fresh() implements Verdict {
		}

		/** The same reading again (same time, same result as the held one): nothing is written. */
		record Repeats(Holder holder) implements Verdict {
		}

		/** Same time, another result, in a stream that corrects: the held observation takes this result. */
		record Corrects(Holder holder) implements Verdict {
		}

	}

	/** Every row new: nothing is compared (duplicates allowed). */
	static List<Verdict> none(int size) {
		return java.util.Collections.nCopies(size, new Verdict.Fresh());
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

	/**
	 * The verdict of each row, in order. In a stream that {@code corrects}, a row is weighed
	 * against what its time holds by then, the earlier rows of the batch included: the same
	 * result repeats it, another corrects it (so in one batch the last result for a time is the
	 * one kept, the others becoming its revisions). In a stream that keeps both, a row repeats a
	 * stored observation or an earlier row with the same time and result, and is new otherwise.
	 */
	List<Verdict> find(List<NewObservation> rows, Map<Long, DatastreamState> datastreams, Predicate<Long> corrects) {
		Long[] existing = new Long[rows.size()];
		Long[] sameTime = new Long[rows.size()];
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
				existing[i] = stored.get(keys[i]);
				sameTime[i] = storedTimes.get(keys[i].time());
			}
		});
		List<Verdict> verdicts = new ArrayList<>(rows.size());
		Map<Key, Holder> firstOfReading = new HashMap<>();
		Map<Key, Held> heldAtTime = new HashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			Verdict verdict = corrects.test(rows.get(i).datastreamId())
					? correcting(keys[i], i, existing[i], sameTime[i], heldAtTime)
					: keepingBoth(keys[i], i, existing[i], firstOfReading);
			verdicts.add(verdict);
		}
		return verdicts;
	}

	/** What a time holds so far in a batch, and the result it holds. */
	private record Held(Holder holder, Key reading) {
	}

	private static Verdict correcting(Key key, int row, Long existing, Long sameTime, Map<Key, Held> heldAtTime) {
		Held held = heldAtTime.get(key.time());
		Verdict verdict;
		if (held != null) {
			verdict = held.reading().equals(key) ? new Verdict.Repeats(held.holder()) : new Verdict.Corrects(held.holder());
		}
		else if (existing != null) {
			verdict = new Verdict.Repeats(new Holder.Stored(existing));
		}
		else if (sameTime != null) {
			verdict = new Verdict.Corrects(new Holder.Stored(sameTime));
		}
		else {
			verdict = new Verdict.Fresh();
		}
		Holder holder = switch (verdict) {
			case Verdict.Fresh fresh -> new Holder.Row(row);
			case Verdict.Repeats repeats -> repeats.holder();
			case Verdict.Corrects corrects -> corrects.holder();
		};
		heldAtTime.put(key.time(), new Held(holder, key));
		return verdict;
	}

	private static Verdict keepingBoth(Key key, int row, Long existing, Map<Key, Holder> firstOfReading) {
		if (existing != null) {
			return new Verdict.Repeats(new Holder.Stored(existing));
		}
		Holder first = firstOfReading.putIfAbsent(key, new Holder.Row(row));
		return first == null ? new Verdict.Fresh() : new Verdict.Repeats(first);
	}

	/**
	 * The stored observations of a datastream at some phenomenonTime starts, found by one index
	 * probe per time, so that the cost is the same whether the times come in order or shuffled.
	 * On PostgreSQL the times go as one array; the lateral subquery (kept apart by OFFSET 0) makes
	 * each time its own probe of the one monthly partition that can hold it, pruned at run time.
	 * A range-bounded {@code IN} list let the planner scan the whole range and filter, which for
	 * history arriving shuffled read a month of rows for each group of times.
	 */
	private List<Map.Entry<Key, Long>> stored(long datastream, List<Instant> starts) {
		List<Map.Entry<Key, Long>> stored = new ArrayList<>();
		for (List<Instant> chunk : chunks(starts)) {
			JdbcClient.StatementSpec query = postgres ? jdbc.sql("""
					SELECT o.id, o.phenomenon_time, o.phenomenon_time_end, o.result_number, o.result_json
					FROM unnest(?) AS asked(phenomenon_time) CROSS JOIN LATERAL (
					  SELECT id, phenomenon_time, phenomenon_time_end, result_number, result_json FROM observations
					  WHERE datastream_id = ? AND phenomenon_time = asked.phenomenon_time OFFSET 0) o""")
				.param(new SqlArrayValue("timestamptz", chunk.stream().map(Instant::toString).toArray()))
				.param(datastream)
					: jdbc.sql("SELECT id, phenomenon_time, phenomenon_time_end, result_number, result_json FROM observations "
							+ "WHERE datastream_id = ? AND phenomenon_time IN (" + ObservationStore.placeholders(chunk.size()) + ")")
						.param(datastream)
						.params(chunk.stream().map(start -> (Object) ColumnValues.utc(start)).toList());
			query.query((rs, n) -> {
				OffsetDateTime end = rs.getObject(3, OffsetDateTime.class);
				double number = rs.getDouble(4);
				Object result = rs.wasNull() ? null : (Object) number;
				String json = rs.getString(5);
				if (json != null) {
					result = new RawJson(json);
				}
				return Map.entry(new Key(datastream, rs.getObject(2, OffsetDateTime.class).toInstant(),
						end == null ? null : end.toInstant(), Key.result(result)), rs.getLong(1));
			}).list().forEach(stored::add);
		}
		return stored;
	}

	/** Times in chunks of at most {@link #CHUNK}: H2 takes them as that many bind parameters. */
	private static List<List<Instant>> chunks(List<Instant> starts) {
		List<List<Instant>> chunks = new ArrayList<>();
		for (int from = 0; from < starts.size(); from += CHUNK) {
			chunks.add(starts.subList(from, Math.min(starts.size(), from + CHUNK)));
		}
		return chunks;
	}

}
