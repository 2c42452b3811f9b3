package org.cabildo.sensing.sql;

/**
 * A translated value expression with its type. Time values carry a start and an end (equal
 * for an instant). JSON values keep the document and path so that they can be read as the
 * type the other side of a comparison asks for.
 */
record Operand(Type type, SqlFragment sql, SqlFragment end, JsonRef json, boolean nullable) {

	enum Type {
		NUMBER, STRING, BOOLEAN, DATETIME, DATE, TIME, DURATION, INTERVAL, JSON, RESULT, GEOMETRY, NULL
	}

	/** A value inside a JSON column; {@code path} is {@code /}-separated, empty for the whole document. */
	record JsonRef(String column, String path) {
	}

	static Operand of(Type type, SqlFragment sql) {
		return new Operand(type, sql, null, null, true);
	}

	static Operand notNull(Type type, SqlFragment sql) {
		return new Operand(type, sql, null, null, false);
	}

	/** A time value whose end may differ from its start; {@code end} may be null in a row for instants. */
	static Operand interval(SqlFragment start, SqlFragment end, boolean nullable) {
		return new Operand(Type.INTERVAL, start, end, null, nullable);
	}

	static Operand json(String column, String path) {
		return new Operand(Type.JSON, null, null, new JsonRef(column, path), true);
	}

	/** An Observation result: a number column and a JSON column for every other value. */
	static Operand result(String numberColumn, String jsonColumn) {
		return new Operand(Type.RESULT, SqlFragment.of(numberColumn), null, new JsonRef(jsonColumn, ""), true);
	}

	boolean isTime() {
		return type == Type.DATETIME || type == Type.INTERVAL;
	}

	/** The end of a time value: the end column where the row has one, else the start. */
	SqlFragment endOrStart() {
		if (end == null) {
			return sql;
		}
		return SqlFragment.concat("COALESCE(", end, ", ", sql, ")");
	}

}
