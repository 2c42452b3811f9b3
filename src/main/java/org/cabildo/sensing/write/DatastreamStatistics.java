package org.cabildo.sensing.write;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.cabildo.sensing.geo.GeoJson;
import org.cabildo.sensing.sql.Dialect;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps what a Datastream says about its observations current: their count, the
 * phenomenonTime and resultTime they span and the area their features cover. Runs in the
 * transaction that changes the observations.
 */
@Component
class DatastreamStatistics {

	private final JdbcClient jdbc;

	private final Dialect dialect;

	private final Set<Long> knownFeaturePairs = ConcurrentHashMap.newKeySet();

	DatastreamStatistics(JdbcClient jdbc, Dialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	private static final class Extent {

		long count;

		Instant phenomenonStart;

		Instant phenomenonEnd;

		Instant resultStart;

		Instant resultEnd;

		final Set<Long> features = new java.util.HashSet<>();

		void add(NewObservation observation) {
			count++;
			Instant start = observation.phenomenonTime().start();
			Instant end = observation.phenomenonTime().end() == null ? start : observation.phenomenonTime().end();
			phenomenonStart = min(phenomenonStart, start);
			phenomenonEnd = max(phenomenonEnd, end);
			if (observation.resultTime() != null) {
				resultStart = min(resultStart, observation.resultTime());
				resultEnd = max(resultEnd, observation.resultTime());
			}
			features.add(observation.featureOfInterestId());
		}

	}

	/**
	 * Accounts for new observations. Datastreams are updated in id order so that concurrent
	 * writers lock them in the same order.
	 *
	 * @return the ids of datastreams that no longer exist
	 */
	List<Long> added(Collection<NewObservation> observations) {
		Map<Long, Extent> extents = new TreeMap<>();
		for (NewObservation observation : observations) {
			extents.computeIfAbsent(observation.datastreamId(), id -> new Extent()).add(observation);
		}
		List<Long> missing = new ArrayList<>();
		extents.forEach((datastream, extent) -> {
			int updated = jdbc.sql("""
					UPDATE streams SET observation_count = observation_count + ?,
					    phenomenon_time_start = LEAST(COALESCE(phenomenon_time_start, ?), ?),
					    phenomenon_time_end = GREATEST(COALESCE(phenomenon_time_end, ?), ?),
					    result_time_start = COALESCE(LEAST(COALESCE(result_time_start, ?), ?), result_time_start),
					    result_time_end = COALESCE(GREATEST(COALESCE(result_time_end, ?), ?), result_time_end)
					WHERE id = ?""")
				.params(extent.count, utc(extent.phenomenonStart), utc(extent.phenomenonStart),
						utc(extent.phenomenonEnd), utc(extent.phenomenonEnd), utc(extent.resultStart),
						utc(extent.resultStart), utc(extent.resultEnd), utc(extent.resultEnd), datastream)
				.update();
			if (updated == 0) {
				missing.add(datastream);
				return;
			}
			for (long feature : extent.features) {
				addFeature(datastream, feature);
			}
		});
		return missing;
	}

	private void addFeature(long datastream, long feature) {
		long key = datastream << 32 | feature;
		if (knownFeaturePairs.contains(key)) {
			return;
		}
		int inserted = jdbc.sql("""
				INSERT INTO datastream_features (datastream_id, feature_of_interest_id)
				SELECT ?, ? FROM (VALUES (1)) one WHERE NOT EXISTS (
				    SELECT 1 FROM datastream_features WHERE datastream_id = ? AND feature_of_interest_id = ?)""")
			.params(datastream, feature, datastream, feature)
			.update();
		if (inserted > 0) {
			recomputeObservedArea(datastream);
		}
		knownFeaturePairs.add(key);
	}

	/** After observations were removed or moved: recounts and recomputes from what is stored. */
	void recompute(Collection<Long> datastreams) {
		for (long datastream : new java.util.TreeSet<>(datastreams)) {
			jdbc.sql("""
					UPDATE streams SET
					    observation_count = (SELECT COUNT(*) FROM observations o WHERE o.datastream_id = ?),
					    phenomenon_time_start = (SELECT MIN(o.phenomenon_time) FROM observations o WHERE o.datastream_id = ?),
					    phenomenon_time_end = (SELECT MAX(COALESCE(o.phenomenon_time_end, o.phenomenon_time))
					        FROM observations o WHERE o.datastream_id = ?),
					    result_time_start = (SELECT MIN(o.result_time) FROM observations o WHERE o.datastream_id = ?),
					    result_time_end = (SELECT MAX(o.result_time) FROM observations o WHERE o.datastream_id = ?)
					WHERE id = ?""")
				.params(datastream, datastream, datastream, datastream, datastream, datastream)
				.update();
			jdbc.sql("""
					DELETE FROM datastream_features WHERE datastream_id = ? AND NOT EXISTS (
					    SELECT 1 FROM observations o
					    WHERE o.datastream_id = datastream_features.datastream_id
					      AND o.feature_of_interest_id = datastream_features.feature_of_interest_id)""")
				.param(datastream)
				.update();
			knownFeaturePairs.removeIf(key -> key >>> 32 == datastream);
			recomputeObservedArea(datastream);
		}
	}

	/** After a feature's geometry changed: the areas of the datastreams observing it. */
	void featureChanged(long feature) {
		jdbc.sql("SELECT datastream_id FROM datastream_features WHERE feature_of_interest_id = ?")
			.param(feature)
			.query(Long.class)
			.list()
			.forEach(this::recomputeObservedArea);
	}

	void recomputeObservedArea(long datastream) {
		List<String> features = jdbc.sql("""
				SELECT f.feature FROM features_of_interest f
				JOIN datastream_features df ON df.feature_of_interest_id = f.id
				WHERE df.datastream_id = ? AND f.encoding_type IN ('application/geo+json', 'application/vnd.geo+json')""")
			.param(datastream)
			.query(String.class)
			.list();
		List<Geometry> geometries = new ArrayList<>();
		for (String feature : features) {
			try {
				geometries.add(GeoJson.read(JsonMapper.shared().readTree(feature)));
			}
			catch (IllegalArgumentException ignored) {
				// a feature that is not valid GeoJSON adds nothing to the area
			}
		}
		String area = null;
		if (!geometries.isEmpty()) {
			Geometry all = new GeometryFactory().buildGeometry(geometries);
			area = GeoJson.write(all.getEnvelope()).toString();
		}
		jdbc.sql("UPDATE streams SET observed_area = " + dialect.jsonParameter() + " WHERE id = ?")
			.params(area, datastream)
			.update();
	}

	private static java.time.OffsetDateTime utc(Instant instant) {
		return ColumnValues.utc(instant);
	}

	private static Instant min(Instant a, Instant b) {
		return a == null || b.isBefore(a) ? b : a;
	}

	private static Instant max(Instant a, Instant b) {
		return a == null || b.isAfter(a) ? b : a;
	}

}
