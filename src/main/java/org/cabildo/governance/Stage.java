package org.cabildo.governance;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a deployment is in its life: a living lab, a pilot, the whole city, or retired. */
public enum Stage {

	/** Only the owning organisation reads; the data is test data. */
	LAB,
	/** In a declared area until a declared end date. */
	PILOT,
	/** City-wide, after an impact assessment and a public consultation. */
	CITY,
	/** Collects nothing more; retention still runs. */
	RETIRED;

	@JsonValue
	public String id() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	public static java.util.Optional<Stage> of(String id) {
		return java.util.Arrays.stream(values()).filter(value -> value.id().equals(id)).findFirst();
	}

}
