package org.cabildo.sensing.sql;

/** Hands out table aliases that are unique within one SQL statement. */
public final class Aliases {

	private int next;

	public String next(String prefix) {
		return prefix + (next++);
	}

}
