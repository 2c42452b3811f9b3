package org.cabildo.sensing.model;

/**
 * A property of an entity type.
 *
 * @param name the name in JSON
 * @param kind how the value is represented
 * @param column the column, or the column prefix for intervals and results
 * @param required whether a create must carry it
 * @param computed whether the server maintains it (clients may not write it)
 * @param since11 whether it exists only from SensorThings 1.1 on
 * @param lookup for a property the server derives from another table, where it reads it; null
 * for the properties of the standard, stored in the entity's own table
 */
public record Property(String name, ValueKind kind, String column, boolean required, boolean computed,
		boolean since11, Lookup lookup) {

	public Property {
		// One column of text or time: JSON members and intervals are read from columns of the row.
		if (lookup != null && (!computed || required || (kind != ValueKind.TEXT && kind != ValueKind.INSTANT))) {
			throw new IllegalArgumentException("a derived property is computed, optional, text or an instant: " + name);
		}
	}

	/** A property of the standard, stored in the entity's own table. */
	public Property(String name, ValueKind kind, String column, boolean required, boolean computed,
			boolean since11) {
		this(name, kind, column, required, computed, since11, null);
	}

	/**
	 * Whether the server derives the value from another table ({@link #lookup()}) rather than
	 * storing it with the entity. Such a property is not of the standard: it is filtered and
	 * ordered on and read with {@code $select}, but not in an entity's default representation,
	 * and never written.
	 */
	public boolean derived() {
		return lookup != null;
	}

	/** The SQL expressions that read the value for the row of {@code alias}, one per column. */
	public String[] sql(String alias) {
		if (lookup != null) {
			return new String[] { lookup.sql(alias) };
		}
		String[] columns = columns();
		String[] sql = new String[columns.length];
		for (int i = 0; i < columns.length; i++) {
			sql[i] = alias + "." + columns[i];
		}
		return sql;
	}

	/** The columns that hold the value, in the order rows are read. */
	public String[] columns() {
		return columns(kind, column);
	}

	private static String[] columns(ValueKind kind, String column) {
		return switch (kind) {
			case INTERVAL -> new String[] { column + "_start", column + "_end" };
			case INSTANT_OR_INTERVAL -> new String[] { column, column + "_end" };
			case RESULT -> new String[] { column + "_number", column + "_json" };
			default -> new String[] { column };
		};
	}

	public boolean isJson() {
		return kind == ValueKind.JSON || kind == ValueKind.GEOMETRY;
	}

}
