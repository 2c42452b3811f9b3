package org.cabildo.governance;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How personal the data of a Datastream is. Anything but {@code none} needs a legal basis and a
 * privacy statement, is never open, and every read of it is ledgered.
 */
public enum PersonalDataClass {

	/** No data about people (air quality, noise levels, water levels). */
	NONE,
	/** About people, but not naming them: keyed hashes of plates or device addresses. */
	PSEUDONYMOUS,
	/** About identifiable people. */
	PERSONAL,
	/** Biometrics, health, location traces of people. */
	SENSITIVE;

	@JsonValue
	public String id() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	public boolean isPersonal() {
		return this != NONE;
	}

	public static java.util.Optional<PersonalDataClass> of(String id) {
		return java.util.Arrays.stream(values()).filter(value -> value.id().equals(id)).findFirst();
	}

}
