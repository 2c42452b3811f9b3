package org.cabildo.sensing.write;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

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
		for (Instant time : times) {
			YearMonth month = YearMonth.from(time.atOffset(ZoneOffset.UTC));
			if (!known.contains(month)) {
				months.add(month);
			}
		}
		months.forEach(this::ensure);
	}

	private synchronized void ensure(YearMonth month) {
		if (known.contains(month)) {
			return;
		}
		String name = partitionName(month);
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
