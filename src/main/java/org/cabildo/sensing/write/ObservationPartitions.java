package org.cabildo.sensing.write;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cabildo.sensing.sql.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL, observations live in one partition per calendar month (UTC), so that
 * retention can drop whole months. Partitions are made on first need, each in its own
 * transaction and attached with a lock that does not block concurrent ingest.
 */
@Component
public class ObservationPartitions {

	private static final Logger log = LoggerFactory.getLogger(ObservationPartitions.class);

	private final JdbcTemplate jdbc;

	private final Dialect dialect;

	private final TransactionTemplate separateTransaction;

	private static final Pattern PARTITION = Pattern.compile("observations_(m?)(\\d{4,})(\\d{2})");

	private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

	public ObservationPartitions(JdbcTemplate jdbc, Dialect dialect, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.dialect = dialect;
		this.separateTransaction = new TransactionTemplate(transactions);
		this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Makes sure a partition exists for every month these times fall in. */
	public void ensure(Collection<Instant> times) {
		if (!dialect.partitionsObservations()) {
			return;
		}
		Set<YearMonth> months = new TreeSet<>();
		YearMonth current = YearMonth.now(ZoneOffset.UTC);
		for (Instant time : times) {
			YearMonth month = YearMonth.from(time.atOffset(ZoneOffset.UTC));
			// A past month's partition may have been dropped by retention on another node since
			// this one last saw it: late data for it is checked against the catalogue.
			if (!known.contains(month) || month.isBefore(current)) {
				months.add(month);
			}
		}
		months.forEach(this::ensure);
	}

	private synchronized void ensure(YearMonth month) {
		String name = partitionName(month);
		if (known.contains(month) && (!month.isBefore(YearMonth.now(ZoneOffset.UTC)) || attached(name))) {
			return;
		}
		try {
			separateTransaction.executeWithoutResult(status -> {
				if (!attached(name)) {
					create(month, name);
				}
			});
		}
		catch (DataAccessException e) {
			// Another node may have attached it in the meantime; only then is all well.
			if (!attached(name)) {
				throw e;
			}
		}
		known.add(month);
	}

	/** The months that have a partition, oldest first; none where observations are not partitioned (H2). */
	public List<YearMonth> months() {
		if (!dialect.partitionsObservations()) {
			return List.of();
		}
		return jdbc.queryForList("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
				+ " WHERE i.inhparent = 'observations'::regclass", String.class)
			.stream()
			.map(ObservationPartitions::monthOf)
			.flatMap(Optional::stream)
			.sorted()
			.toList();
	}

	/** How many rows each Datastream has in a month's partition. */
	public Map<Long, Long> contents(YearMonth month) {
		Map<Long, Long> contents = new HashMap<>();
		jdbc.query("SELECT datastream_id, COUNT(*) FROM " + partitionName(month) + " GROUP BY datastream_id",
				rs -> {
					contents.put(rs.getLong(1), rs.getLong(2));
				});
		return contents;
	}

	/**
	 * Detaches and drops a month's partition with its rows, if what it holds (read again under an
	 * exclusive lock, so that nothing is added meanwhile) may go; a late Observation of that month
	 * makes it again.
	 *
	 * @return whether it was dropped
	 */
	public boolean drop(YearMonth month, Predicate<Map<Long, Long>> mayGo) {
		String name = partitionName(month);
		Boolean dropped = separateTransaction.execute(status -> {
			// Detaching locks the whole table; rather give up (the rows go in batches instead) than
			// queue behind a long read and hold every reader and writer up behind us.
			jdbc.execute("SET LOCAL lock_timeout = '2s'");
			jdbc.execute("LOCK TABLE " + name + " IN ACCESS EXCLUSIVE MODE");
			if (!mayGo.test(contents(month))) {
				return false;
			}
			log.info("Dropping observation partition {}: every row in it is past its retention", name);
			jdbc.execute("ALTER TABLE observations DETACH PARTITION " + name);
			jdbc.execute("DROP TABLE " + name);
			// The month's earlier results go with its rows (a revision keeps its Observation's time).
			jdbc.update("DELETE FROM observation_revisions WHERE phenomenon_time >= ? AND phenomenon_time < ?",
					month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC),
					month.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC));
			return true;
		});
		known.remove(month);
		return Boolean.TRUE.equals(dropped);
	}

	private static Optional<YearMonth> monthOf(String name) {
		Matcher matcher = PARTITION.matcher(name);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		int year = Integer.parseInt(matcher.group(2)) * (matcher.group(1).isEmpty() ? 1 : -1);
		return Optional.of(YearMonth.of(year, Integer.parseInt(matcher.group(3))));
	}

	private boolean attached(String name) {
		return Boolean.TRUE.equals(jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = to_regclass(?))", Boolean.class, name));
	}

	/*
	 * DDL takes no bind parameters; the name and bounds are derived from a YearMonth (digits
	 * only), never from client text.
	 */
	private void create(YearMonth month, String name) {
		String from = month.atDay(1) + " 00:00:00+00";
		String to = month.plusMonths(1).atDay(1) + " 00:00:00+00";
		log.info("Creating observation partition {} for {}", name, month);
		jdbc.execute("CREATE TABLE IF NOT EXISTS " + name + " (LIKE observations INCLUDING DEFAULTS)");
		jdbc.execute("ALTER TABLE observations ATTACH PARTITION " + name + " FOR VALUES FROM ('" + from + "') TO ('"
				+ to + "')");
	}

	static String partitionName(YearMonth month) {
		int year = month.getYear();
		return "observations_" + (year < 0 ? "m" + (-year) : String.format("%04d", year))
				+ String.format("%02d", month.getMonthValue());
	}

}
