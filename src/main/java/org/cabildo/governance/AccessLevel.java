package org.cabildo.governance;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who may read a Datastream's Observations. */
public enum AccessLevel {

	/** Anyone, without an account (only for data that is not personal). */
	OPEN,
	/** People of the owning organisation, and of the organisations it shares with, each for a declared purpose. */
	RESTRICTED,
	/** People of the owning organisation only, for a declared purpose. */
	INTERNAL;

	@JsonValue
	public String id() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	public static java.util.Optional<AccessLevel> of(String id) {
		return java.util.Arrays.stream(values()).filter(value -> value.id().equals(id)).findFirst();
	}

}
