package org.cabildo.sensing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on the work of SensorThings reads ({@code cabildo.sensing.reads.*}), so that a few
 * costly queries cannot take the database from everyone else.
 *
 * @param statementTimeout the longest one statement of a read may run; the database then
 * cancels it and the client hears 503 with {@code Retry-After}
 * @param concurrent reads (GET, HEAD and {@code $batch}) served at once; 0 (the default) for 8 on
 * PostgreSQL and one less than the processors on H2 (at least 1). Each read holds at most one
 * database connection at a time, so keep it below the connection pool's size
 * ({@code spring.datasource.hikari.maximum-pool-size}, 16): the rest stays free for ingest. H2
 * runs a query on the request's own virtual thread, which holds a processor until the query
 * ends: with a read per processor, nothing else (ingest, cheap reads) would run meanwhile
 * @param queueWait how long a read waits for its turn before its 503
 */
@ConfigurationProperties("cabildo.sensing.reads")
public record ReadSettings(@DefaultValue("10s") Duration statementTimeout, @DefaultValue("0") int concurrent,
		@DefaultValue("1s") Duration queueWait) {

	public static final String STATEMENT_TIMEOUT = "cabildo.sensing.reads.statement-timeout";

	public static final String CONCURRENT = "cabildo.sensing.reads.concurrent";

	/** Reads at once: as set, or the default for the database. */
	public int concurrentOn(boolean inProcessDatabase) {
		if (concurrent > 0) {
			return concurrent;
		}
		return inProcessDatabase ? Math.max(1, Runtime.getRuntime().availableProcessors() - 1) : 8;
	}

	public ReadSettings {
		if (statementTimeout.toMillis() < 1 || concurrent < 0 || queueWait.isNegative()) {
			throw new IllegalArgumentException(STATEMENT_TIMEOUT + " must be at least 1ms, " + CONCURRENT
					+ " at least 0, cabildo.sensing.reads.queue-wait not negative");
		}
	}

}
