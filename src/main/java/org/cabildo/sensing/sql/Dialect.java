package org.cabildo.sensing.sql;

/** What differs between the SQL of the supported databases. Everything else is written once. */
public interface Dialect {

	/** A bind placeholder for a JSON document given as text. */
	String jsonParameter();

	/** Text to be compared in the order of its characters (code points), whatever the database's collation. */
	SqlFragment characterOrder(SqlFragment text);

	/** 1-based position of {@code needle} in {@code haystack}, 0 when absent. */
	SqlFragment position(SqlFragment needle, SqlFragment haystack);

	/** Fraction of the second of a timestamp, in [0, 1). */
	SqlFragment fractionalSeconds(SqlFragment timestamp);

	/** The remainder of {@code dividend / divisor}, with the sign of the dividend; null when the divisor is 0. */
	SqlFragment modulo(SqlFragment dividend, SqlFragment divisor);

	/** A timestamp moved by a number of seconds. */
	SqlFragment plusSeconds(SqlFragment timestamp, SqlFragment seconds);

	/** The value to bind for {@code column = ANY(?)}. */
	Object idArray(long[] ids);

	/**
	 * Whether queries run on the calling thread (embedded H2). A virtual thread running a
	 * CPU-bound query then holds one of the scheduler's few carrier threads until it ends.
	 */
	boolean runsInProcess();

	/** Whether this is PostgreSQL, where observations are partitioned by time. */
	boolean partitionsObservations();

	static Dialect of(String databaseProductName) {
		return databaseProductName.toLowerCase().contains("postgres") ? new PostgresDialect() : new H2Dialect();
	}

}
