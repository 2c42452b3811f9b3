package org.cabildo.sensing.sql;

import static org.cabildo.sensing.sql.SqlFragment.concat;

import java.util.Arrays;

final class PostgresDialect implements Dialect {

	@Override
	public String jsonParameter() {
		return "CAST(? AS JSONB)";
	}

	@Override
	public SqlFragment characterOrder(SqlFragment text) {
		return concat("(", text, " COLLATE \"C\")");
	}

	@Override
	public SqlFragment position(SqlFragment needle, SqlFragment haystack) {
		return concat("STRPOS(", haystack, ", ", needle, ")");
	}

	@Override
	public SqlFragment fractionalSeconds(SqlFragment timestamp) {
		return concat("(EXTRACT(SECOND FROM ", timestamp, ") - FLOOR(EXTRACT(SECOND FROM ", timestamp, ")))");
	}

	@Override
	public SqlFragment modulo(SqlFragment dividend, SqlFragment divisor) {
		return concat("MOD(CAST(", dividend, " AS NUMERIC), CAST(NULLIF(", divisor, ", 0) AS NUMERIC))");
	}

	@Override
	public SqlFragment plusSeconds(SqlFragment timestamp, SqlFragment seconds) {
		return concat("(", timestamp, " + CAST(", seconds, " AS DOUBLE PRECISION) * INTERVAL '1 second')");
	}

	@Override
	public Object idArray(long[] ids) {
		return Arrays.stream(ids).boxed().toArray(Long[]::new);
	}

	@Override
	public boolean partitionsObservations() {
		return true;
	}

	@Override
	public boolean runsInProcess() {
		return false;
	}

}
