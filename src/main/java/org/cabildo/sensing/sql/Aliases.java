package org.cabildo.sensing.sql;

/**
 * What one SQL statement is built with: table aliases unique within it, and the Datastreams
 * whose Observations it must not reach through any join.
 */
public final class Aliases {

	private final HiddenDatastreams hidden;

	private int next;

	public Aliases() {
		this(HiddenDatastreams.NONE);
	}

	public Aliases(HiddenDatastreams hidden) {
		this.hidden = hidden;
	}

	public String next(String prefix) {
		return prefix + (next++);
	}

	public HiddenDatastreams hidden() {
		return hidden;
	}

}
