package org.cabildo.sensing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.cabildo.sensing.write.ObservationPartitions;
import org.cabildo.sensing.write.ObservationStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removal of old Observations in small pieces, for the retention job of governance: the oldest
 * rows of a Datastream are taken (and locked) a bounded batch at a time, so that each removal
 * is a short transaction and ingest into the same Datastream never waits long.
 */
@Service
public class ObservationExpiry {

	/** Stays well below the bind-parameter limits of both databases. */
	private static final int IDS_PER_STATEMENT = 1000;

	private final JdbcClient jdbc;

	private final ObservationStore store;

	private final ObservationPartitions partitions;

	ObservationExpiry(JdbcClient jdbc, ObservationStore store, ObservationPartitions partitions) {
		this.jdbc = jdbc;
		this.store = store;
		this.partitions = partitions;
	}

	/** The months of Observations kept in a partition of their own (PostgreSQL), oldest first; none on H2. */
	public List<YearMonth> partitionedMonths() {
		return partitions.months();
	}

	/** How many Observations each Datastream has in a month's partition. */
	public Map<Long, Long> partitionContents(YearMonth month) {
		return partitions.contents(month);
	}

	/**
	 * Drops a month's partition with every Observation in it, if its contents, read again under a
	 * lock, may go; afterwards the Datastreams that had rows there are recounted.
	 */
	public boolean dropPartition(YearMonth month, Predicate<Map<Long, Long>> mayGo) {
		Map<Long, Long> before = partitions.contents(month);
		boolean dropped = partitions.drop(month, mayGo);
		if (dropped && !before.isEmpty()) {
			recount(before.keySet());
		}
		return dropped;
	}

	/** How many Observations of a Datastream have a phenomenon time before {@code cutoff}. */
	public long olderThan(long datastream, Instant cutoff) {
		return jdbc.sql("SELECT COUNT(*) FROM observations WHERE datastream_id = ? AND phenomenon_time < ?")
			.params(datastream, utc(cutoff))
			.query(Long.class)
			.single();
	}

	/** An Observation about to expire: what an aggregate needs of it. */
	public record Expiring(long id, Instant phenomenonTime, Double number) {
	}

	/**
	 * The oldest Observations of a Datastream with a phenomenon time before {@code before}, at
	 * most {@code limit}, locked until the caller's transaction ends so that no other node
	 * aggregates or removes them too.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Expiring> oldest(long datastream, Instant before, int limit) {
		return jdbc.sql("""
				SELECT id, phenomenon_time, result_number FROM observations
				WHERE datastream_id = ? AND phenomenon_time < ?
				ORDER BY phenomenon_time, id
				LIMIT ?
				FOR UPDATE""")
			.params(datastream, utc(before), limit)
			.query(ObservationExpiry::expiring)
			.list();
	}

	/**
	 * Removes these Observations of a Datastream (in the caller's transaction). The time bounds
	 * let the database use the (datastream, time) index and, on PostgreSQL, only the partitions
	 * concerned.
	 *
	 * @return how many were removed
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int remove(long datastream, List<Expiring> observations) {
		if (observations.isEmpty()) {
			return 0;
		}
		Instant first = observations.stream().map(Expiring::phenomenonTime).min(Comparator.naturalOrder()).orElseThrow();
		Instant last = observations.stream().map(Expiring::phenomenonTime).max(Comparator.naturalOrder()).orElseThrow();
		int removed = 0;
		for (int from = 0; from < observations.size(); from += IDS_PER_STATEMENT) {
			List<Expiring> chunk = observations.subList(from, Math.min(from + IDS_PER_STATEMENT, observations.size()));
			List<Object> parameters = new ArrayList<>(List.of(datastream, utc(first), utc(last)));
			chunk.forEach(observation -> parameters.add(observation.id()));
			// Their earlier results go with them: a revision must not outlive the declared retention.
			jdbc.sql("DELETE FROM observation_revisions WHERE datastream_id = ? AND observation_id IN ("
					+ String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")
				.params(revisionParameters(datastream, chunk))
				.update();
			// Only placeholders are joined into the text; every value is bound.
			removed += jdbc.sql("DELETE FROM observations WHERE datastream_id = ? AND phenomenon_time >= ?"
					+ " AND phenomenon_time <= ? AND id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?"))
					+ ")")
				.params(parameters)
				.update();
		}
		return removed;
	}

	/** After removals: the Datastreams' counts and time spans from what is stored. */
	@Transactional
	public void recount(Collection<Long> datastreams) {
		store.recompute(datastreams);
	}

	private static List<Object> revisionParameters(long datastream, List<Expiring> observations) {
		List<Object> parameters = new ArrayList<>(observations.size() + 1);
		parameters.add(datastream);
		observations.forEach(observation -> parameters.add(observation.id()));
		return parameters;
	}

	private static Expiring expiring(ResultSet rs, int n) throws SQLException {
		return new Expiring(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
				rs.getObject(3, Double.class));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
