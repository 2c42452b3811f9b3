package org.cabildo.sensing.model;

/**
 * Where a derived property's value is read from: a table keyed by the entity's id, holding at
 * most one row per entity (none: the value is null). It is read as a scalar subquery on the row
 * being filtered, ordered or selected, so the value is never stored twice and never stale.
 *
 * @param table the table, named by the migration that creates it
 * @param key its column holding the entity's id (its primary key, so the subquery is one row)
 * @param value its column holding the value
 */
public record Lookup(String table, String key, String value) {

	/** The value for the row of {@code alias}; identifiers only, no parameters. */
	public String sql(String alias) {
		// Qualified by the table's own name: no alias the statement builder hands out can shadow it.
		return "(SELECT " + table + "." + value + " FROM " + table + " WHERE " + table + "." + key + " = " + alias
				+ ".id)";
	}

}
