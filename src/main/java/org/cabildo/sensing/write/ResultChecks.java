package org.cabildo.sensing.write;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.cabildo.sensing.store.RawJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks results against their stream's rules ({@link StreamRules}) on every way in: the
 * store asks before it writes new Observations, the writer after it changes one. The rules are
 * read with each batch (one small query) and parsed once per distinct definition, so a change
 * of a Datastream, on any node, holds from the next batch on without anything to invalidate.
 */
@Component
class ResultChecks {

	/** Parsed rules by what they were read from; a stream's definition rarely changes. */
	private final Map<Definition, StreamRules> parsed = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	ResultChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Definition(String stream, String observationType, String properties, String dataTypes) {
	}

	/** The rules of these streams (Datastreams or MultiDatastreams); a stream that does not exist has none. */
	Map<Long, StreamRules> of(Collection<Long> streams) {
		Map<Long, StreamRules> rules = new HashMap<>();
		List<Long> ids = new ArrayList<>(streams);
		for (int from = 0; from < ids.size(); from += 500) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
			jdbc.sql("SELECT id, multi, observation_type, properties, multi_observation_data_types FROM streams"
					+ " WHERE id IN (" + ObservationStore.placeholders(chunk.size()) + ")")
				.params(new ArrayList<Object>(chunk))
				.query((rs, n) -> Map.entry(rs.getLong(1),
						new Definition((rs.getBoolean(2) ? "MultiDatastream " : "Datastream ") + rs.getLong(1),
								rs.getString(3), rs.getString(4), rs.getBoolean(2) ? rs.getString(5) : null)))
				.list()
				.forEach(entry -> rules.put(entry.getKey(), rules(entry.getValue())));
		}
		return rules;
	}

	/** The rules of one stream; empty if it does not exist. */
	Optional<StreamRules> of(long stream) {
		return Optional.ofNullable(of(List.of(stream)).get(stream));
	}

	/** Why a row may not be stored; empty if it may. */
	static Optional<String> refusal(StreamRules rules, NewObservation row) {
		return rules == null ? Optional.empty() : rules.refusal(row.result());
	}

	/**
	 * Refuses a stream's definition whose reserved properties do not read as rules, after it was
	 * created or changed (in the same transaction, which the refusal rolls back).
	 */
	void requireReadable(long stream, String pointer) {
		jdbc.sql("SELECT multi, observation_type, properties, multi_observation_data_types FROM streams WHERE id = ?")
			.param(stream)
			.query((rs, n) -> {
				boolean multi = rs.getBoolean(1);
				return StreamRules.read((multi ? "MultiDatastream " : "Datastream ") + stream, rs.getString(2),
						rs.getString(3), multi ? rs.getString(4) : null, pointer);
			})
			.optional();
	}

	/** Refuses an Observation whose result, after a change, does not fit its stream. */
	void requireStoredFits(long observation, String pointer) {
		record Stored(long stream, Double number, String json) {
		}
		Stored stored = jdbc.sql("SELECT datastream_id, result_number, result_json FROM observations WHERE id = ?")
			.param(observation)
			.query((rs, n) -> new Stored(rs.getLong(1), rs.getObject(2, Double.class), rs.getString(3)))
			.optional()
			.orElse(null);
		if (stored == null) {
			return;
		}
		Object result = stored.number() != null ? stored.number()
				: stored.json() == null ? null : new RawJson(stored.json());
		of(stored.stream()).flatMap(rules -> rules.refusal(result)).ifPresent(reason -> {
			throw new InvalidEntityException(reason, pointer);
		});
	}

	private StreamRules rules(Definition definition) {
		StreamRules known = parsed.get(definition);
		if (known != null) {
			return known;
		}
		StreamRules rules;
		try {
			rules = StreamRules.read(definition.stream(), definition.observationType(), definition.properties(),
					definition.dataTypes(), "");
		}
		catch (InvalidEntityException e) {
			// Stored before reserved properties were checked: the observationType still holds.
			rules = StreamRules.read(definition.stream(), definition.observationType(), null, definition.dataTypes(), "");
		}
		if (parsed.size() > 10_000) {
			parsed.clear();
		}
		parsed.put(definition, rules);
		return rules;
	}

}
