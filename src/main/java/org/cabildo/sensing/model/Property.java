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
 */
public record Property(String name, ValueKind kind, String column, boolean required, boolean computed,
		boolean since11) {

	/** The columns that hold the value, in the order rows are read. */
	public String[] columns() {
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
