package org.cabildo.sensing.sql;

import static org.cabildo.sensing.sql.SqlFragment.concat;

import java.util.Arrays;

final class H2Dialect implements Dialect {

	@Override
	public String jsonParameter() {
		return "?";
	}

	@Override
	public SqlFragment characterOrder(SqlFragment text) {
		// H2 compares text by its characters unless a collation is set, and Cabildo sets none.
		return text;
	}

	@Override
	public SqlFragment position(SqlFragment needle, SqlFragment haystack) {
		return concat("LOCATE(", needle, ", ", haystack, ")");
	}

	@Override
	public SqlFragment fractionalSeconds(SqlFragment timestamp) {
		return concat("(EXTRACT(NANOSECOND FROM ", timestamp, ") / 1000000000.0)");
	}

	@Override
	public SqlFragment modulo(SqlFragment dividend, SqlFragment divisor) {
		// A NUMERIC cast without scale rounds to an integer in H2; DECFLOAT keeps the fraction.
		return concat("MOD(CAST(", dividend, " AS DECFLOAT), CAST(NULLIF(", divisor, ", 0) AS DECFLOAT))");
	}

	@Override
	public SqlFragment plusSeconds(SqlFragment timestamp, SqlFragment seconds) {
		return concat("DATEADD(MICROSECOND, CAST(CAST(", seconds, " AS DOUBLE PRECISION) * 1000000 AS BIGINT), CAST(",
				timestamp, " AS TIMESTAMP WITH TIME ZONE))");
	}

	@Override
	public Object idArray(long[] ids) {
		return Arrays.stream(ids).boxed().toArray(Long[]::new);
	}

	@Override
	public boolean partitionsObservations() {
		return false;
	}

	@Override
	public boolean runsInProcess() {
		return true;
	}

}
